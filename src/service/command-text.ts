import type { PlaybookSet } from '../playbooks/playbook-set.js';
import type { Playbook } from '../playbooks/schema.js';

export type CommandRequest =
  | { kind: 'help' }
  | { kind: 'list' }
  | { kind: 'stats' }
  | { kind: 'leaderboard' }
  | { kind: 'corrections' }
  | { kind: 'quiz'; action: 'now' | 'off' | 'setup' | 'help' }
  | { kind: 'playbook'; playbook: Playbook }
  | { kind: 'classify'; text: string };

/** A type's name is a few words; anything longer is a customer message even if it starts like one. */
const MAX_LOOKUP_LENGTH = 60;

/** What the text after `/customertype` asks for. Anything that is not a subcommand or a type is a message to classify. */
export function parseCommandText(raw: string, playbooks: PlaybookSet): CommandRequest {
  const text = raw.trim();
  if (text === '?') return { kind: 'help' };
  // Subcommands and type names are short; a long text is a message, and is not scanned here.
  if (text.length > MAX_LOOKUP_LENGTH) return { kind: 'classify', text };
  // "stats?", "Leaderboard." and "quiz  now" are the subcommands, typed the way people type.
  const word = text.toLowerCase().replace(/[?.!]+$/, '').replace(/\s+/g, ' ');
  if (word === '' || word === 'help') return { kind: 'help' };
  if (word === 'list' || word === 'types') return { kind: 'list' };
  if (word === 'stats') return { kind: 'stats' };
  if (word === 'leaderboard') return { kind: 'leaderboard' };
  if (word === 'corrections') return { kind: 'corrections' };
  const quiz = /^quiz(?: (now|off|setup))?$/.exec(word);
  if (quiz) return { kind: 'quiz', action: (quiz[1] as 'now' | 'off' | 'setup' | undefined) ?? 'help' };
  // "quiz start", "quiz settings": a quiz subcommand we don't have; its help lists the real ones.
  if (/^quiz \S+$/.test(word)) return { kind: 'quiz', action: 'help' };
  const playbook = playbooks.find(text);
  if (playbook) return { kind: 'playbook', playbook };
  return { kind: 'classify', text };
}
