import { randomBytes } from 'node:crypto';
import { PENDING_TEXT_TTL_MS, type PendingTextHolder } from '../teaching/pending-texts.js';
import type { SqlDatabase } from './sql.js';

/**
 * The redacted texts waiting for the agent's tick, in the database every instance shares: the same
 * promises as the in-memory PendingTexts (the agent who classified it, in that workspace, for 15
 * minutes, taught once), for a deployment where the tick may reach another instance.
 */
export class PendingTeachingStore implements PendingTextHolder {
  constructor(
    private readonly db: SqlDatabase,
    private readonly now: () => Date = () => new Date(),
    private readonly ttlMs = PENDING_TEXT_TTL_MS,
  ) {}

  async hold(text: string, teamId: string, userId: string): Promise<string> {
    const key = randomBytes(9).toString('base64url');
    const now = this.now();
    // Expired texts go as new ones come: nothing outlives its 15 minutes by more than the next answer.
    await this.db.run('DELETE FROM pending_teachings WHERE expires_at <= ?', [now.toISOString()]);
    await this.keep(key, text, teamId, userId);
    return key;
  }

  async peek(key: string, teamId: string, userId: string): Promise<string | undefined> {
    const row = await this.db.get<{ text: string }>(
      'SELECT text FROM pending_teachings WHERE teach_key = ? AND team_id = ? AND user_id = ? AND expires_at > ?',
      [key, teamId, userId, this.now().toISOString()],
    );
    return row?.text;
  }

  putBack(key: string, text: string, teamId: string, userId: string): Promise<void> {
    return this.keep(key, text, teamId, userId);
  }

  /** Keeps the text under its key for 15 minutes from now; a key already kept stays as it is. */
  private async keep(key: string, text: string, teamId: string, userId: string): Promise<void> {
    await this.db.run('INSERT INTO pending_teachings (teach_key, team_id, user_id, text, expires_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (teach_key) DO NOTHING', [
      key,
      teamId,
      userId,
      text,
      new Date(this.now().getTime() + this.ttlMs).toISOString(),
    ]);
  }

  /** Takes the text out: one message is taught once, even when two ticks reach two instances at once. */
  async take(key: string, teamId: string, userId: string): Promise<string | undefined> {
    const row = await this.db.get<{ text: string }>(
      'DELETE FROM pending_teachings WHERE teach_key = ? AND team_id = ? AND user_id = ? AND expires_at > ? RETURNING text',
      [key, teamId, userId, this.now().toISOString()],
    );
    return row?.text;
  }
}
