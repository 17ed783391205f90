import { describe, expect, it } from 'vitest';
import { loadPlaybooks } from '../../src/playbooks/load.js';
import { parseCommandText } from '../../src/service/command-text.js';

const playbooks = loadPlaybooks().set;

describe('parseCommandText', () => {
  it.each([
    ['', 'help'],
    ['   ', 'help'],
    ['help', 'help'],
    ['HELP', 'help'],
    ['list', 'list'],
    ['stats', 'stats'],
    ['stats?', 'stats'],
    ['Leaderboard.', 'leaderboard'],
    ['?', 'help'],
  ])('%j is %s', (text, kind) => {
    expect(parseCommandText(text, playbooks).kind).toBe(kind);
  });

  it.each([
    ['quiz', 'help'],
    ['quiz  now', 'now'],
    ['Quiz setup!', 'setup'],
    ['quiz start', 'help'],
  ])('%j is the quiz subcommand %s', (text, action) => {
    expect(parseCommandText(text, playbooks)).toEqual({ kind: 'quiz', action });
  });

  it('finds a playbook by id, name or alias', () => {
    for (const text of ['bargain-hunter', 'The Bargain Hunter', 'discount dan']) {
      expect(parseCommandText(text, playbooks)).toMatchObject({ kind: 'playbook', playbook: { id: 'bargain-hunter' } });
    }
  });

  it('classifies anything else, including a long message that starts with a type name', () => {
    expect(parseCommandText('Where is my refund?', playbooks)).toEqual({ kind: 'classify', text: 'Where is my refund?' });
    expect(parseCommandText('Quiz me on your pricing, is it really cheaper?', playbooks).kind).toBe('classify');
    const long = `angry ${'x'.repeat(100)}`;
    expect(parseCommandText(long, playbooks)).toEqual({ kind: 'classify', text: long });
    // Not scanned for subcommands: a run of marks once cost quadratic time before the ack.
    const marks = `${'?'.repeat(40_000)}x`;
    const started = performance.now();
    expect(parseCommandText(marks, playbooks).kind).toBe('classify');
    expect(performance.now() - started).toBeLessThan(100);
  });
});

describe('parseCommandText: the weekly digest', () => {
  it.each([
    ['digest', { kind: 'show' }],
    ['Digest?', { kind: 'show' }],
    ['digest dm', { kind: 'dm' }],
    ['digest  OFF', { kind: 'off' }],
    ['digest here', { kind: 'here' }],
    ['digest <#C0TEAM|team-leads>', { kind: 'channel', channelId: 'C0TEAM' }],
    ['digest <#G0PRIVATE>', { kind: 'channel', channelId: 'G0PRIVATE' }],
    ['digest #support', { kind: 'channel-name', name: 'support' }],
    ['digest weekly please', { kind: 'help' }],
    ['周报', { kind: 'show' }],
    ['每周周报', { kind: 'show' }],
    ['周报 私信', { kind: 'dm' }],
    ['周报私信', { kind: 'dm' }],
    ['周报 关闭', { kind: 'off' }],
    ['周报 这里', { kind: 'here' }],
    ['周报 #客服组', { kind: 'channel-name', name: '客服组' }],
    ['周报 <#C0TEAM|客服组>', { kind: 'channel', channelId: 'C0TEAM' }],
  ])('%j is the digest action %j', (text, action) => {
    expect(parseCommandText(text, playbooks)).toEqual({ kind: 'digest', action });
  });

  it('leaves messages that only start like it to the classifier', () => {
    expect(parseCommandText('周报写不完了，你们的系统太慢', playbooks).kind).toBe('classify');
    expect(parseCommandText('周报 怎么还没发给我', playbooks).kind).toBe('classify');
    expect(parseCommandText(`digest ${'x'.repeat(80)}`, playbooks).kind).toBe('classify');
  });
});
