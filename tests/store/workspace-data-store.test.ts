import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database.js';
import { WorkspaceDataStore } from '../../src/store/workspace-data-store.js';
import { QuizStore } from '../../src/store/quiz-store.js';
import { TeamExampleStore } from '../../src/store/team-example-store.js';

const TABLES_WITH_TEAM = ['classifications', 'corrections', 'quiz_schedules', 'quizzes', 'weekly_digest_settings', 'weekly_digests', 'team_examples', 'team_teaching'];

function seeded() {
  let now = new Date('2026-12-01T10:00:00Z');
  const clock = () => now;
  const db = openDatabase(':memory:');
  const quizzes = new QuizStore(db, clock);
  const examples = new TeamExampleStore(db, clock);
  for (const team of ['T0GONE', 'T0STAY']) {
    quizzes.saveSchedule({ channelId: `C0${team}`, teamId: team, postTime: '09:00', timeZone: 'UTC', days: '*', closeTime: null, enabled: true }, 'U0LEAD');
    const at = now.toISOString();
    db.prepare("INSERT INTO quizzes (team_id, channel_id, local_date, kind, type_id, question_key, question, status, created_at) VALUES (?, ?, '2026-12-01', 'which-type', 'angry', 'k', '{}', 'posted', ?)").run(team, `C0${team}`, at);
    const quizId = (db.prepare('SELECT id FROM quizzes WHERE team_id = ?').get(team) as { id: number }).id;
    db.prepare('INSERT INTO quiz_answers (quiz_id, user_id, choice, correct, answered_at, ms_to_answer) VALUES (?, ?, 0, 1, ?, 10)').run(quizId, `U0${team}`, at);
    db.prepare('INSERT INTO weekly_leaderboards (channel_id, week_start, posted_at) VALUES (?, ?, ?)').run(`C0${team}`, '2026-11-30', at);
    examples.add({ teamId: team, typeId: 'angry', text: 'refund now', taughtBy: 'U0LEAD', language: 'en' });
    db.prepare('INSERT INTO team_teaching (team_id, enabled, updated_at) VALUES (?, 1, ?)').run(team, at);
    db.prepare("INSERT INTO weekly_digest_settings (team_id, target, enabled_at, updated_by) VALUES (?, 'dm', ?, 'U0LEAD')").run(team, at);
    db.prepare("INSERT INTO weekly_digests (team_id, week_start, claimed_at) VALUES (?, '2026-11-30', ?)").run(team, at);
    db.prepare("INSERT INTO classifications (team_id, surface, type_id, confidence, text_length, created_at) VALUES (?, 'command', 'angry', 0.9, 10, ?)").run(team, at);
  }
  return { db, store: new WorkspaceDataStore(db, clock), move: (iso: string) => (now = new Date(iso)) };
}

const countFor = (db: ReturnType<typeof openDatabase>, table: string, team: string) =>
  (db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE team_id = ?`).get(team) as { n: number }).n;

describe('WorkspaceDataStore', () => {
  it('stops a departed workspace\'s quizzes at once and sets its deletion date after the retention period', () => {
    const { db, store } = seeded();
    store.markLeft('T0GONE', 30);
    expect(db.prepare('SELECT team_id, enabled FROM quiz_schedules ORDER BY team_id').all()).toEqual([
      { team_id: 'T0GONE', enabled: 0 },
      { team_id: 'T0STAY', enabled: 1 },
    ]);
    expect(store.deletionDate('T0GONE')).toBe('2026-12-31T10:00:00.000Z');
    expect(store.deletionDate('T0STAY')).toBeUndefined();
  });

  it('keeps the first deletion date when told twice, and forgets it on reinstall', () => {
    const { store, move } = seeded();
    store.markLeft('T0GONE', 30);
    move('2026-12-10T10:00:00Z');
    store.markLeft('T0GONE', 30);
    expect(store.deletionDate('T0GONE')).toBe('2026-12-31T10:00:00.000Z');
    store.cancelDeletion('T0GONE');
    expect(store.deletionDate('T0GONE')).toBeUndefined();
  });

  it('finds a workspace due only once its retention period has passed', () => {
    const { store, move } = seeded();
    store.markLeft('T0GONE', 30);
    move('2026-12-31T09:59:59Z');
    expect(store.dueForDeletion()).toEqual([]);
    move('2026-12-31T10:00:00Z');
    expect(store.dueForDeletion()).toEqual(['T0GONE']);
  });

  it('deletes every row of one workspace and none of another', () => {
    const { db, store } = seeded();
    store.markLeft('T0GONE', 0);
    store.deleteWorkspace('T0GONE');
    for (const table of TABLES_WITH_TEAM) {
      expect(countFor(db, table, 'T0GONE'), table).toBe(0);
    }
    for (const table of ['quiz_schedules', 'quizzes', 'weekly_digest_settings', 'weekly_digests', 'classifications', 'team_examples', 'team_teaching']) expect(countFor(db, table, 'T0STAY'), table).toBe(1);
    expect(db.prepare('SELECT user_id FROM quiz_answers').all()).toEqual([{ user_id: 'U0T0STAY' }]);
    expect(db.prepare('SELECT channel_id FROM weekly_leaderboards').all()).toEqual([{ channel_id: 'C0T0STAY' }]);
    expect(store.dueForDeletion()).toEqual([]);
  });

  it('deleting at a lead\'s request keeps which org install serves the workspace, and nothing else', () => {
    const { db, store } = seeded();
    db.prepare("INSERT INTO installation_teams (team_id, enterprise_id, seen_at) VALUES ('T0GONE', 'E0ORG', '2026-12-01T00:00:00Z')").run();
    store.deleteWorkspace('T0GONE', { stillInstalled: true });
    for (const table of TABLES_WITH_TEAM) expect(countFor(db, table, 'T0GONE'), table).toBe(0);
    expect(countFor(db, 'installation_teams', 'T0GONE')).toBe(1);
    store.deleteWorkspace('T0GONE');
    expect(countFor(db, 'installation_teams', 'T0GONE')).toBe(0);
  });

  it('leaves no table with a team_id column out of the deletion', () => {
    const { db } = seeded();
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>).map((row) => row.name);
    const withTeam = tables.filter((table) => (db.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string }>).some((column) => column.name === 'team_id'));
    // Installations are deleted with the tokens, at once, not with the data.
    expect(withTeam.filter((table) => table !== 'installations').sort()).toEqual([...TABLES_WITH_TEAM, 'installation_teams', 'workspace_deletions'].sort());
  });
});
