import type { Lang } from '../lang.js';
import type { PlaybookSet } from '../playbooks/playbook-set.js';
import type { Playbook } from '../playbooks/schema.js';

export type CommandRequest =
  | { kind: 'help' }
  | { kind: 'list' }
  | { kind: 'stats' }
  | { kind: 'leaderboard' }
  | { kind: 'corrections' }
  /** The team examples agents taught, for a lead to see and remove. */
  | { kind: 'examples' }
  | { kind: 'quiz'; action: 'now' | 'off' | 'setup' | 'help' }
  /** `language zh|en|auto`; no choice (or one we do not know) asks which language is in use. */
  | { kind: 'language'; choice?: Lang | 'auto' }
  | { kind: 'playbook'; playbook: Playbook }
  | { kind: 'classify'; text: string };

/** A type's name is a few words; anything longer is a customer message even if it starts like one. */
const MAX_LOOKUP_LENGTH = 60;

/** Subcommands by every word an agent may type for them, in English and in Chinese. */
const SUBCOMMANDS = new Map<string, 'help' | 'list' | 'stats' | 'leaderboard' | 'corrections' | 'examples'>([
  ['help', 'help'],
  ['帮助', 'help'],
  ['说明', 'help'],
  ['list', 'list'],
  ['types', 'list'],
  ['列表', 'list'],
  ['类型', 'list'],
  ['stats', 'stats'],
  ['统计', 'stats'],
  ['成绩', 'stats'],
  ['leaderboard', 'leaderboard'],
  ['排行榜', 'leaderboard'],
  ['排行', 'leaderboard'],
  ['corrections', 'corrections'],
  ['纠正', 'corrections'],
  ['examples', 'examples'],
  ['团队例句', 'examples'],
  ['例句', 'examples'],
]);
const QUIZ_ACTIONS = new Map<string, 'now' | 'off' | 'setup'>([
  ['now', 'now'],
  ['off', 'off'],
  ['setup', 'setup'],
  ['现在', 'now'],
  ['马上', 'now'],
  ['立即', 'now'],
  ['关闭', 'off'],
  ['停止', 'off'],
  ['设置', 'setup'],
]);
const LANGUAGE_CHOICES = new Map<string, Lang | 'auto'>([
  ['zh', 'zh'],
  ['chinese', 'zh'],
  ['中文', 'zh'],
  ['汉语', 'zh'],
  ['简体中文', 'zh'],
  ['繁體中文', 'zh'],
  ['繁体中文', 'zh'],
  ['en', 'en'],
  ['english', 'en'],
  ['英文', 'en'],
  ['英语', 'en'],
  ['auto', 'auto'],
  ['自动', 'auto'],
]);
/**
 * English subcommands take a space before their argument; Chinese ones are often typed without, and
 * take only the words they know, so a short message such as "语言不通" is still a message.
 */
const QUIZ = /^(?:quiz(?: (\S+))?|(?:小测验|测验) ?(现在|马上|立即|关闭|停止|设置)?)$/u;
const LANGUAGE = /^(?:(?:language|lang)(?: (\S+))?|语言 ?(中文|汉语|简体中文|繁體中文|繁体中文|英文|英语|自动|zh|en|auto)?)$/u;

/** What the text after `/customertype` asks for. Anything that is not a subcommand or a type is a message to classify. */
export function parseCommandText(raw: string, playbooks: PlaybookSet): CommandRequest {
  const text = raw.trim();
  if (text === '?' || text === '？') return { kind: 'help' };
  // Subcommands and type names are short; a long text is a message, and is not scanned here.
  if (text.length > MAX_LOOKUP_LENGTH) return { kind: 'classify', text };
  // "stats?", "Leaderboard.", "quiz  now" and "统计。" are the subcommands, typed the way people type.
  const word = text.toLowerCase().replace(/[?.!？。！]+$/u, '').replace(/[\s\u3000]+/gu, ' ').trim();
  if (word === '') return { kind: 'help' };
  const subcommand = SUBCOMMANDS.get(word);
  if (subcommand) return { kind: subcommand };
  const quiz = QUIZ.exec(word);
  // "quiz start", "quiz settings": a quiz subcommand we don't have; its help lists the real ones.
  if (quiz) return { kind: 'quiz', action: QUIZ_ACTIONS.get(quiz[1] ?? quiz[2] ?? '') ?? 'help' };
  const language = LANGUAGE.exec(word);
  if (language) {
    const choice = LANGUAGE_CHOICES.get(language[1] ?? language[2] ?? '');
    return choice ? { kind: 'language', choice } : { kind: 'language' };
  }
  const playbook = playbooks.find(text);
  if (playbook) return { kind: 'playbook', playbook };
  return { kind: 'classify', text };
}
