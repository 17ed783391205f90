import { describe, expect, it } from 'vitest';
import { buildHelpMessage } from '../../../src/slack/blocks/help.js';
import { expectWithinBlockKitLimits } from '../../helpers/block-kit.js';

describe('buildHelpMessage', () => {
  it('explains every subcommand within Block Kit limits, with a text fallback', () => {
    const message = buildHelpMessage();
    expectWithinBlockKitLimits(message.blocks);
    expect(message.text).toContain('/customertype');
    const rendered = JSON.stringify(message.blocks);
    for (const usage of ['/customertype list', '/customertype stats', '/customertype help', 'Classify customer type']) {
      expect(rendered).toContain(usage);
    }
  });
});
