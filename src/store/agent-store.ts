import type { Database } from 'better-sqlite3';
import { isLang, type Lang } from '../lang.js';

/** Per-agent settings: for now, the language an agent chose to be answered in. */
export class AgentStore {
  constructor(
    private readonly db: Database,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The language the agent chose, or undefined when they follow their Slack language. */
  chosenLanguage(userId: string): Lang | undefined {
    const row = this.db.prepare('SELECT language FROM agent_languages WHERE user_id = ?').get(userId) as { language: string } | undefined;
    return row && isLang(row.language) ? row.language : undefined;
  }

  /** Stores the agent's choice; `auto` forgets it, so their Slack language rules again. */
  chooseLanguage(userId: string, choice: Lang | 'auto'): void {
    if (choice === 'auto') {
      this.db.prepare('DELETE FROM agent_languages WHERE user_id = ?').run(userId);
      return;
    }
    this.db
      .prepare(
        `INSERT INTO agent_languages (user_id, language, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (user_id) DO UPDATE SET language = excluded.language, updated_at = excluded.updated_at`,
      )
      .run(userId, choice, this.now().toISOString());
  }
}
