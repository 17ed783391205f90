import { describe, expect, it, onTestFinished } from 'vitest';
import type { Engine, SqlDatabase } from '../../src/store/sql.js';
import { ENGINES, freshDatabase, tableColumns } from '../helpers/engines.js';
import { WorkspaceDataStore } from '../../src/store/workspace-data-store.js';
import { QuizStore } from '../../src/store/quiz-store.js';
import { TeamExampleStore } from '../../src/store/team-example-store.js';

const TABLES_WITH_TEAM = ['classifications', 'corrections', 'quiz_schedules', 'quizzes', 'weekly_digest_settings', 'weekly_digests', 'team_examples', 'team_teaching', 'pending_teachings'];

async function seeded(engine: Engine) {
  let now = new Date('2026-12-01T10:00:00Z');
  const clock = () => now;
  const db = await freshDatabase(engine);
  onTestFinished(() => db.close());
  const quizzes = new QuizStore(db, clock);
  const examples = new TeamExampleStore(db, clock);
  for (const team of ['T0GONE', 'T0STAY']) {
    await quizzes.saveSchedule({ channelId: `C0${team}`, teamId: team, postTime: '09:00', timeZone: 'UTC', days: '*', closeTime: null, enabled: true }, 'U0LEAD');
    const at = now.toISOString();
    await db.run("INSERT INTO quizzes (team_id, channel_id, local_date, kind, type_id, question_key, question, status, created_at) VALUES (?, ?, '2026-12-01', 'which-type', 'angry', 'k', '{}', 'posted', ?)", [team, `C0${team}`, at]);
    const quizId = ((await db.get('SELECT id FROM quizzes WHERE team_id = ?', [team])) as { id: number }).id;
    await db.run('INSERT INTO quiz_answers (quiz_id, user_id, choice, correct, answered_at, ms_to_answer) VALUES (?, ?, 0, 1, ?, 10)', [quizId, `U0${team}`, at]);
    await db.run('INSERT INTO weekly_leaderboards (channel_id, week_start, posted_at) VALUES (?, ?, ?)', [`C0${team}`, '2026-11-30', at]);
    await examples.add({ teamId: team, typeId: 'angry', text: 'refund now', taughtBy: 'U0LEAD', language: 'en' });
    await db.run('INSERT INTO team_teaching (team_id, enabled, updated_at) VALUES (?, 1, ?)', [team, at]);
    await db.run("INSERT INTO weekly_digest_settings (team_id, target, enabled_at, updated_by) VALUES (?, 'dm', ?, 'U0LEAD')", [team, at]);
    await db.run("INSERT INTO weekly_digests (team_id, week_start, claimed_at) VALUES (?, '2026-11-30', ?)", [team, at]);
    await db.run("INSERT INTO classifications (team_id, surface, type_id, confidence, text_length, created_at) VALUES (?, 'command', 'angry', 0.9, 10, ?)", [team, at]);
    await db.run("INSERT INTO pending_teachings (teach_key, team_id, user_id, text, expires_at) VALUES (?, ?, 'U0AGENT', 'refund now', '2026-12-01T10:15:00.000Z')", [`k-${team}`, team]);
  }
  return { db, store: new WorkspaceDataStore(db, clock), move: (iso: string) => (now = new Date(iso)) };
}

const countFor = async (db: SqlDatabase, table: string, team: string) =>
  ((await db.get(`SELECT COUNT(*) AS n FROM ${table} WHERE team_id = ?`, [team])) as { n: number }).n;

describe.each(ENGINES)('WorkspaceDataStore on %s', (engine) => {
  describe('WorkspaceDataStore', () => {
    it('stops a departed workspace\'s quizzes at once and sets its deletion date after the retention period', async () => {
      const { db, store } = await seeded(engine);
      await store.markLeft('T0GONE', 30);
      expect(await db.all('SELECT team_id, enabled FROM quiz_schedules ORDER BY team_id')).toEqual([
        { team_id: 'T0GONE', enabled: 0 },
        { team_id: 'T0STAY', enabled: 1 },
      ]);
      expect(await store.deletionDate('T0GONE')).toBe('2026-12-31T10:00:00.000Z');
      expect(await store.deletionDate('T0STAY')).toBeUndefined();
    });

    it('keeps the first deletion date when told twice, and forgets it on reinstall', async () => {
      const { store, move } = await seeded(engine);
      await store.markLeft('T0GONE', 30);
      move('2026-12-10T10:00:00Z');
      await store.markLeft('T0GONE', 30);
      expect(await store.deletionDate('T0GONE')).toBe('2026-12-31T10:00:00.000Z');
      await store.cancelDeletion('T0GONE');
      expect(await store.deletionDate('T0GONE')).toBeUndefined();
    });

    it('finds a workspace due only once its retention period has passed', async () => {
      const { store, move } = await seeded(engine);
      await store.markLeft('T0GONE', 30);
      move('2026-12-31T09:59:59Z');
      expect(await store.dueForDeletion()).toEqual([]);
      move('2026-12-31T10:00:00Z');
      expect(await store.dueForDeletion()).toEqual(['T0GONE']);
    });

    it('deletes every row of one workspace and none of another', async () => {
      const { db, store } = await seeded(engine);
      await store.markLeft('T0GONE', 0);
      await store.deleteWorkspace('T0GONE');
      for (const table of TABLES_WITH_TEAM) {
        expect(await countFor(db, table, 'T0GONE'), table).toBe(0);
      }
      for (const table of ['quiz_schedules', 'quizzes', 'weekly_digest_settings', 'weekly_digests', 'classifications', 'team_examples', 'team_teaching']) expect(await countFor(db, table, 'T0STAY'), table).toBe(1);
      expect(await db.all('SELECT user_id FROM quiz_answers')).toEqual([{ user_id: 'U0T0STAY' }]);
      expect(await db.all('SELECT channel_id FROM weekly_leaderboards')).toEqual([{ channel_id: 'C0T0STAY' }]);
      expect(await store.dueForDeletion()).toEqual([]);
    });

    it('deleting at a lead\'s request keeps which org install serves the workspace, and nothing else', async () => {
      const { db, store } = await seeded(engine);
      await db.run("INSERT INTO installation_teams (team_id, enterprise_id, seen_at) VALUES ('T0GONE', 'E0ORG', '2026-12-01T00:00:00Z')");
      await store.deleteWorkspace('T0GONE', { stillInstalled: true });
      for (const table of TABLES_WITH_TEAM) expect(await countFor(db, table, 'T0GONE'), table).toBe(0);
      expect(await countFor(db, 'installation_teams', 'T0GONE')).toBe(1);
      await store.deleteWorkspace('T0GONE');
      expect(await countFor(db, 'installation_teams', 'T0GONE')).toBe(0);
    });

    it('leaves no table with a team_id column out of the deletion', async () => {
      const { db } = await seeded(engine);
      const withTeam = [...(await tableColumns(db))].filter(([, columns]) => columns.includes('team_id')).map(([table]) => table);
      // Installations are deleted with the tokens, at once, not with the data.
      expect(withTeam.filter((table) => table !== 'installations').sort()).toEqual([...TABLES_WITH_TEAM, 'installation_teams', 'workspace_deletions'].sort());
    });
  });
});
