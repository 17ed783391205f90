import { describe, expect, it } from 'vitest';
import { loadPlaybooks } from '../../src/playbooks/load.js';
import { parseCommandText } from '../../src/service/command-text.js';

const playbooks = loadPlaybooks().set;

describe('/customertype examples', () => {
  it.each(['examples', 'Examples.', '例句', '团队例句', '例句。'])('%s asks for the team examples', (text) => {
    expect(parseCommandText(text, playbooks)).toEqual({ kind: 'examples' });
  });

  it('a message that mentions examples is still a message', () => {
    expect(parseCommandText('can you give me examples of your pricing?', playbooks).kind).toBe('classify');
  });
});
