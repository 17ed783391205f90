import dayjs from 'dayjs';
import type { Lang } from '../lang.js';
import { COMMAND as C } from './command.js';
import type { Catalogue } from './en.js';
import type { Escaped } from './escaped.js';

const numbers = new Intl.NumberFormat('zh-CN');

/**
 * Every sentence customertype says in Chinese (简体). Written for support agents, the way a Chinese
 * SaaS product talks: short, plain, spoken.
 *
 * Typography, checked by a test on every rendered surface:
 * - full-width punctuation (，。：；！？（）“”、) and no space next to it;
 * - a space between Chinese and Latin letters, digits or code, as Chinese technical writing does;
 * - *bold* and `code` only with a space or a line break on their outer side: Slack does not see
 *   `*粗体*` as bold when a Chinese character or full-width mark touches the asterisk, so a title is
 *   its own line and a name in running text is quoted (“愤怒的客户”) instead of made bold;
 * - no _italics_: slanted Chinese reads badly.
 */
export const zh: Catalogue = {
  lang: 'zh' as Lang,
  languageNames: { en: '英文', zh: '中文' },

  format: {
    percent: (value: number) => `${Math.round(value * 100)}%`,
    number: (value: number) => numbers.format(value),
    seconds: (ms: number) => `${(ms / 1000).toFixed(1)} 秒`,
    day: (isoDate: string) => dayjs(isoDate).format('M月D日'),
    dayWithYear: (isoDate: string) => dayjs(isoDate).format('YYYY年M月D日'),
    listSeparator: '、',
    quote: (text: Escaped) => `“${text}”`,
    /** Items joined by "；" lose their own "。": "快速答复；随时找得到人". */
    clause: (sentence: string) => sentence.replace(/[。；.;]\s*$/u, ''),
  },

  help: {
    fallback: `${C} 使用说明`,
    title: 'customertype：读懂你的客户',
    intro: '把客户的消息粘贴进来，马上告诉你这是哪类客户、判断依据是什么，以及该怎么应对。',
    usage: [
      `\`${C} <客户消息>\` 判断是哪类客户、有多大把握、为什么，以及怎么应对`,
      `\`${C} 列表\` 列出所有客户类型`,
      `\`${C} <类型名>\` 查看某一类客户的应对方法，比如 \`${C} 愤怒的客户\``,
      `\`${C} 统计\` 查看你的答题成绩`,
      `\`${C} 排行榜\` 查看本周和历史排行`,
      `\`${C} 测验 现在\` 在当前频道马上出一道题`,
      `\`${C} 周报 #频道\` 开启每周周报，发到频道里（只有团队整体数据）；换成 \`周报 私信\` 就私信发给每位组长，想停掉就用 \`周报 关闭\``,
      `\`${C} 测验 设置\` 给频道设置每日小测验`,
      `\`${C} 测验 关闭\` 停掉当前频道的每日小测验`,
      `\`${C} 纠正\` 看看最近 30 天大家纠正了哪些判断，方便调整应对手册`,
      `\`${C} 洞察\` 主管查看团队数据看板，后面可以加“本周”“上周”或“近四周”，也可以用 \`${C} 导出\` 导出成 CSV 表格`,
      `\`${C} 语言 英文\` 改用英文回复你（也可以选中文，或者选自动，跟随 Slack 的语言设置）`,
      `负责人可以用 \`${C} 例句\` 查看大家教给 customertype 的消息，可以删掉，也可以关闭教学`,
      `负责人可以用 \`${C} 删除数据\` 删掉 customertype 在本工作区保存的全部数据（会先让你确认）`,
      `\`${C} 帮助\` 显示这条说明`,
    ],
    example: `*示例*\n\`${C} 我都问了三遍了，退款到底什么时候到？！\``,
    footer: '转发来的工单或任何一条消息，都可以点开它的 ⋯ 菜单，选“Classify customer type”。结果只有你自己能看到。英文子命令照样能用，比如 `/customertype list`',
  },

  list: {
    title: (count: number) => `共 ${count} 种客户类型`,
    line: (name: Escaped, id: string, summary: Escaped) => `• *${name}* \`${id}\` ${summary}`,
    hint: (example: Escaped) => `输入 \`${C} <类型名>\` 查看某一类客户的应对方法，比如 \`${C} ${example}\``,
  },

  playbook: {
    fallback: (name: Escaped) => `应对方法：${name}`,
    recognise: '怎么认出这类客户',
    moreOpeners: '更多开场白',
    footer: (id: string, aliases: Escaped | undefined) => `\`${id}\`${aliases ? ` · 别名：${aliases}` : ''}`,
  },

  handling: {
    actions: '怎么应对',
    do: '这样做',
    dont: '别这样做',
    opener: '可以直接粘贴的开场白',
    openerInCustomerLanguage: (language: string) => `客户用的是${language}，开场白也给你${language}的。`,
    openerNotInCustomerLanguage: (customerLanguage: string, shownLanguage: string) =>
      `客户用的是${customerLanguage}，但这个类型还没有${customerLanguage}开场白，先给你${shownLanguage}的。`,
    notTranslated: '这个类型还没有中文内容，先显示英文。',
  },

  confidence: { High: '把握大', Medium: '把握一般', Low: '把握不大' },

  guidance: {
    fallback: (name: Escaped, label: string, percent: string) => `${name}（${label} · ${percent}）`,
    why: (cues: Escaped) => `*判断依据*\n${cues}`,
    noCue: '没有哪条线索特别突出',
    styleCues: {
      'ALL CAPS': '整句大写',
      capitals: '大写字母多',
      'a long message': '消息很长',
      'a very short message': '消息很短',
    },
    classifiedFrom: (note: Escaped) => `判断依据来自${note}。`,
    sources: {
      forwarded: '判断的是被转发的那条消息，没有算转发人附上的话。',
      attachment: '判断的是附件里的文字。',
      email: '判断的是附带的邮件。',
    },
    truncated: (chars: string) => `消息太长，只读了前 ${chars} 个字符。`,
    alsoShows: (name: Escaped, percent: string, id: string) => `也有点像“${name}”（${percent}），详情见 \`${C} ${id}\``,
    everyCustomerWants: (wants: Escaped) => `*每种类型的客户都需要*\n${wants}`,
    wantsSeparator: '；',
    share: '分享到频道',
    correct: '不对？选出正确的类型',
    modalTitle: '客户类型',
    modalClose: '关闭',
    nothingFallback: '没有可以判断的文字',
    nothing: `这条消息里没找到可以判断的文字。如果工单是图片或文件，请把客户的原话粘贴到 \`${C} <客户消息>\``,
    sharedFallback: (name: Escaped) => `“${name}”的应对方法`,
    sharedBy: (user: Escaped, confidence: string) => `由 ${user} 通过 customertype 分享（${confidence}）`,
  },

  abstain: {
    title: '信息不够，判断不了',
    reasons: {
      empty: '没有可以判断的文字。',
      binary: '这看起来是二进制数据或者乱码，不是客户写的消息。',
      emoji: '这里只有表情。请把客户的原话贴进来（表情有意义的话也一起带上）。',
      language: '这看起来既不是中文也不是英文，customertype 目前只能读这两种语言的客户消息。',
      code: '这看起来是日志或报错堆栈，不是客户自己写的话。',
      'no-signal': '信息不够：这段文字里没有指向任何客户类型的线索。',
      unsure: '信息不够：没有哪种客户类型特别突出。',
    },
    closest: (types: Escaped) => `最接近的类型：${types}`,
    closestType: (name: Escaped, percent: string) => `“${name}”（${percent}）`,
    tip: '小提示：多贴一些客户的原话，几句完整的话效果最好。',
  },

  corrections: {
    title: '大家的纠正',
    fallback: (days: number, corrected: number) => `最近 ${days} 天的纠正：${corrected} 次`,
    noType: '没有类型',
    overview: (days: number, answered: number, corrected: number, confirmed: number) =>
      `最近 ${days} 天，有 ${answered} 次回答给出了类型；大家通过“不对？”纠正了 ${corrected} 次，确认了 ${confirmed} 次。`,
    pairsHeading: '*判断结果 → 大家认为*',
    pair: (predicted: Escaped, corrected: Escaped, count: number) => `• ${predicted} → ${corrected}：${count} 次`,
    none: '还没有人纠正过。',
    more: (count: number) => `……还有 ${count} 组。`,
    hint: `经常出现的组合，值得在对应的应对手册里补充示例或线索词。输入 \`${C} <类型名>\` 可以查看某一类`,
  },

  quiz: {
    whichType: '这位客户属于哪种类型？',
    whatToDo: (name: string) => `遇到“${name}”，第一步该做什么？`,
    fallback: (prompt: Escaped) => `每日客户类型小测验：${prompt}`,
    title: '🧠 每日客户类型小测验',
    footer: (answers: number) => `${answers} 人已作答 · 只算第一次作答 · 你的答案只有你自己能看到`,
    practiceFallback: (prompt: Escaped) => `练习题：${prompt}`,
    practiceTitle: '🧠 练习题',
    practiceFooter: '专门挑了你最容易错的类型 · 计入个人成绩，不上排行榜',
    revealedFallback: (label: Escaped) => `小测验答案：${label}`,
    revealedTitle: '🧠 每日客户类型小测验（已结束）',
    answer: (option: Escaped) => `*答案：${option}*`,
    nobody: '没有人作答。',
    share: (percent: string, answers: number) => `${answers} 人作答，${percent} 答对了。`,
    option: (letter: string, label: Escaped) => `${letter}. ${label}`,
  },

  feedback: {
    unknown: '这道题已经找不到了。',
    closed: (right: Escaped) => `这道题已经结束了。\n*答案：${right}*`,
    already: (yours: Escaped) => `你已经答过了，只算第一次作答。\n*你的答案：${yours}*`,
    right: '✅ 答对了！',
    wrong: (right: Escaped) => `❌ 差一点。\n*正确答案：${right}*`,
    keyAction: (action: Escaped) => `*关键动作*\n${action}`,
    notSaved: '抱歉，你的答案刚才没保存上，请稍后再点一次。',
  },

  stats: {
    emptyFallback: '还没有答题记录',
    empty: '还没有答题记录。参加下一次每日小测验，就开始记成绩了。',
    title: '你的答题成绩',
    fallback: (correct: number, answered: number) => `你的答题成绩：答对 ${correct}/${answered}`,
    totals: (answered: number, correct: number, percent: string) => `答了 ${answered} 题，答对 ${correct} 题（${percent}）`,
    streak: (current: number, best: number) => `连续答对：现在 ${current} 题，最多 ${best} 题`,
    worthPractising: (names: Escaped) => `*值得多练的类型*\n${names}`,
    byType: (name: Escaped, correct: number, answered: number) => `${name} ${correct}/${answered}`,
    byTypeSeparator: ' · ',
  },

  chart: {
    title: '本周客户类型和测验情况',
    mixTitle: '遇到的客户（按类型）',
    accuracyTitle: '测验正确率（按类型）',
    noClassifications: '这段时间还没有识别记录',
    noAnswers: '这段时间还没有人答题',
    countCaption: (count: number) => `${numbers.format(count)} 次`,
    accuracyCaption: (accuracy: number, answers: number) => `${Math.round(accuracy * 100)}%（${numbers.format(answers)} 题）`,
    altMix: (items: string) => `遇到的客户：${items}`,
    altMixItem: (name: string, count: number) => `${name} ${numbers.format(count)} 次`,
    altAccuracy: (items: string) => `测验正确率：${items}`,
    altAccuracyItem: (name: string, accuracy: number, answers: number) => `${name} 答对 ${Math.round(accuracy * 100)}%（共 ${numbers.format(answers)} 题）`,
    altSeparator: '，',
    alt: (title: string, mix: string, accuracy: string) => `${title}。${mix}。${accuracy}。`,
  },

  digest: {
    /** The same line as in `help.usage`. */
    help: `\`${C} 周报 #频道\` 开启每周周报，发到频道里（只有团队整体数据）；换成 \`周报 私信\` 就私信发给每位组长，想停掉就用 \`周报 关闭\``,
    isChannel: (channel: Escaped) => `每周最后一个测验日过后，周报会发到 ${channel}，只有团队整体数据。`,
    isDm: '每周最后一个测验日过后，周报会私信发给每位组长，里面有每个人的成绩。',
    isOff: `每周周报还没开。想发到频道（只有团队数据）就用：\n\`${C} 周报 #频道\`\n想私信给每位组长就用：\n\`${C} 周报 私信\``,
    nowChannel: (channel: Escaped) => `好了，以后每周最后一个测验日过后，周报都会发到 ${channel}。频道里只放团队整体数据，不会出现个人成绩。`,
    nowDm: '好了，以后每周最后一个测验日过后，每位组长都会私信收到周报，里面有每个人的成绩。',
    nowOff: '周报已经关了，之后不会再发。',
    leadsOnly: '只有组长才能设置周报，找组长帮你弄一下吧。',
    unknownChannel: (name: Escaped) => `我没认出 ${name} 是哪个频道。输入时从 Slack 的频道列表里选一下，或者到那个频道里输入：\n\`${C} 周报 这里\``,
    title: (weekStart: string) => `每周周报：${dayjs(weekStart).format('M月D日')}这一周`,
  },

  leaderboard: {
    title: '🏆 答题排行榜',
    weekTitle: '🏆 本周答题排行榜',
    fallback: '答题排行榜',
    weekFallback: (day: string) => `${day}这一周的答题排行榜`,
    thisWeek: (day: string) => `*本周（${day}起）*`,
    weekOf: (day: string) => `*${day}这一周*`,
    allTime: '*总榜*',
    empty: '还没有人答题。',
    row: (place: string, user: Escaped, correct: number, answered: number, average: string) =>
      `${place} ${user} 答对 ${correct}/${answered}，平均用时 ${average}`,
    footer: '按答对题数排名，题数相同时平均用时短的在前。练习题不计入。',
  },

  insights: {
    title: (period: string) => `📊 团队数据看板：${period}`,
    fallback: (period: string, classified: number, answers: number) => `团队数据看板（${period}）：识别 ${classified} 次，答题 ${answers} 次`,
    periods: { 'this-week': '本周', 'last-week': '上周', 'last-4-weeks': '近四周' },
    days: (from: string, to: string) => `${from}至${to}`,
    range: (days: string, previousDays: string) => `${days}，对比${previousDays}`,
    leadsOnly: '团队数据只有 LEADS 里设置的主管能看，可以找他们要。你自己的成绩用 `/customertype 统计` 查看',
    unknownPeriod: `要看哪段时间？比如 \`${C} 洞察 本周\` 也可以把“本周”换成“上周”或“近四周”`,
    failed: '抱歉，团队数据刚才没读出来，请过一分钟再试。',
    change: (now: number, before: number) => (now === before ? '持平' : now > before ? `+${now - before}` : `−${before - now}`),
    trend: (points: number | null) => (points === null ? '新' : points === 0 ? '持平' : points > 0 ? `▲ ${points} 个百分点` : `▼ ${-points} 个百分点`),
    customersHeading: '*这段时间遇到的客户*',
    customersTotal: (total: number, change: string) => `共识别 ${total} 次（${change}）`,
    typeLine: (name: Escaped, count: number, share: string, change: string) => `• ${name}：${count} 次（${share}，${change}）`,
    abstained: (count: number, share: string, change: string) => `• 判断不出类型：${count} 次（${share}，${change}）`,
    surfaces: { command: '命令', shortcut: '消息菜单', message: '私信' },
    bySurface: (parts: string) => `按入口：${parts}`,
    surfacePart: (surface: string, total: number, abstained: number) => `${surface} ${total} 次${abstained ? `（其中 ${abstained} 次判断不出）` : ''}`,
    surfaceSeparator: '，',
    noClassifications: '这段时间还没有识别记录。',
    quizHeading: '*小测验*',
    quizTotals: (agents: number, answers: number, percent: string, trend: string) => `${agents} 人参加，答题 ${answers} 次，正确率 ${percent}（${trend}）`,
    accuracyHeading: '各类型正确率（从最难的开始）',
    typeAccuracy: (name: Escaped, percent: string, correct: number, answers: number, trend: string) => `• ${name}：${percent}（${correct}/${answers}，${trend}）`,
    confusionsHeading: '最容易认错的（“这位客户属于哪种类型？”题）',
    confusion: (answered: Escaped, actual: Escaped, count: number) => `• 把“${actual}”认成了“${answered}”：${count} 次`,
    coachHeading: '*接下来重点带一带*',
    coach: {
      falling: (name: Escaped, before: string, now: string) => `• ${name}：正确率从 ${before} 掉到了 ${now}。`,
      confused: (name: Escaped, other: Escaped, count: number, percent: string) => `• ${name}：${count} 次被认成“${other}”，正确率只有 ${percent}。`,
      'low-accuracy': (name: Escaped, percent: string, answers: number) => `• ${name}：答了 ${answers} 次，正确率只有 ${percent}。`,
    },
    coachRule: '规则：至少答过 3 次、正确率低于 80% 的类型，按正确率从低到高排。',
    noCoach: '暂时没有特别需要加强的类型。',
    noQuiz: '这段时间还没有人答题。',
    agentsHeading: '*每个人的情况（只有你能看到）*',
    agentLine: (user: Escaped, answers: number, correct: number, percent: string, streak: number) => `• ${user} 答对 ${correct}/${answers}（${percent}），连续答对 ${streak} 题`,
    correctionsHeading: '*大家和 customertype 判断不一致的地方*',
    correctionsShare: (corrected: number, total: number, percent: string) => `${total} 次识别里有 ${corrected} 次被纠正（${percent}）`,
    pair: (predicted: Escaped, corrected: Escaped, count: number) => `• ${predicted} → ${corrected}：${count} 次`,
    noType: '判断不出',
    noCorrections: '这段时间没有人纠正过。',
    more: (count: number) => `……还有 ${count} 条。`,
    channelFooter: '这里只有团队整体数据，每个人的成绩用 `/customertype 统计` 自己查看',
    leadFooter: `\`${C} 洞察 上周\` 或 \`${C} 洞察 近四周\` 换个时间段 · \`${C} 导出\` 把数据导出成 CSV 表格`,
  },

  export: {
    leadsOnly: '导出数据只有 LEADS 里设置的主管能用，可以找他们要。',
    unknownPeriod: `要导出哪段时间？默认是近四周，也可以输入 \`${C} 导出 本周\` 或 \`${C} 导出 上周\``,
    sent: (answers: number, classifications: number, range: string) => `已经私信发给你了：${range}的 ${answers} 条答题记录和 ${classifications} 条识别记录。`,
    comment: (range: string) => `customertype 数据导出（${range}）：答题记录和识别记录，共两个 CSV 文件。里面不含任何客户原话。`,
    failed: (code: string, whatToDo: string) => `抱歉，导出文件没发出去${code}。${whatToDo}`,
    quizFile: '答题记录',
    classificationsFile: '识别记录',
    columns: {
      agent: '客服（Slack 用户编号）',
      date: '测验日期',
      time: (timeZone: string) => `时间（${timeZone}）`,
      questionKind: '题型',
      typeId: '类型编号',
      typeName: '类型',
      right: '答对为 1，答错为 0',
      seconds: '用时（秒）',
      surface: '入口',
      confidence: '把握（0–1）',
      noType: '判断不出',
      kinds: { 'which-type': '认类型', 'what-to-do': '第一步怎么做' },
      surfaces: { command: '命令', shortcut: '消息菜单', message: '私信' },
    },
  },

  home: {
    practice: '练习',
    practiceHint: '点“练习”，我会私信你一道题，专挑你最容易错的类型，不计入排行榜。',
    classifyHint: `判断一条客户消息：输入 \`${C} <客户消息>\` 或者在任意消息的 ⋯ 菜单里选“Classify customer type”。`,
    practiceFailed: '抱歉，练习题刚才没发出来，请过一分钟再试。',
  },

  quizCommand: {
    help:
      `*每日小测验*\n• \`${C} 测验 设置\` 选择频道、时间、时区、日期和题目语言\n• \`${C} 测验 现在\` 在当前频道马上出一道题\n` +
      `• \`${C} 测验 关闭\` 停掉当前频道的每日小测验\n• \`${C} 统计\` 和 \`${C} 排行榜\` 查看成绩`,
    adminsOnly: '只有 QUIZ_ADMINS 里设置的管理员才能修改小测验，请找他们帮忙。',
    channelOnly: '小测验只在频道里进行，请到频道里用这个命令。想自己练习的话，打开我的“主页”，点“练习”。',
    posted: '已在当前频道出了一道题。',
    already: '这个频道今天已经出过题了，一天一道才公平。',
    postFailed: (code: string, whatToDo: string) => `抱歉，题目没发出去${code}。${whatToDo}`,
    notInChannel: (channel: Escaped) => `我不在 ${channel} 里，也没法自己加入。请在那个频道里输入 \`/invite @customertype\``,
    off: '当前频道的每日小测验已关闭，正在进行的题目也已结束。答题记录和成绩都会保留。',
    noQuiz: `当前频道还没有每日小测验，输入 \`${C} 测验 设置\` 就能开始`,
    settingsFailed: (code: string, whatToDo: string) => `抱歉，小测验设置打不开${code}。${whatToDo}`,
  },

  quizSetup: {
    title: '每日小测验',
    save: '保存',
    cancel: '取消',
    channel: '频道',
    time: '出题时间（HH:mm）',
    timeZone: '时区（IANA 格式，比如 Asia/Shanghai）',
    closeTime: '公布答案的时间（选填，不填就在下一题发出时公布）',
    days: '哪几天出题',
    language: '题目语言',
    languageOptions: { en: '英文（English）', zh: '中文' },
    dayOptions: { '1-5': '工作日', '*': '每天', '1,3,5': '周一、周三、周五', '2,4': '周二、周四' },
    dayNames: { '1-5': '工作日', '*': '每天', '1,3,5': '每周一、三、五', '2,4': '每周二、四' },
    errors: {
      channel: '请选一个频道。',
      directMessage: '请选一个频道：小测验是给团队的，不能发在私信里。',
      time: '请选出题时间。',
      timeZone: '请填 IANA 格式的时区，比如 Asia/Shanghai 或 Asia/Taipei。',
      days: '请选哪几天出题。',
      closeTime: '公布答案的时间要晚于出题时间，或者留空。',
      language: '请选题目语言。',
      adminsOnly: '只有 QUIZ_ADMINS 里设置的管理员才能修改小测验。',
      notSaved: '设置刚才没保存上，请稍等一下再点一次“保存”。',
    },
    saved: (time: Escaped, timeZone: Escaped, days: string, channel: Escaped, language: string) =>
      `每日小测验设置好了：${days} ${time}（${timeZone}），发在 ${channel}，题目用${language}。`,
    cannotJoin: (code: string) => `\n我没法自己加入这个频道${code}，请在频道里输入 \`/invite @customertype\` 邀请我`,
  },

  share: {
    outOfDate: '这个按钮已经过期了，请重新运行一次命令再分享。',
    failed: (code: string, whatToDo: string) => `抱歉，分享失败了${code}。${whatToDo}`,
  },

  correction: {
    outOfDate: '这个选项已经过期了，请重新运行一次命令。',
    notSaved: '谢谢！不过你的纠正刚才没保存上，请稍后再试。',
    confirmed: (name: Escaped) => `谢谢确认，就是“${name}”。`,
    noted: (name: Escaped, id: string) => `谢谢，已记为“${name}”。你的纠正能帮负责人调整应对手册。查看它的应对方法：\n\`${C} ${id}\``,
  },

  teach: {
    checkbox: '教 customertype 认这条消息',
    checkboxHint: '会把这条消息存下来，作为本工作区这类客户的例句（邮箱、电话、卡号、账号、地址和密钥都会去掉）。负责人随时可以删掉。',
    taught: (name: Escaped) => `谢谢！customertype 正在把这条消息学成“${name}”，过几秒，本工作区里类似的消息就会这样判断了。`,
    expired: '这条消息已经没法拿来教了（超过 15 分钟或机器人重启过）。想教的话，请重新判断一次。',
    off: '本工作区已经关掉了教学功能。',
    notSaved: '抱歉，这条例句刚才没存上，请再试一次。',
  },

  examples: {
    fallback: (count: number) => `团队例句：${count} 条`,
    title: '团队例句',
    intro: (count: number) => `本工作区的同事一共教了 customertype ${count} 条消息，按类型列在下面。只有本工作区的判断会参考它们，也不会出现在小测验里。`,
    none: '还没有团队例句。在“不对？”里选好类型后，勾上“教 customertype 认这条消息”，就能加一条。',
    typeHeading: (name: Escaped, count: number) => `*${name}* ${count} 条`,
    line: (text: Escaped, user: Escaped, date: string) => `>${text}\n${user} · ${date}`,
    remove: '删除',
    removed: '已删除，customertype 正在重新学习。',
    notFound: '这条例句已经删过了。',
    more: (count: number) => `……还有 ${count} 条，删掉一些才能看到。`,
    switchOff: '关闭教学并全部删除',
    confirmTitle: '全部删除团队例句？',
    confirmText: '本工作区的团队例句会全部删掉，教学功能也会关闭，删了就找不回来了。',
    confirmYes: '全部删除',
    confirmNo: '取消',
    switchedOff: '教学已关闭，团队例句也全删了。customertype 回到只用自带例句判断。',
    offNote: '本工作区的教学功能已关闭，“不对？”里不会再提供保存消息的选项。',
    switchOn: '打开教学',
    switchedOn: '教学已打开，大家又可以教 customertype 认消息了。',
    notLead: '抱歉，只有客服负责人才能查看和删除团队例句，可以找他们帮忙。',
    notSaved: '抱歉，刚才没改成功，请再试一次。',
  },

  shortcut: {
    failed: (code: string) => `抱歉，这里没法显示结果${code}。请把客户的原话粘贴到 \`${C}\` 里`,
  },

  language: {
    set: `好的，之后我都用中文回复你。想改回跟随 Slack 的语言，输入 \`${C} 语言 自动\``,
    auto: (language: string) => `好的，之后跟随你的 Slack 语言设置（现在是${language}）。`,
    current: (language: string, source: string) =>
      `现在我用${language}回复你（${source}）。\n• \`${C} 语言 中文\` 用中文\n• \`${C} 语言 英文\` 用英文\n• \`${C} 语言 自动\` 跟随 Slack 的语言设置`,
    sources: { chosen: '你自己选的', slack: '跟随你的 Slack 语言', workspace: '团队的默认语言' },
    notSaved: '抱歉，刚才没保存上，请再试一次。',
  },

  failures: {
    code: (code: string) => `（${code}）`,
    whatToDo: {
      'rate-limited': 'Slack 现在有点忙，请过一分钟再试。',
      permission: 'customertype 缺少 Slack 权限，请联系安装它的管理员重新安装。',
      channel: '我可能不在那个频道里。请先在频道里输入 `/invite @customertype` 邀请我，然后再试',
      expired: '请求在 Slack 响应前就过期了，请再试一次。',
      unavailable: 'Slack 那边没有正常响应，请过一分钟再试。',
    },
    generic: '抱歉，出了点问题，请再试一次。',
    learning: 'customertype 刚启动，还在学习各种客户类型，请过几秒钟再试。',
  },

  install: {
    title: '安装 customertype',
    intro: 'customertype 帮客服一眼看出消息是哪类客户发的，以及该怎么应对。',
    button: '添加到 Slack',
    succeededTitle: 'customertype 装好了',
    succeeded: (workspace: string) => `customertype 已经装到 ${workspace} 了。回到 Slack 输入 /customertype 就能开始用。`,
    cancelledTitle: '安装已取消',
    cancelled: '你在 Slack 里取消了安装，工作区里什么都没加。',
    failedTitle: '安装没有完成',
    failed: 'Slack 没有确认这次安装，或者安装链接已经过期了，所以什么都没保存。',
    startAgain: '重新安装',
  },

  erase: {
    fallback: '删除本工作区的数据',
    offer:
      '*确定要删除 customertype 在本工作区保存的所有数据吗？*\n包括所有识别记录、纠正、测验和答题记录、成绩和排行榜、测验计划、周报设置和团队例句。customertype 本身不会卸载，照常回答，只用自带的例句。每位客服自己选的语言会保留，那是他们个人的设置。',
    button: '删除全部数据',
    confirmTitle: '删除全部数据？',
    confirmText: 'customertype 在本工作区保存的所有数据会马上删除，删了就找不回来了。',
    confirmYes: '全部删除',
    confirmNo: '取消',
    done: '好了，customertype 在本工作区保存的数据已经全部删除。测验和周报都已停止，需要的话请重新设置。',
    notLead: '抱歉，只有客服负责人才能删除工作区的数据，请联系他们。',
    notSaved: '抱歉，刚才没删成，数据一条都没动，请再试一次。',
  },
};
