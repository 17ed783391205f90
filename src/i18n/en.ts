import dayjs from 'dayjs';
import type { Classification } from '../classifier/classifier.js';
import type { ConfidenceLabel } from '../classifier/confidence.js';
import type { Lang } from '../lang.js';
import { COMMAND as C } from './command.js';
import type { Escaped } from './escaped.js';
import type { ExportColumns } from '../insights/export.js';
import type { InsightsPeriod as InsightsPeriodName } from '../insights/period.js';
import type { Surface as SurfaceName } from '../store/store.js';

export type AbstainReason = NonNullable<Classification['abstain']>['reason'];
/** What went wrong with a Slack call, in terms of what the agent can do about it. */
export type SlackFailureKind = 'rate-limited' | 'permission' | 'channel' | 'expired' | 'unavailable';
/** Where the text of a shared message was found, when that is worth telling the agent. */
export type NotedSource = 'forwarded' | 'attachment' | 'email';
/** Why the agent is answered in the language they are. */
export type LanguageSource = 'chosen' | 'slack' | 'workspace';
export type QuizDays = '1-5' | '*' | '1,3,5' | '2,4';

const numbers = new Intl.NumberFormat('en-US');

/**
 * Every sentence customertype says in English. This object's shape is the catalogue's type: the
 * Chinese catalogue must have the same keys (a missing or extra one is a compile error).
 *
 * Conventions: a value is a string or a function of plain values; a parameter typed `Escaped` takes
 * text already escaped for mrkdwn (a playbook's, a customer's or a user's words), so each value is
 * escaped once, by the builder. Texts that Slack shows as plain_text (headers, buttons, options,
 * modal labels) take raw strings. Sentences for mrkdwn may use *bold*, _italics_ and `code`.
 */
export const en = {
  lang: 'en' as Lang,
  languageNames: { en: 'English', zh: 'Chinese' } satisfies Record<Lang, string>,

  format: {
    percent: (value: number) => `${Math.round(value * 100)}%`,
    number: (value: number) => numbers.format(value),
    seconds: (ms: number) => `${(ms / 1000).toFixed(1)} s`,
    /** A day in running text, from YYYY-MM-DD: "23 November". */
    day: (isoDate: string) => dayjs(isoDate).format('D MMMM'),
    dayWithYear: (isoDate: string) => dayjs(isoDate).format('D MMMM YYYY'),
    /** Between names in running text. */
    listSeparator: ', ',
    /** A customer's word or phrase quoted in running text. */
    quote: (text: Escaped) => `"${text}"`,
    /** A sentence as one item of a run joined by a separator (English keeps its full stop before " · "). */
    clause: (sentence: string) => sentence,
  },

  help: {
    fallback: `How to use ${C}`,
    title: 'customertype: know your customer',
    intro: 'Paste a customer message and get the customer type, the cues behind it and the playbook for handling it.',
    usage: [
      `\`${C} <customer message>\` tells you which type of customer wrote it, how sure it is, why, and how to handle them.`,
      `\`${C} list\` lists every customer type.`,
      `\`${C} <type>\` shows one playbook, e.g. \`${C} bargain hunter\`.`,
      `\`${C} stats\` shows your quiz results; \`${C} leaderboard\` this week's and all-time leaders.`,
      `\`${C} quiz now\`, \`quiz setup\` and \`quiz off\` post a quiz, schedule the daily quiz in a channel, or stop it.`,
      `\`${C} digest #channel\`, \`digest dm\` or \`digest off\`: the weekly digest for leads, in a channel (team figures only) or to each lead by DM (everyone's figures); \`digest\` shows the setting.`,
      `\`${C} corrections\` shows which answers agents corrected in the last 30 days, for tuning the playbooks.`,
      `\`${C} insights\` (\`this week\`, \`last week\`, \`last 4 weeks\`) shows a lead the team's figures; \`${C} export\` sends them as CSV.`,
      `\`${C} language zh\`, \`en\` or \`auto\` sets the language I answer you in (\`auto\` follows your Slack language; in Chinese, \`${C} 语言 中文\`).`,
      `\`${C} examples\` (leads) lists the messages agents taught customertype, to remove them or switch teaching off.`,
      `\`${C} delete-data\` (leads) deletes everything customertype keeps for this workspace, after you confirm.`,
      `\`${C} help\` shows this message.`,
    ],
    example: `*Example*\n\`${C} This is the third time I've asked. Where is my refund?!\``,
    footer: 'On a forwarded ticket or any message: open its ⋯ menu and choose *Classify customer type*. Only you see the answers.',
  },

  list: {
    title: (count: number) => `${count} customer types`,
    line: (name: Escaped, id: string, summary: Escaped) => `• *${name}* \`${id}\`: ${summary}`,
    hint: (example: Escaped) => `\`${C} <type>\` shows one playbook, e.g. \`${C} ${example}\`.`,
  },

  playbook: {
    fallback: (name: Escaped) => `Playbook: ${name}`,
    recognise: 'How to recognise them',
    moreOpeners: 'More opening lines',
    footer: (id: string, aliases: Escaped | undefined) => `\`${id}\`${aliases ? ` · also called ${aliases}` : ''}`,
  },

  handling: {
    actions: 'How to handle',
    do: 'Do',
    dont: "Don't",
    opener: 'Opening line to paste',
    /** Under the opener when it is in the customer's language, not the agent's. */
    openerInCustomerLanguage: (language: string) => `_In ${language}, the language the customer wrote in._`,
    /** Under the opener when the type has none in the customer's language. */
    openerNotInCustomerLanguage: (customerLanguage: string, shownLanguage: string) =>
      `_The customer wrote in ${customerLanguage}, but this type has no ${customerLanguage} opening lines yet; here is the ${shownLanguage} one._`,
    notTranslated: 'This type has no text in your language yet, so it is shown in English.',
  },

  confidence: { High: 'High', Medium: 'Medium', Low: 'Low' } satisfies Record<ConfidenceLabel, string>,

  guidance: {
    fallback: (name: Escaped, label: string, percent: string) => `${name} (${label} · ${percent})`,
    why: (cues: Escaped) => `*Why:* ${cues}`,
    noCue: 'no single cue stands out',
    /** How the classifier's own words for style read (the cue words themselves are the customer's). */
    styleCues: {
      'ALL CAPS': 'ALL CAPS',
      capitals: 'capitals',
      'a long message': 'a long message',
      'a very short message': 'a very short message',
    } as Record<string, string>,
    classifiedFrom: (note: Escaped) => `Classified ${note}.`,
    sources: {
      forwarded: 'Classified the forwarded message, not the comment posted with it.',
      attachment: 'Classified the text of the attachment.',
      email: 'Classified the attached e-mail.',
    } satisfies Record<NotedSource, string>,
    truncated: (chars: string) => `Only the first ${chars} characters were read.`,
    alsoShows: (name: Escaped, percent: string, id: string) => `Also shows signs of *${name}* (${percent}): \`${C} ${id}\``,
    everyCustomerWants: (wants: Escaped) => `*Every customer wants:* ${wants}`,
    wantsSeparator: ' · ',
    share: 'Share in channel',
    correct: 'Not right? Pick the type',
    modalTitle: 'Customer type',
    modalClose: 'Close',
    nothingFallback: 'No text to classify',
    nothing:
      "I couldn't find any text in that message to classify. If the ticket is an image or a file, paste the customer's words into `/customertype <message>`.",
    sharedFallback: (name: Escaped) => `Guidance for ${name}`,
    sharedBy: (user: Escaped, confidence: string) => `_Shared by ${user} from customertype (${confidence})._`,
  },

  abstain: {
    title: 'Not enough to go on',
    reasons: {
      empty: 'There is no text to classify.',
      binary: 'This looks like binary data or a broken encoding, not a customer message.',
      emoji: "There are only emoji here; paste the customer's words (with their emoji, if they matter).",
      language: "This doesn't look like English or Chinese; customertype reads customer messages in those two languages.",
      code: "This looks like a log or a stack trace, not the customer's own words.",
      'no-signal': 'Not enough to go on: nothing in this text points to a customer type.',
      unsure: 'Not enough to go on: no customer type stands out.',
    } satisfies Record<AbstainReason, string>,
    closest: (types: Escaped) => `Closest types: ${types}`,
    closestType: (name: Escaped, percent: string) => `*${name}* (${percent})`,
    tip: "Tip: paste more of the customer's message, a few full sentences in their own words work best.",
  },

  corrections: {
    title: 'Corrections from agents',
    fallback: (days: number, corrected: number) => `Corrections in the last ${days} days: ${corrected}`,
    noType: 'no type',
    overview: (days: number, answered: number, corrected: number, confirmed: number) =>
      `In the last ${days} days: ${answered} answers named a type; agents corrected ${corrected} ` +
      `and confirmed ${confirmed} with *Not right?*.`,
    pairsHeading: '*Said → agents said*',
    pair: (predicted: Escaped, corrected: Escaped, count: number) => `• *${predicted}* → *${corrected}*: ${count}`,
    none: '_No corrections yet._',
    more: (count: number) => `…and ${count} more pairs.`,
    hint: `A pair that comes up often is worth new examples or cues in those playbooks (\`${C} <type>\` shows one).`,
  },

  quiz: {
    whichType: 'Which type is this customer?',
    whatToDo: (name: string) => `A customer is ${name}. What should you do first?`,
    fallback: (prompt: Escaped) => `Daily customer-type quiz: ${prompt}`,
    title: '🧠 Daily customer-type quiz',
    footer: (answers: number) => `${answers} answered · Only your first answer counts · Answers are private`,
    practiceFallback: (prompt: Escaped) => `Practice question: ${prompt}`,
    practiceTitle: '🧠 Practice question',
    practiceFooter: 'Just for you, on the types you find hardest · Counts in your stats, not on the leaderboard',
    revealedFallback: (label: Escaped) => `Quiz answer: ${label}`,
    revealedTitle: '🧠 Daily customer-type quiz (closed)',
    answer: (option: Escaped) => `*Answer: ${option}*`,
    nobody: 'Nobody answered.',
    share: (percent: string, answers: number) => `${percent} of ${answers} got it right.`,
    option: (letter: string, label: Escaped) => `${letter}. ${label}`,
  },

  feedback: {
    unknown: "That quiz isn't known any more.",
    closed: (right: Escaped) => `This quiz is closed. The answer was *${right}*.`,
    already: (yours: Escaped) => `You already answered (your answer: *${yours}*). Only the first answer counts.`,
    right: '✅ Right!',
    wrong: (right: Escaped) => `❌ Not quite: the answer is *${right}*.`,
    keyAction: (action: Escaped) => `*Key action:* ${action}`,
    notSaved: "Sorry, your answer couldn't be saved just now. Please click again in a moment.",
  },

  stats: {
    emptyFallback: 'No quiz answers yet',
    empty: 'No quiz answers yet. Answer the next daily quiz to start your record.',
    title: 'Your quiz stats',
    fallback: (correct: number, answered: number) => `Your quiz stats: ${correct}/${answered} right`,
    totals: (answered: number, correct: number, percent: string) => `*Quizzes answered:* ${answered}   *Right:* ${correct} (${percent})`,
    streak: (current: number, best: number) => `*Streak:* ${current} now, best ${best}`,
    worthPractising: (names: Escaped) => `*Worth practising:* ${names}`,
    byType: (name: Escaped, correct: number, answered: number) => `${name}: ${correct}/${answered}`,
    byTypeSeparator: ' · ',
  },

  chart: {
    title: "This week's customers and quiz",
    mixTitle: 'Customers the team met, by type',
    accuracyTitle: 'Quiz accuracy, by type',
    noClassifications: 'No classifications in this period',
    noAnswers: 'No quiz answers in this period',
    countCaption: (count: number) => count.toLocaleString('en-US'),
    accuracyCaption: (accuracy: number, answers: number) => `${Math.round(accuracy * 100)}% of ${answers.toLocaleString('en-US')}`,
    altMix: (items: string) => `Customers met by type: ${items}`,
    altMixItem: (name: string, count: number) => `${name} ${count.toLocaleString('en-US')}`,
    altAccuracy: (items: string) => `Quiz accuracy by type: ${items}`,
    altAccuracyItem: (name: string, accuracy: number, answers: number) =>
      `${name} ${Math.round(accuracy * 100)}% right of ${answers.toLocaleString('en-US')} ${answers === 1 ? 'answer' : 'answers'}`,
    altSeparator: '; ',
    alt: (title: string, mix: string, accuracy: string) => `${title}. ${mix}. ${accuracy}.`,
  },

  digest: {
    /** The same line as in `help.usage`. */
    help: `\`${C} digest #channel\`, \`digest dm\` or \`digest off\`: the weekly digest for leads, in a channel (team figures only) or to each lead by DM (everyone's figures); \`digest\` shows the setting.`,
    isChannel: (channel: Escaped) => `The weekly digest goes to ${channel} after each week's last quiz day, with the team's figures only.`,
    isDm: "The weekly digest goes to each lead by direct message after each week's last quiz day, with every agent's figures.",
    isOff: `The weekly digest is off. Turn it on with \`${C} digest #channel\` (the team's figures, in a channel) or \`${C} digest dm\` (each lead, privately).`,
    nowChannel: (channel: Escaped) =>
      `Done: the weekly digest will go to ${channel} after each week's last quiz day. A channel sees the team's figures, never an individual agent's.`,
    nowDm: "Done: each lead will get the weekly digest by direct message after each week's last quiz day, with every agent's figures.",
    nowOff: 'The weekly digest is off. Nothing more will be sent.',
    leadsOnly: 'Only the support leads can set up the weekly digest. Ask one of them.',
    unknownChannel: (name: Escaped) =>
      `I can't tell which channel ${name} is. Pick the channel from Slack's list as you type it, or run \`${C} digest here\` in that channel.`,
    title: (weekStart: string) => `Weekly digest: the week of ${dayjs(weekStart).format('D MMM YYYY')}`,
  },

  leaderboard: {
    title: '🏆 Quiz leaderboard',
    weekTitle: "🏆 This week's quiz leaderboard",
    fallback: 'Quiz leaderboard',
    weekFallback: (day: string) => `Quiz leaderboard for the week of ${day}`,
    thisWeek: (day: string) => `*This week* (since Monday ${day})`,
    weekOf: (day: string) => `*The week of ${day}*`,
    allTime: '*All time*',
    empty: '_No answers yet._',
    row: (place: string, user: Escaped, correct: number, answered: number, average: string) =>
      `${place} ${user}: ${correct}/${answered} right, ${average} on average`,
    footer: 'Most right answers first; ties go to the faster answers. Practice questions do not count.',
  },

  insights: {
    title: (period: string) => `📊 Team insights: ${period}`,
    fallback: (period: string, classified: number, answers: number) => `Team insights, ${period}: ${classified} classifications, ${answers} quiz answers`,
    periods: { 'this-week': 'this week', 'last-week': 'last week', 'last-4-weeks': 'the last 4 weeks' } satisfies Record<InsightsPeriodName, string>,
    days: (from: string, to: string) => `${from} – ${to}`,
    range: (days: string, previousDays: string) => `${days}, compared with ${previousDays}`,
    leadsOnly: 'Team insights are for the support leads set in LEADS. Ask one of them, or your own figures are in `/customertype stats`.',
    unknownPeriod: `Which period? \`${C} insights this week\`, \`last week\` or \`last 4 weeks\`.`,
    failed: "Sorry, I couldn't read the team's figures just now. Please try again in a minute.",
    /** A count against the previous period's. */
    change: (now: number, before: number) => (now === before ? '±0' : now > before ? `+${now - before}` : `−${before - now}`),
    /** Accuracy against the previous period's, in percentage points; null when there is nothing to compare. */
    trend: (points: number | null) => (points === null ? 'new' : points === 0 ? '±0 pts' : points > 0 ? `▲ ${points} pts` : `▼ ${-points} pts`),
    customersHeading: '*The customers the team met*',
    customersTotal: (total: number, change: string) => `${total} classifications (${change})`,
    typeLine: (name: Escaped, count: number, share: string, change: string) => `• *${name}*: ${count} (${share}, ${change})`,
    abstained: (count: number, share: string, change: string) => `• _Not enough to go on_: ${count} (${share}, ${change})`,
    surfaces: { command: 'command', shortcut: 'shortcut', message: 'direct message' } satisfies Record<SurfaceName, string>,
    bySurface: (parts: string) => `By surface: ${parts}`,
    surfacePart: (surface: string, total: number, abstained: number) => `${surface} ${total}${abstained ? ` (${abstained} not enough to go on)` : ''}`,
    surfaceSeparator: ' · ',
    noClassifications: '_No classifications in this period._',
    quizHeading: '*The quiz*',
    quizTotals: (agents: number, answers: number, percent: string, trend: string) =>
      `${agents} agent${agents === 1 ? '' : 's'} took part, ${answers} answers, ${percent} right (${trend})`,
    accuracyHeading: '_Accuracy by type, hardest first_',
    typeAccuracy: (name: Escaped, percent: string, correct: number, answers: number, trend: string) => `• *${name}*: ${percent} (${correct}/${answers}, ${trend})`,
    confusionsHeading: '_Most often mistaken_ (on "Which type is this customer?")',
    confusion: (answered: Escaped, actual: Escaped, count: number) => `• answered *${answered}* when it was *${actual}*: ${count}×`,
    coachHeading: '*Coach next*',
    coach: {
      falling: (name: Escaped, before: string, now: string) => `• *${name}*: accuracy fell from ${before} to ${now}.`,
      confused: (name: Escaped, other: Escaped, count: number, percent: string) => `• *${name}*: taken for *${other}* ${count} times; ${percent} right.`,
      'low-accuracy': (name: Escaped, percent: string, answers: number) => `• *${name}*: only ${percent} right over ${answers} answers.`,
    },
    coachRule: 'Types with at least 3 answers and under 80% right, lowest first.',
    noCoach: '_No type stands out as needing coaching._',
    noQuiz: '_No quiz answers in this period._',
    agentsHeading: '*Agents* (only you see this)',
    agentLine: (user: Escaped, answers: number, correct: number, percent: string, streak: number) =>
      `• ${user}: ${correct}/${answers} right (${percent}), streak ${streak}`,
    correctionsHeading: '*Where agents disagreed with customertype*',
    correctionsShare: (corrected: number, total: number, percent: string) => `${corrected} of ${total} classifications corrected (${percent})`,
    pair: (predicted: Escaped, corrected: Escaped, count: number) => `• *${predicted}* → *${corrected}*: ${count}`,
    noType: 'not enough to go on',
    noCorrections: '_No corrections in this period._',
    more: (count: number) => `…and ${count} more.`,
    channelFooter: 'Team figures only: each agent sees their own in `/customertype stats`.',
    leadFooter: `\`${C} insights this week\`, \`last week\` or \`last 4 weeks\` · \`${C} export\` sends the figures as CSV.`,
  },

  export: {
    leadsOnly: 'The export is for the support leads set in LEADS. Ask one of them.',
    unknownPeriod: `Which period? \`${C} export this week\`, \`last week\` or \`last 4 weeks\` (the default).`,
    sent: (answers: number, classifications: number, range: string) =>
      `Sent you the export by direct message: ${answers} quiz answers and ${classifications} classifications, ${range}.`,
    comment: (range: string) => `customertype export, ${range}: quiz answers and classifications, two CSV files. No customer text is ever kept.`,
    failed: (code: string, whatToDo: string) => `Sorry, I couldn't send the export${code}. ${whatToDo}`,
    quizFile: 'Quiz answers',
    classificationsFile: 'Classifications',
    columns: {
      agent: 'Agent (Slack user id)',
      date: 'Quiz date',
      time: (timeZone: string) => `Time (${timeZone})`,
      questionKind: 'Question',
      typeId: 'Type id',
      typeName: 'Type',
      right: 'Right (1) or wrong (0)',
      seconds: 'Seconds to answer',
      surface: 'Where',
      confidence: 'Confidence (0–1)',
      noType: 'Not enough to go on',
      kinds: { 'which-type': 'Which type', 'what-to-do': 'What to do first' },
      surfaces: { command: 'command', shortcut: 'shortcut', message: 'direct message' },
    } satisfies ExportColumns,
  },

  home: {
    practice: 'Practice',
    practiceHint: 'Practice sends you a question on your weakest types in a direct message. It never counts on the leaderboard.',
    classifyHint: `Classify a customer message with \`${C} <message>\`, or *Classify customer type* in any message's ⋯ menu.`,
    practiceFailed: "Sorry, I couldn't send a practice question just now. Try again in a minute.",
  },

  quizCommand: {
    help:
      `*Daily quiz*\n• \`${C} quiz setup\`: choose the channel, time, time zone, days and language\n• \`${C} quiz now\`: post a quiz here now\n` +
      `• \`${C} quiz off\`: stop the daily quiz in this channel\n• \`${C} stats\` and \`${C} leaderboard\`: results`,
    adminsOnly: 'Only the quiz admins set in QUIZ_ADMINS can change the quiz. Ask one of them.',
    channelOnly: 'The quiz runs in a channel: use this command there. For a question just for you, open my Home tab and press *Practice*.',
    posted: 'Posted a quiz in this channel.',
    already: "Today's quiz is already posted in this channel; one a day keeps it fair.",
    postFailed: (code: string, whatToDo: string) => `Sorry, posting the quiz failed${code}. ${whatToDo}`,
    notInChannel: (channel: Escaped) => `I'm not in ${channel} and can't join it by myself: type \`/invite @customertype\` in that channel.`,
    off: 'The daily quiz is off in this channel, and its open quiz is closed. Answers and stats are kept.',
    noQuiz: `There is no daily quiz in this channel. \`${C} quiz setup\` starts one.`,
    settingsFailed: (code: string, whatToDo: string) => `Sorry, I couldn't open the quiz settings${code}. ${whatToDo}`,
  },

  quizSetup: {
    title: 'Daily quiz',
    save: 'Save',
    cancel: 'Cancel',
    channel: 'Channel',
    time: 'Time (HH:mm)',
    timeZone: 'Time zone (IANA, e.g. Europe/London)',
    closeTime: 'Reveal the answer at (optional; otherwise when the next quiz is posted)',
    days: 'Days',
    language: 'Language of the questions',
    languageOptions: { en: 'English', zh: 'Chinese (中文)' } satisfies Record<Lang, string>,
    dayOptions: { '1-5': 'Weekdays', '*': 'Every day', '1,3,5': 'Mon, Wed, Fri', '2,4': 'Tue, Thu' } satisfies Record<QuizDays, string>,
    /** The days inside a sentence. */
    dayNames: { '1-5': 'weekdays', '*': 'every day', '1,3,5': 'Mon, Wed, Fri', '2,4': 'Tue, Thu' } satisfies Record<QuizDays, string>,
    errors: {
      channel: 'Pick a channel.',
      directMessage: 'Pick a channel: the quiz is for a team, not a direct message.',
      time: 'Pick a time.',
      timeZone: 'Use an IANA time zone such as Europe/London or America/New_York.',
      days: 'Pick the days.',
      closeTime: 'Pick a time after the quiz time, or leave it empty.',
      language: 'Pick a language.',
      adminsOnly: 'Only the quiz admins set in QUIZ_ADMINS can change the quiz.',
      notSaved: "The settings couldn't be saved just now. Please press Save again in a moment.",
    },
    saved: (time: Escaped, timeZone: Escaped, days: string, channel: Escaped, language: string) =>
      `The daily quiz is set: ${time} ${timeZone}, ${days}, in ${channel}. Questions are in ${language}.`,
    cannotJoin: (code: string) => `\nI can't join that channel by myself${code}: type \`/invite @customertype\` there so I can post.`,
  },

  share: {
    outOfDate: 'That button is out of date. Run the command again to share.',
    failed: (code: string, whatToDo: string) => `Sorry, sharing failed${code}. ${whatToDo}`,
  },

  correction: {
    outOfDate: 'That choice is out of date. Run the command again.',
    notSaved: 'Thanks. Your correction could not be saved just now; please try again later.',
    confirmed: (name: Escaped) => `Thanks for confirming *${name}*.`,
    noted: (name: Escaped, id: string) =>
      `Thanks, noted as *${name}*. Corrections help your lead tune the playbooks. Its playbook: \`${C} ${id}\``,
  },

  teach: {
    checkbox: 'Teach customertype with this message',
    checkboxHint: 'Keeps the message, without e-mails, phone, card and account numbers, addresses or tokens, as an example of this type for your workspace. Your lead can remove it.',
    taught: (name: Escaped) => `Thanks: customertype is learning this message as *${name}*. In a few seconds, messages like it get that answer in your workspace.`,
    expired: 'That message is no longer held for teaching (after 15 minutes, or a restart). Classify it again to teach it.',
    off: 'Teaching is switched off in this workspace.',
    notSaved: "Sorry, I couldn't keep that example just now. Please try again.",
  },

  examples: {
    fallback: (count: number) => `Team examples: ${count}`,
    title: 'Team examples',
    intro: (count: number) =>
      `${count === 1 ? '1 message' : `${count} messages`} agents taught customertype in this workspace, by type. Only this workspace's answers learn from them; they never appear in a quiz.`,
    none: '_No team examples yet. Agents add one by ticking *Teach customertype with this message* under "Not right?"._',
    typeHeading: (name: Escaped, count: number) => `*${name}* (${count})`,
    line: (text: Escaped, user: Escaped, date: string) => `>${text}
${user} · ${date}`,
    remove: 'Remove',
    removed: 'Removed. customertype is relearning without it.',
    notFound: 'That example was already removed.',
    more: (count: number) => `…and ${count} more. Remove some to see the rest.`,
    switchOff: 'Switch teaching off and delete all',
    confirmTitle: 'Delete all team examples?',
    confirmText: 'Every team example of this workspace is deleted and teaching is switched off. This cannot be undone.',
    confirmYes: 'Delete all',
    confirmNo: 'Cancel',
    switchedOff: 'Teaching is off and every team example is deleted. customertype answers with its built-in examples again.',
    offNote: 'Teaching is switched off in this workspace: "Not right?" does not offer to keep messages.',
    switchOn: 'Switch teaching on',
    switchedOn: 'Teaching is on: agents can teach customertype with a message again.',
    notLead: 'Sorry, only your support leads can see and remove team examples. Ask one of them.',
    notSaved: "Sorry, I couldn't change that just now. Please try again.",
  },

  shortcut: {
    failed: (code: string) => `Sorry, I couldn't show the answer here${code}. Paste the text into \`${C}\` instead.`,
  },

  language: {
    set: `Done: I'll answer you in English from now on. \`${C} language auto\` follows your Slack language again.`,
    auto: (language: string) => `Done: I'll follow your Slack language (${language} now).`,
    current: (language: string, source: string) =>
      `I answer you in ${language} (${source}).\n• \`${C} language zh\`: Chinese\n• \`${C} language en\`: English\n• \`${C} language auto\`: follow your Slack language`,
    sources: { chosen: 'you chose it', slack: 'your Slack language', workspace: "the workspace's default" } satisfies Record<LanguageSource, string>,
    notSaved: "Sorry, I couldn't save that just now. Please try again.",
  },

  failures: {
    /** Slack's error code, said as a reference after the sentence it belongs to; never Slack's raw reply. */
    code: (code: string) => ` (${code})`,
    whatToDo: {
      'rate-limited': 'Slack is busy right now; try again in a minute.',
      permission: 'The app is missing a Slack permission; ask whoever installed customertype to reinstall it.',
      channel: 'I may not be in that channel; invite me with `/invite @customertype` and try again.',
      expired: 'The request expired before Slack answered; try again.',
      unavailable: "Slack didn't answer as expected; try again in a minute.",
    } satisfies Record<SlackFailureKind, string>,
    generic: 'Sorry, something went wrong. Please try again.',
    learning: 'customertype has just started and is still learning the customer types. Try again in a few seconds.',
  },

  /** The web pages of an install through Slack OAuth (plain text; the page escapes it). */
  install: {
    title: 'Install customertype',
    intro: 'customertype tells support agents which type of customer wrote a message, and how to handle them.',
    button: 'Add to Slack',
    succeededTitle: 'customertype is installed',
    succeeded: (workspace: string) => `customertype is now installed in ${workspace}. Go back to Slack and type /customertype help to begin.`,
    cancelledTitle: 'Install cancelled',
    cancelled: 'You cancelled the install in Slack, so nothing was added to your workspace.',
    failedTitle: 'The install did not finish',
    failed: 'Slack did not confirm the install, or the install link had expired. Nothing was saved.',
    startAgain: 'Start again',
  },

  /** `/customertype delete-data`: a lead deletes everything kept for the workspace, at once. */
  erase: {
    fallback: 'Delete this workspace\'s data',
    offer:
      '*Delete everything customertype keeps for this workspace?*\nThat is every classification record, correction, quiz and quiz answer, stats and leaderboard, quiz schedule, weekly digest setting and team example. customertype itself stays installed and keeps answering, with its built-in examples. Agents\' language choices stay: they are each agent\'s own.',
    button: 'Delete all data',
    confirmTitle: 'Delete all data?',
    confirmText: 'Everything customertype keeps for this workspace is deleted now. This cannot be undone.',
    confirmYes: 'Delete all',
    confirmNo: 'Cancel',
    done: 'Done: everything customertype kept for this workspace is deleted. Quizzes and the digest are off until someone sets them up again.',
    notLead: 'Sorry, only your support leads can delete the workspace\'s data. Ask one of them.',
    notSaved: "Sorry, I couldn't delete the data just now; nothing was deleted. Please try again.",
  },
};

export type Catalogue = typeof en;
