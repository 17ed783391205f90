import type { SqlDatabase, SqlSession } from './sql.js';

export type Surface = 'command' | 'shortcut' | 'message';

export interface ClassificationRecord {
  surface: Surface;
  teamId: string | undefined;
  channelId: string | undefined;
  userId: string | undefined;
  /** Null when the classifier abstained. */
  typeId: string | null;
  confidence: number;
  /** Only the length of the customer's text is kept, never the text. */
  textLength: number;
}

export interface CorrectionRecord {
  classificationId: number | undefined;
  teamId: string | undefined;
  userId: string;
  predictedType: string | null;
  correctedType: string;
  confidence: number;
}

export interface CorrectionSummary {
  /** Classifications that named a type. */
  answered: number;
  /** "Not right?" answers that picked the type it had named. */
  confirmed: number;
  /** Predicted → corrected, most frequent first. */
  corrections: Array<{ predicted: string | null; corrected: string; count: number }>;
}

const INSERT_CLASSIFICATION = `INSERT INTO classifications (surface, team_id, channel_id, user_id, type_id, confidence, text_length, created_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`;

async function insertClassification(db: SqlSession, record: ClassificationRecord, createdAt: Date): Promise<number> {
  const row = await db.get<{ id: number }>(INSERT_CLASSIFICATION, [
    record.surface,
    record.teamId ?? null,
    record.channelId ?? null,
    record.userId ?? null,
    record.typeId,
    record.confidence,
    record.textLength,
    createdAt.toISOString(),
  ]);
  return row!.id;
}

/** Classifications and corrections: what the bot answered and what agents said about it. */
export class Store {
  constructor(
    private readonly db: SqlDatabase,
    private readonly now: () => Date = () => new Date(),
  ) {}

  get isOpen(): boolean {
    return this.db.isOpen;
  }

  recordClassification(record: ClassificationRecord, createdAt: Date = this.now()): Promise<number> {
    return insertClassification(this.db, record, createdAt);
  }

  /** Rows that waited for the database, with the time each was made; all or none. */
  async recordClassifications(rows: ReadonlyArray<{ record: ClassificationRecord; createdAt: Date }>): Promise<void> {
    await this.db.transaction(async (tx) => {
      for (const { record, createdAt } of rows) await insertClassification(tx, record, createdAt);
    });
  }

  async recordCorrection(record: CorrectionRecord): Promise<number> {
    // A correction may outlive its classification row (or name one that never existed): keep the correction.
    const known =
      record.classificationId !== undefined && (await this.db.get('SELECT id FROM classifications WHERE id = ?', [record.classificationId])) !== undefined;
    const row = await this.db.get<{ id: number }>(
      `INSERT INTO corrections (classification_id, team_id, user_id, predicted_type, corrected_type, confidence, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (classification_id, user_id) WHERE classification_id IS NOT NULL
       DO UPDATE SET corrected_type = excluded.corrected_type, created_at = excluded.created_at
       RETURNING id`,
      [
        known ? record.classificationId! : null,
        record.teamId ?? null,
        record.userId,
        record.predictedType,
        record.correctedType,
        record.confidence,
        this.now().toISOString(),
      ],
    );
    return row!.id;
  }

  /** What agents said about the answers of one workspace since a moment: for the lead tuning the playbooks. */
  async correctionSummary(teamId: string | undefined, since: Date): Promise<CorrectionSummary> {
    const sinceIso = since.toISOString();
    const shown = await this.db.get<{ n: number }>(
      'SELECT COUNT(*) AS n FROM classifications WHERE team_id IS NOT DISTINCT FROM ? AND created_at >= ? AND type_id IS NOT NULL',
      [teamId ?? null, sinceIso],
    );
    const rows = await this.db.all<{ predicted: string | null; corrected: string; count: number }>(
      `SELECT predicted_type AS predicted, corrected_type AS corrected, COUNT(*) AS count
       FROM corrections WHERE team_id IS NOT DISTINCT FROM ? AND created_at >= ?
       GROUP BY predicted_type, corrected_type ORDER BY count DESC, COALESCE(predicted_type, ''), corrected_type`,
      [teamId ?? null, sinceIso],
    );
    const confirmed = rows.filter((row) => row.predicted === row.corrected).reduce((sum, row) => sum + row.count, 0);
    return { answered: shown?.n ?? 0, confirmed, corrections: rows.filter((row) => row.predicted !== row.corrected) };
  }

  async classificationCount(): Promise<number> {
    return (await this.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM classifications'))?.n ?? 0;
  }
}
