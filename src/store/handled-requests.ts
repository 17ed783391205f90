import type { Database } from 'better-sqlite3';

/** Which Slack deliveries were handled already; the only SQL about them. */
export class HandledRequests {
  constructor(
    private readonly db: Database,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** True the first time a key is seen, on any instance sharing the database; false ever after. */
  claim(key: string): boolean {
    return this.db.prepare('INSERT INTO handled_requests (request_key, handled_at) VALUES (?, ?) ON CONFLICT DO NOTHING').run(key, this.now().toISOString()).changes === 1;
  }

  /** Forgets keys older than `before`: Slack retries within minutes and a signature is good for five. */
  prune(before: Date): number {
    return this.db.prepare('DELETE FROM handled_requests WHERE handled_at < ?').run(before.toISOString()).changes;
  }
}
