import type { SqlDatabase } from './sql.js';

/** Which Slack deliveries were handled already; the only SQL about them. */
export class HandledRequests {
  constructor(
    private readonly db: SqlDatabase,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** True the first time a key is seen, on any instance sharing the database; false ever after. */
  async claim(key: string): Promise<boolean> {
    const result = await this.db.run('INSERT INTO handled_requests (request_key, handled_at) VALUES (?, ?) ON CONFLICT DO NOTHING', [key, this.now().toISOString()]);
    return result.changes === 1;
  }

  /** Forgets keys older than `before`: Slack retries within minutes and a signature is good for five. */
  async prune(before: Date): Promise<number> {
    return (await this.db.run('DELETE FROM handled_requests WHERE handled_at < ?', [before.toISOString()])).changes;
  }
}
