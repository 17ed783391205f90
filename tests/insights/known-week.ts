import type { SqlDatabase, SqlSession } from '../../src/store/sql.js';
import type { QuizQuestion } from '../../src/quiz/question.js';

/**
 * A known data set for team T0FAKE, for exact figures. "Now" is Wednesday 9 December 2026 at noon UTC:
 * this week is 7–9 December, compared with 30 November – 2 December.
 */
export const KNOWN_NOW = new Date('2026-12-09T12:00:00Z');
export const TEAM = 'T0FAKE';

async function classify(db: SqlSession, surface: string, typeId: string | null, createdAt: string, team = TEAM, confidence = 0.9): Promise<number> {
  const row = await db.get<{ id: number }>(
    `INSERT INTO classifications (surface, team_id, channel_id, user_id, type_id, confidence, text_length, created_at)
     VALUES (?, ?, 'C0SUPPORT', 'U1', ?, ?, 42, ?) RETURNING id`,
    [surface, team, typeId, confidence, createdAt],
  );
  return row!.id;
}

async function correct(db: SqlSession, classificationId: number, userId: string, predicted: string, corrected: string, createdAt: string): Promise<void> {
  await db.run(
    `INSERT INTO corrections (classification_id, team_id, user_id, predicted_type, corrected_type, confidence, created_at)
     VALUES (?, ?, ?, ?, ?, 0.9, ?)`,
    [classificationId, TEAM, userId, predicted, corrected, createdAt],
  );
}

const which = (typeId: string, options: string[]): QuizQuestion => ({
  kind: 'which-type',
  typeId,
  questionKey: `which:${typeId}:0`,
  prompt: 'Which type is this customer?',
  message: 'a message written for the quiz',
  options: options.map((id) => ({ label: id, typeId: id })),
  answer: options.indexOf(typeId),
  why: 'why',
  keyAction: 'act',
});

const whatToDo = (typeId: string, options: string[]): QuizQuestion => ({
  ...which(typeId, options),
  kind: 'what-to-do',
  questionKey: `do:${typeId}`,
  message: undefined,
  options: options.map((id) => ({ label: `${id}'s key action`, typeId: id })),
});

async function quiz(db: SqlSession, localDate: string, question: QuizQuestion, options: { closed?: boolean; practiceUserId?: string; team?: string } = {}): Promise<number> {
  const row = await db.get<{ id: number }>(
    `INSERT INTO quizzes (team_id, channel_id, local_date, kind, type_id, question_key, question, practice_user_id, message_ts, status, created_at, posted_at, closed_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, '1.1', ?, ?, ?, ?) RETURNING id`,
    [
      options.team ?? TEAM,
      options.practiceUserId ? `D${options.practiceUserId}` : options.team ? 'C0OTHERQUIZ' : 'C0QUIZ',
      localDate,
      question.kind,
      question.typeId,
      question.questionKey,
      JSON.stringify(question),
      options.practiceUserId ?? null,
      options.closed ? 'revealed' : 'posted',
      `${localDate}T09:30:00.000Z`,
      `${localDate}T09:30:00.000Z`,
      options.closed ? `${localDate}T17:00:00.000Z` : null,
    ],
  );
  return row!.id;
}

async function answer(db: SqlSession, quizId: number, userId: string, choice: number, correctAnswer: boolean, localDate: string, ms = 4000): Promise<void> {
  await db.run('INSERT INTO quiz_answers (quiz_id, user_id, choice, correct, answered_at, ms_to_answer) VALUES (?, ?, ?, ?, ?, ?)', [
    quizId,
    userId,
    choice,
    correctAnswer ? 1 : 0,
    `${localDate}T09:35:00.000Z`,
    ms,
  ]);
}

/** Writes the known week into a migrated database. */
export async function seedKnownWeek(database: SqlDatabase): Promise<void> {
  await database.transaction(async (db) => {
    // This week: 10 classifications, angry 5, skeptic 2, bargain-hunter 1, 2 abstentions.
    const angry = [
      await classify(db, 'command', 'angry', '2026-12-07T08:00:00.000Z'),
      await classify(db, 'command', 'angry', '2026-12-07T09:00:00.000Z'),
      await classify(db, 'command', 'angry', '2026-12-08T09:00:00.000Z'),
      await classify(db, 'command', 'angry', '2026-12-09T11:00:00.000Z'),
      await classify(db, 'shortcut', 'angry', '2026-12-08T10:00:00.000Z'),
    ];
    const skeptic = [await classify(db, 'command', 'skeptic', '2026-12-07T10:00:00.000Z'), await classify(db, 'command', 'skeptic', '2026-12-08T10:00:00.000Z')];
    await classify(db, 'shortcut', 'bargain-hunter', '2026-12-09T10:00:00.000Z', TEAM, 0.55);
    await classify(db, 'message', null, '2026-12-08T12:00:00.000Z', TEAM, 0.2);
    await classify(db, 'command', null, '2026-12-09T08:00:00.000Z', TEAM, 0.3);
    // Not this week: tomorrow, the gap between the periods, and another workspace.
    await classify(db, 'command', 'angry', '2026-12-10T00:00:00.000Z');
    await classify(db, 'command', 'angry', '2026-12-05T12:00:00.000Z');
    await classify(db, 'command', 'angry', '2026-12-08T12:00:00.000Z', 'T0OTHER');
    // The same days last week: angry 2, skeptic 3.
    await classify(db, 'command', 'angry', '2026-11-30T08:00:00.000Z');
    await classify(db, 'command', 'angry', '2026-12-01T08:00:00.000Z');
    for (const day of ['2026-11-30', '2026-12-01', '2026-12-02']) await classify(db, 'command', 'skeptic', `${day}T09:00:00.000Z`);

    // Two agents correct the same angry answer to skeptic; one corrects a skeptic answer; one confirms.
    await correct(db, angry[0]!, 'U1', 'angry', 'skeptic', '2026-12-07T08:05:00.000Z');
    await correct(db, angry[0]!, 'U2', 'angry', 'skeptic', '2026-12-07T08:06:00.000Z');
    await correct(db, skeptic[0]!, 'U1', 'skeptic', 'angry', '2026-12-07T10:05:00.000Z');
    await correct(db, angry[1]!, 'U3', 'angry', 'angry', '2026-12-07T09:05:00.000Z');

    // Last week: everyone got angry right.
    const q0 = await quiz(db, '2026-12-01', which('angry', ['angry', 'skeptic', 'bargain-hunter', 'confused']), { closed: true });
    for (const user of ['U1', 'U2', 'U3', 'U4']) await answer(db, q0, user, 0, true, '2026-12-01');
    // This week.
    const q1 = await quiz(db, '2026-12-07', which('angry', ['angry', 'skeptic', 'bargain-hunter', 'confused']), { closed: true });
    await answer(db, q1, 'U1', 0, true, '2026-12-07', 3000);
    await answer(db, q1, 'U2', 1, false, '2026-12-07', 5000);
    await answer(db, q1, 'U3', 1, false, '2026-12-07', 7000);
    const q2 = await quiz(db, '2026-12-08', which('skeptic', ['skeptic', 'angry', 'confused', 'bargain-hunter']), { closed: true });
    await answer(db, q2, 'U1', 1, false, '2026-12-08');
    await answer(db, q2, 'U2', 0, true, '2026-12-08');
    await answer(db, q2, 'U3', 1, false, '2026-12-08');
    const q3 = await quiz(db, '2026-12-09', whatToDo('angry', ['skeptic', 'confused', 'angry', 'bargain-hunter']));
    await answer(db, q3, 'U1', 2, true, '2026-12-09');
    await answer(db, q3, 'U2', 0, false, '2026-12-09');
    // Practice never counts; nor does another workspace's quiz.
    const practice = await quiz(db, '2026-12-08', which('angry', ['angry', 'skeptic', 'bargain-hunter', 'confused']), { practiceUserId: 'U1', closed: true });
    await answer(db, practice, 'U1', 1, false, '2026-12-08');
    const other = await quiz(db, '2026-12-08', which('angry', ['angry', 'skeptic', 'bargain-hunter', 'confused']), { team: 'T0OTHER', closed: true });
    await answer(db, other, 'U9', 1, false, '2026-12-08');
  });
}
