import { describe, expect, it } from 'vitest';
import { loadPlaybooks } from '../../../src/playbooks/load.js';
import { buildCorrectionsMessage } from '../../../src/slack/blocks/corrections.js';
import { expectWithinBlockKitLimits } from '../../helpers/block-kit.js';
import { allText } from '../../helpers/block-text.js';

const playbooks = loadPlaybooks().set;

describe('buildCorrectionsMessage', () => {
  it('lists the pairs by name, most frequent first, and cuts a long list with a count of the rest', () => {
    const corrections = playbooks.ids.flatMap((predicted, i) => [{ predicted, corrected: playbooks.ids[(i + 1) % playbooks.ids.length]!, count: 40 - i }]);
    const message = buildCorrectionsMessage({ answered: 500, confirmed: 12, corrections, days: 30 }, playbooks);
    expectWithinBlockKitLimits(message.blocks);
    const text = allText(message.blocks).join('\n');
    expect(text).toContain('In the last 30 days: 500 answers named a type; agents corrected');
    expect(text.indexOf(`*${playbooks.all[0]!.name}* → *${playbooks.all[1]!.name}*: 40`)).toBeGreaterThan(0);
    expect(text).toContain(`…and ${playbooks.ids.length - 15} more pairs.`);
  });

  it('says when there are none, and shows an unknown or missing type without markup', () => {
    expect(allText(buildCorrectionsMessage({ answered: 3, confirmed: 0, corrections: [], days: 30 }, playbooks).blocks).join('\n')).toContain('No corrections yet');
    const odd = buildCorrectionsMessage({ answered: 1, confirmed: 0, corrections: [{ predicted: null, corrected: '<!channel>', count: 1 }], days: 30 }, playbooks);
    const text = allText(odd.blocks).join('\n');
    expect(text).toContain('*no type* → *&lt;!channel&gt;*: 1');
  });
});
