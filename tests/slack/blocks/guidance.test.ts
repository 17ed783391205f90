import { beforeAll, describe, expect, it } from 'vitest';
import type { Classification } from '../../../src/classifier/classifier.js';
import { loadPlaybooks } from '../../../src/playbooks/load.js';
import { PlaybookSet } from '../../../src/playbooks/playbook-set.js';
import type { Playbook } from '../../../src/playbooks/schema.js';
import {
  buildGuidanceMessage,
  buildGuidanceModal,
  buildSharedGuidance,
  confidenceText,
  CORRECT_ACTION,
  parseCorrectionChoice,
  parseGuidanceRef,
  SHARE_ACTION,
} from '../../../src/slack/blocks/guidance.js';
import { expectWithinBlockKitLimits } from '../../helpers/block-kit.js';
import { allText, LIVE_MARKUP } from '../../helpers/block-text.js';

let playbooks: PlaybookSet;
let longest: Playbook;
beforeAll(() => {
  playbooks = loadPlaybooks().set;
  const size = (p: Playbook) => JSON.stringify({ ...p, examples: [], quiz: {} }).length;
  longest = [...playbooks.all].sort((a, b) => size(b) - size(a))[0]!;
});

function classification(type: string | null, overrides: Partial<Classification> = {}): Classification {
  const ranked = playbooks.ids.map((id, index) => ({ type: id, score: id === type ? 0.82 : 0.18 / (playbooks.ids.length - 1) + index * 0 }));
  ranked.sort((a, b) => b.score - a.score);
  return {
    type,
    confidence: type ? 0.82 : 0,
    ranked,
    cues: ['"ridiculous"', 'ALL CAPS'],
    secondary: null,
    abstain: type ? null : { reason: 'no-signal', message: 'Not enough to go on: nothing in this text points to a customer type.' },
    truncated: false,
    lang: 'en',
    ...overrides,
  };
}

const actionsOf = (blocks: any[]) => blocks.find((block) => block.type === 'actions');

describe('buildGuidanceMessage', () => {
  it('shows the type, a confidence bar in words, why, how to handle, do and don\'t, an opener and the buttons', () => {
    const message = buildGuidanceMessage(classification('angry'), playbooks, { ref: { classificationId: 7, channelId: 'C1' } });
    expectWithinBlockKitLimits(message.blocks);
    expect(message.blocks[0]).toMatchObject({ type: 'header', text: { text: expect.stringContaining('The Angry Customer') } });
    expect((message.blocks[0] as any).text.text).toContain('▰▰▰▰▱ High · 82%');
    const text = allText(message.blocks).join('\n');
    for (const part of ['*Why:*', '*How to handle*', '*Do*', "*Don't*", '*Opening line to paste*', '*Every customer wants:*']) {
      expect(text).toContain(part);
    }
    const actions = actionsOf(message.blocks);
    expect(actions.elements.map((e: any) => e.action_id)).toEqual([SHARE_ACTION, CORRECT_ACTION]);
    expect(actions.elements[1].options).toHaveLength(playbooks.all.length);
  });

  it('stays within Block Kit limits with the longest playbook, a second type and every note', () => {
    const result = classification(longest.id, {
      cues: Array.from({ length: 6 }, () => `"${'x'.repeat(400)}"`),
      secondary: { type: playbooks.ids.find((id) => id !== longest.id)!, score: 0.3 },
      truncated: true,
    });
    const message = buildGuidanceMessage(result, playbooks, { sourceNote: 'the forwarded message, not the comment posted with it' });
    expectWithinBlockKitLimits(message.blocks);
    expect(allText(message.blocks).join('\n')).toContain('Only the first 4,000 characters were read.');
    expect(allText(message.blocks).join('\n')).toContain('Also shows signs of');
  });

  it('cuts an enormous playbook down to Slack\'s limits instead of failing', () => {
    const huge: Playbook = {
      ...longest,
      id: 'huge',
      name: 'N'.repeat(300),
      summary: 'S'.repeat(200),
      actions: Array.from({ length: 30 }, (_, i) => `${i} ${'a'.repeat(490)}`),
      do: Array.from({ length: 30 }, () => 'd'.repeat(490)),
      dont: Array.from({ length: 30 }, () => 'n'.repeat(490)),
      openers: ['o'.repeat(500)],
    };
    const set = new PlaybookSet([huge, ...playbooks.all], playbooks.shared);
    const message = buildGuidanceMessage({ ...classification(null), type: 'huge', confidence: 0.5, abstain: null }, set);
    expectWithinBlockKitLimits(message.blocks);
  });

  it('escapes customer words in the cues, so a pasted mention or link never goes live', () => {
    const result = classification('angry', { cues: ['"<!channel>"', '"<@U123ABC>"', '"<https://evil.example|click>"', '"a & b"'] });
    const text = allText(buildGuidanceMessage(result, playbooks).blocks).join('\n');
    expect(text).not.toMatch(LIVE_MARKUP);
    expect(text).toContain('&lt;!channel&gt;');
    expect(text).toContain('a &amp; b');
  });

  it('abstains with the reason, the three closest types and a tip, and no buttons', () => {
    const message = buildGuidanceMessage(classification(null), playbooks);
    expectWithinBlockKitLimits(message.blocks);
    const text = allText(message.blocks).join('\n');
    expect(text).toContain('Not enough to go on');
    expect(text).toMatch(/Closest types: \*.+\* \(\d+%\), \*.+\* \(\d+%\), \*.+\* \(\d+%\)/);
    expect(text).toContain('paste more');
    expect(actionsOf(message.blocks)).toBeUndefined();
  });
});

describe('button values', () => {
  it('round-trip through the share button and every correction option, each option within 150 characters', () => {
    const message = buildGuidanceMessage(classification('loyalist'), playbooks, {
      ref: { classificationId: 123456789, channelId: 'C0123456789', threadTs: '1700000000.000100' },
    });
    const [share, select] = actionsOf(message.blocks).elements;
    expect(parseGuidanceRef(share.value)).toEqual({
      classificationId: 123456789,
      type: 'loyalist',
      confidence: 0.82,
      channelId: 'C0123456789',
      threadTs: '1700000000.000100',
    });
    for (const option of select.options) {
      expect(option.value.length).toBeLessThanOrEqual(150);
      expect(parseCorrectionChoice(option.value)).toMatchObject({ classificationId: 123456789, predicted: 'loyalist', confidence: 0.82 });
    }
  });

  it('are refused when tampered with', () => {
    for (const value of [undefined, 42, '', 'not json', '{"type":1}', '{"type":"angry","confidence":7}', 'x'.repeat(3000)]) {
      expect(parseGuidanceRef(value)).toBeUndefined();
      expect(parseCorrectionChoice(value)).toBeUndefined();
    }
  });
});

describe('buildSharedGuidance', () => {
  it('shares the guidance and who shared it, never the cues that quote the customer', () => {
    const shared = buildSharedGuidance({ type: 'angry', confidence: 0.82 }, playbooks, 'U0AGENT')!;
    expectWithinBlockKitLimits(shared.blocks);
    const text = allText(shared.blocks).join('\n');
    expect(text).toContain('<@U0AGENT>');
    expect(text).not.toContain('*Why:*');
    expect(text).toContain(confidenceText(0.82));
    expect(buildSharedGuidance({ type: 'no-such-type', confidence: 0.5 }, playbooks, 'U1')).toBeUndefined();
  });
});

describe('buildGuidanceModal', () => {
  it('carries the same answer without buttons, with a title within 24 characters', () => {
    const modal = buildGuidanceModal(buildGuidanceMessage(classification('skeptic'), playbooks));
    expect(modal.title.text.length).toBeLessThanOrEqual(24);
    expect(modal.blocks.some((block) => block.type === 'actions')).toBe(false);
    expect(modal.blocks.length).toBeGreaterThan(3);
  });
});
