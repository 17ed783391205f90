import type { InsightsPeriod } from '../insights/period.js';
import type { Lang } from '../lang.js';
import type { PlaybookSet } from '../playbooks/playbook-set.js';
import type { Playbook } from '../playbooks/schema.js';

export type CommandRequest =
  | { kind: 'help' }
  | { kind: 'list' }
  | { kind: 'stats' }
  | { kind: 'leaderboard' }
  | { kind: 'corrections' }
  /** For leads: `insights [period]` (this week unless said) and `export [period]` (the last 4 weeks unless said). */
  | { kind: 'insights'; period: InsightsPeriod | 'unknown' }
  | { kind: 'export'; period: InsightsPeriod | 'unknown' }
  /** The team examples agents taught, for a lead to see and remove. */
  | { kind: 'examples' }
  /** A lead deletes everything kept for the workspace (after a confirm button). */
  | { kind: 'delete-data' }
  | { kind: 'quiz'; action: 'now' | 'off' | 'setup' | 'help' }
  /** `language zh|en|auto`; no choice (or one we do not know) asks which language is in use. */
  | { kind: 'language'; choice?: Lang | 'auto' }
  /** The weekly digest: show the setting, send it to a channel or to each lead by DM, or stop it. */
  | { kind: 'digest'; action: DigestAction }
  | { kind: 'playbook'; playbook: Playbook }
  | { kind: 'classify'; text: string };

export type DigestAction =
  | { kind: 'show' }
  | { kind: 'dm' }
  | { kind: 'off' }
  | { kind: 'here' }
  /** `<#C123|name>` as Slack escapes a channel picked from its list. */
  | { kind: 'channel'; channelId: string }
  /** `#name` typed as plain text: only the current channel's name can be told from it here. */
  | { kind: 'channel-name'; name: string }
  | { kind: 'help' };

/** A type's name is a few words; anything longer is a customer message even if it starts like one. */
const MAX_LOOKUP_LENGTH = 60;

/** Subcommands by every word an agent may type for them, in English and in Chinese. */
const SUBCOMMANDS = new Map<string, 'help' | 'list' | 'stats' | 'leaderboard' | 'corrections' | 'examples' | 'delete-data'>([
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
  ['delete-data', 'delete-data'],
  ['删除数据', 'delete-data'],
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
const PERIODS = new Map<string, InsightsPeriod>([
  ['this week', 'this-week'],
  ['this-week', 'this-week'],
  ['week', 'this-week'],
  ['本周', 'this-week'],
  ['这周', 'this-week'],
  ['这一周', 'this-week'],
  ['last week', 'last-week'],
  ['last-week', 'last-week'],
  ['上周', 'last-week'],
  ['上一周', 'last-week'],
  ['last 4 weeks', 'last-4-weeks'],
  ['last-4-weeks', 'last-4-weeks'],
  ['last four weeks', 'last-4-weeks'],
  ['4 weeks', 'last-4-weeks'],
  ['近四周', 'last-4-weeks'],
  ['最近四周', 'last-4-weeks'],
  ['近4周', 'last-4-weeks'],
  ['最近4周', 'last-4-weeks'],
]);
const CHINESE_PERIOD = '本周|这周|这一周|上周|上一周|近四周|最近四周|近 ?4 ?周|最近 ?4 ?周';

/**
 * English subcommands take a space before their argument; Chinese ones are often typed without, and
 * take only the words they know, so a short message such as "语言不通" is still a message.
 */
const QUIZ = /^(?:quiz(?: (\S+))?|(?:小测验|测验) ?(现在|马上|立即|关闭|停止|设置)?)$/u;
const INSIGHTS = new RegExp(`^(?:insights?(?: (.+))?|(?:团队洞察|洞察|团队数据|数据看板|数据) ?(${CHINESE_PERIOD})?)$`, 'u');
const EXPORT = new RegExp(`^(?:export(?: (.+))?|导出(?:数据)? ?(${CHINESE_PERIOD})?)$`, 'u');
/** Like the others, the Chinese form takes only the words it knows, so "周报写不完了" is still a message. */
const DIGEST = /^(?:digest(?: (.+))?|(?:每周周报|周报) ?(私信|组长|关闭|停止|关|这里|本频道|这个频道|dm|off|here|#[^\s#<>]+|<#[^>]+>)?)$/iu;
const DIGEST_WORDS = new Map<string, 'dm' | 'off' | 'here'>([
  ['dm', 'dm'],
  ['dms', 'dm'],
  ['leads', 'dm'],
  ['私信', 'dm'],
  ['组长', 'dm'],
  ['off', 'off'],
  ['stop', 'off'],
  ['关闭', 'off'],
  ['停止', 'off'],
  ['关', 'off'],
  ['here', 'here'],
  ['这里', 'here'],
  ['本频道', 'here'],
  ['这个频道', 'here'],
]);
const ESCAPED_CHANNEL = /^<#([CG][A-Z0-9]{2,})(?:\|[^>]*)?>$/u;
const CHANNEL_NAME = /^#([^\s#<>]{1,80})$/u;
const LANGUAGE = /^(?:(?:language|lang)(?: (\S+))?|语言 ?(中文|汉语|简体中文|繁體中文|繁体中文|英文|英语|自动|zh|en|auto)?)$/u;

/** What the text after `/customertype` asks for. Anything that is not a subcommand or a type is a message to classify. */
export function parseCommandText(raw: string, playbooks: PlaybookSet): CommandRequest {
  const text = raw.trim();
  if (text === '?' || text === '？') return { kind: 'help' };
  // Subcommands and type names are short; a long text is a message, and is not scanned here.
  if (text.length > MAX_LOOKUP_LENGTH) return { kind: 'classify', text };
  // "stats?", "Leaderboard.", "quiz  now" and "统计。" are the subcommands, typed the way people type.
  const tidy = text.replace(/[?.!？。！]+$/u, '').replace(/[\s\u3000]+/gu, ' ').trim();
  const word = tidy.toLowerCase();
  if (word === '') return { kind: 'help' };
  const subcommand = SUBCOMMANDS.get(word);
  if (subcommand) return { kind: subcommand };
  const quiz = QUIZ.exec(word);
  // "quiz start", "quiz settings": a quiz subcommand we don't have; its help lists the real ones.
  if (quiz) return { kind: 'quiz', action: QUIZ_ACTIONS.get(quiz[1] ?? quiz[2] ?? '') ?? 'help' };
  for (const [kind, pattern, fallback] of [
    ['insights', INSIGHTS, 'this-week'],
    ['export', EXPORT, 'last-4-weeks'],
  ] as const) {
    const match = pattern.exec(word);
    if (!match) continue;
    const said = match[1] ?? match[2];
    return { kind, period: said === undefined ? fallback : PERIODS.get(said.replace(/\s+/gu, ' ')) ?? PERIODS.get(said.replace(/\s+/gu, '')) ?? 'unknown' };
  }
  const language = LANGUAGE.exec(word);
  if (language) {
    const choice = LANGUAGE_CHOICES.get(language[1] ?? language[2] ?? '');
    return choice ? { kind: 'language', choice } : { kind: 'language' };
  }
  // Not lower-cased: a channel's id in <#C…> is.
  const digest = DIGEST.exec(tidy);
  if (digest) return { kind: 'digest', action: digestAction((digest[1] ?? digest[2] ?? '').trim()) };
  const playbook = playbooks.find(text);
  if (playbook) return { kind: 'playbook', playbook };
  return { kind: 'classify', text };
}

function digestAction(argument: string): DigestAction {
  if (argument === '') return { kind: 'show' };
  const word = DIGEST_WORDS.get(argument.toLowerCase());
  if (word) return { kind: word };
  const escaped = ESCAPED_CHANNEL.exec(argument);
  if (escaped) return { kind: 'channel', channelId: escaped[1]! };
  const named = CHANNEL_NAME.exec(argument);
  if (named) return { kind: 'channel-name', name: named[1]! };
  return { kind: 'help' };
}
