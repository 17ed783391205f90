import { isLang, type Lang } from '../lang.js';
import type { SqlDatabase } from './sql.js';

/** Per-agent settings: for now, the language an agent chose to be answered in. */
export class AgentStore {
  constructor(
    private readonly db: SqlDatabase,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The language the agent chose, or undefined when they follow their Slack language. */
  async chosenLanguage(userId: string): Promise<Lang | undefined> {
    const row = await this.db.get<{ language: string }>('SELECT language FROM agent_languages WHERE user_id = ?', [userId]);
    return row && isLang(row.language) ? row.language : undefined;
  }

  /** Stores the agent's choice; `auto` forgets it, so their Slack language rules again. */
  async chooseLanguage(userId: string, choice: Lang | 'auto'): Promise<void> {
    if (choice === 'auto') {
      await this.db.run('DELETE FROM agent_languages WHERE user_id = ?', [userId]);
      return;
    }
    await this.db.run(
      `INSERT INTO agent_languages (user_id, language, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (user_id) DO UPDATE SET language = excluded.language, updated_at = excluded.updated_at`,
      [userId, choice, this.now().toISOString()],
    );
  }
}
