import dayjs from 'dayjs';
import type { Classification } from '../classifier/classifier.js';
import type { ConfidenceLabel } from '../classifier/confidence.js';
import type { Lang } from '../lang.js';
import { COMMAND as C } from './command.js';
import type { Escaped } from './escaped.js';

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
      `\`${C} corrections\` shows which answers agents corrected in the last 30 days, for tuning the playbooks.`,
      `\`${C} language zh\`, \`en\` or \`auto\` sets the language I answer you in (\`auto\` follows your Slack language; in Chinese, \`${C} 语言 中文\`).`,
      `\`${C} examples\` (leads) lists the messages agents taught customertype, to remove them or switch teaching off.`,
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
};

export type Catalogue = typeof en;
