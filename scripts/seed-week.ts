/**
 * Seeds a realistic week for one workspace into DATABASE_URL (PostgreSQL) or DATABASE_PATH, so that a lead can try
 * `/customertype insights` and `export` at once:
 *
 *   npm run seed:week -- --team T0123ABCD [--seed 1] [--agents 8] [--channel C0QUIZ] [--tz Europe/London]
 *
 * The last seven days up to today (in --tz, else QUIZ_TZ, else UTC): a quiz on each weekday in the
 * channel, answered by most agents (each with their own skill, some types harder than others);
 * 20–40 classifications a day on the three surfaces, a few abstentions; and some corrections.
 * No customer text: classification rows hold only a type, a confidence and a length, as the bot's do.
 * The same seed always writes the same rows; a week already seeded in that channel is left alone.
 */
import { parseArgs } from 'node:util';
import { dayjs } from '../src/insights/zoned-dayjs.js';
import { loadPlaybooks } from '../src/playbooks/load.js';
import { quizMessagesIn } from '../src/playbooks/localize.js';
import { shuffle, whatToDoQuestion, whichTypeQuestion } from '../src/quiz/question.js';
import { localDate } from '../src/quiz/schedule.js';
import { mulberry32 } from '../src/random.js';
import { databaseTarget, openDatabase } from '../src/store/database.js';

const { values } = parseArgs({
  options: {
    team: { type: 'string' },
    seed: { type: 'string', default: '1' },
    agents: { type: 'string', default: '8' },
    channel: { type: 'string', default: 'C0SEEDQUIZ' },
    tz: { type: 'string', default: process.env.QUIZ_TZ || 'UTC' },
  },
});
if (!values.team) {
  console.error('seed:week: --team is missing: the workspace id (T…), as in https://app.slack.com/client/T…/');
  process.exit(1);
}
const team = values.team;
const random = mulberry32(Number(values.seed));
const agentCount = Math.max(1, Math.min(200, Number(values.agents) || 8));
const timeZone = values.tz!;
const target = databaseTarget({ DATABASE_URL: process.env.DATABASE_URL || undefined, DATABASE_PATH: process.env.DATABASE_PATH || './data/customertype.db' });

const playbooks = loadPlaybooks().set.all;
const agents = Array.from({ length: agentCount }, (_, index) => ({ id: `U0SEED${String(index + 1).padStart(3, '0')}`, skill: 0.55 + random() * 0.4 }));
/** Some types are harder to recognise than others, and some are met more often. */
const difficulty = new Map(playbooks.map((playbook) => [playbook.id, random() * 0.35]));
const frequency = playbooks.map((playbook) => ({ playbook, weight: 0.2 + random() ** 2 * 3 }));
const totalWeight = frequency.reduce((sum, entry) => sum + entry.weight, 0);
function commonType() {
  let pick = random() * totalWeight;
  for (const entry of frequency) if ((pick -= entry.weight) <= 0) return entry.playbook;
  return frequency[0]!.playbook;
}
const SURFACES = ['command', 'command', 'command', 'shortcut', 'shortcut', 'message'] as const;

const db = await openDatabase(target);
const dbPath = db.description;
const counts = { quizzes: 0, answers: 0, classifications: 0, corrections: 0 };
const INSERT_QUIZ = `INSERT INTO quizzes (team_id, channel_id, local_date, kind, type_id, question_key, question, message_ts, status, created_at, posted_at, revealed_at, closed_at)
   VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'revealed', ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id`;
const INSERT_ANSWER = 'INSERT INTO quiz_answers (quiz_id, user_id, choice, correct, answered_at, ms_to_answer) VALUES (?, ?, ?, ?, ?, ?)';
const INSERT_CLASSIFICATION = `INSERT INTO classifications (surface, team_id, channel_id, user_id, type_id, confidence, text_length, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`;
const INSERT_CORRECTION = `INSERT INTO corrections (classification_id, team_id, user_id, predicted_type, corrected_type, confidence, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`;

const today = localDate(timeZone, new Date());
const firstDay = dayjs(today).subtract(6, 'day').format('YYYY-MM-DD');
if (await db.get('SELECT 1 AS found FROM quizzes WHERE team_id = ? AND channel_id = ? AND local_date >= ?', [team, values.channel!, firstDay])) {
  console.error(`seed:week: ${dbPath} already has quizzes in ${values.channel} since ${firstDay}; nothing written. Use another --channel or database.`);
  await db.close();
  process.exit(1);
}
await db.transaction(async (tx) => {
  for (let back = 6; back >= 0; back -= 1) {
    const date = dayjs(today).subtract(back, 'day').format('YYYY-MM-DD');
    const at = (hour: number, minute: number) => dayjs.tz(`${date} ${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`, timeZone).toDate();
    const weekday = dayjs(date).day() >= 1 && dayjs(date).day() <= 5;
    if (weekday) {
      const playbook = playbooks[Math.floor(random() * playbooks.length)]!;
      const others = shuffle(playbooks.filter((other) => other.id !== playbook.id), random);
      const question =
        random() < 0.7 && quizMessagesIn(playbook, 'en').length > 0
          ? whichTypeQuestion(playbook, Math.floor(random() * quizMessagesIn(playbook, 'en').length), others, random)
          : whatToDoQuestion(playbook, others, random);
      const posted = at(9, 30);
      const inserted = await tx.get<{ id: number }>(INSERT_QUIZ, [team, values.channel!, date, question.kind, question.typeId, question.questionKey, JSON.stringify(question), `${Math.floor(posted.getTime() / 1000)}.000100`, posted.toISOString(), posted.toISOString(), at(17, 0).toISOString(), at(17, 0).toISOString()]);
      if (inserted) {
        counts.quizzes += 1;
        const quizId = inserted.id;
        for (const agent of agents) {
          if (random() < 0.15) continue; // a day off, a busy queue
          const right = random() < agent.skill - difficulty.get(playbook.id)!;
          const wrongChoices = question.options.map((_, index) => index).filter((index) => index !== question.answer);
          const choice = right ? question.answer : wrongChoices[Math.floor(random() * wrongChoices.length)]!;
          const ms = Math.round(2000 + random() * 25_000);
          await tx.run(INSERT_ANSWER, [quizId, agent.id, choice, right ? 1 : 0, new Date(posted.getTime() + 60_000 + Math.floor(random() * 3_600_000)).toISOString(), ms]);
          counts.answers += 1;
        }
      }
    }
    const perDay = (weekday ? 25 : 6) + Math.floor(random() * 15);
    for (let n = 0; n < perDay; n += 1) {
      const agent = agents[Math.floor(random() * agents.length)]!;
      const abstained = random() < 0.08;
      const playbook = commonType();
      const createdAt = at(8 + Math.floor(random() * 10), Math.floor(random() * 60));
      const confidence = abstained ? 0.2 + random() * 0.2 : 0.5 + random() * 0.49;
      const row = await tx.get<{ id: number }>(INSERT_CLASSIFICATION, [SURFACES[Math.floor(random() * SURFACES.length)]!, team, 'C0SUPPORT', agent.id, abstained ? null : playbook.id, Math.round(confidence * 1000) / 1000, 40 + Math.floor(random() * 400), createdAt.toISOString()]);
      counts.classifications += 1;
      if (random() < (abstained ? 0.3 : 0.08)) {
        const corrected = abstained || random() < 0.8 ? commonType() : playbook;
        await tx.run(INSERT_CORRECTION, [row!.id, team, agent.id, abstained ? null : playbook.id, corrected.id, confidence, new Date(createdAt.getTime() + 90_000).toISOString()]);
        counts.corrections += 1;
      }
    }
  }
});
await db.close();
console.log(`Seeded ${dbPath} for ${team}: ${counts.quizzes} quizzes, ${counts.answers} answers, ${counts.classifications} classifications, ${counts.corrections} corrections.`);
