import { describe, expect, it } from 'vitest';
import { loadPlaybooks } from '../../../src/playbooks/load.js';
import { buildPlaybookMessage, buildTypeList } from '../../../src/slack/blocks/catalog.js';
import { expectWithinBlockKitLimits } from '../../helpers/block-kit.js';
import { allText } from '../../helpers/block-text.js';

const playbooks = loadPlaybooks().set;

describe('catalog messages', () => {
  it('lists every type, one line each, within limits', () => {
    const message = buildTypeList(playbooks);
    expectWithinBlockKitLimits(message.blocks);
    const text = allText(message.blocks).join('\n');
    for (const playbook of playbooks.all) expect(text).toContain(`\`${playbook.id}\``);
  });

  it('shows every playbook within limits, with its signals and actions', () => {
    for (const playbook of playbooks.all) {
      const message = buildPlaybookMessage(playbook);
      expectWithinBlockKitLimits(message.blocks);
      expect(allText(message.blocks).join('\n')).toContain('*How to recognise them*');
    }
  });
});
