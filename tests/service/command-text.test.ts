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
