import { describe, expect, it } from 'vitest';
import { tokenize, type Token } from '../../src/classifier/tokenize.js';

const negatedWords = (tokens: Token[]) => tokens.filter((token) => token.negated).map((token) => token.text);

describe('tokenize', () => {
  it('reads swearing before praise as praise, within one text', () => {
    expect(negatedWords(tokenize('that was damn good'))).toEqual(['damn']);
  });

  it('does not reach back into the text tokenized before it: a new segment starts afresh', () => {
    const tokens: Token[] = [];
    tokenize('where is my refund, damn', 1, tokens);
    tokenize('good morning, I wrote last week', 0.5, tokens);
    expect(negatedWords(tokens)).toEqual([]);
  });
});
