import type { Database } from 'better-sqlite3';

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

/** Every query the app runs, as named functions; the only module with SQL besides migrations/. */
export class Store {
  private readonly insertClassification;
  private readonly insertCorrection;
  private readonly countClassifications;
  private readonly findClassification;

  constructor(
    private readonly db: Database,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.insertClassification = db.prepare(
      `INSERT INTO classifications (surface, team_id, channel_id, user_id, type_id, confidence, text_length, created_at)
       VALUES (@surface, @teamId, @channelId, @userId, @typeId, @confidence, @textLength, @createdAt)`,
    );
    this.insertCorrection = db.prepare(
      `INSERT INTO corrections (classification_id, team_id, user_id, predicted_type, corrected_type, confidence, created_at)
       VALUES (@classificationId, @teamId, @userId, @predictedType, @correctedType, @confidence, @createdAt)
       ON CONFLICT (classification_id, user_id) WHERE classification_id IS NOT NULL
       DO UPDATE SET corrected_type = excluded.corrected_type, created_at = excluded.created_at
       RETURNING id`,
    );
    this.countClassifications = db.prepare('SELECT COUNT(*) AS n FROM classifications');
    this.findClassification = db.prepare('SELECT id FROM classifications WHERE id = ?');
  }

  get isOpen(): boolean {
    return this.db.open;
  }

  recordClassification(record: ClassificationRecord, createdAt: Date = this.now()): number {
    const result = this.insertClassification.run({
      ...record,
      teamId: record.teamId ?? null,
      channelId: record.channelId ?? null,
      userId: record.userId ?? null,
      createdAt: createdAt.toISOString(),
    });
    return Number(result.lastInsertRowid);
  }

  /** Rows that waited for the database, with the time each was made; all or none. */
  recordClassifications(rows: ReadonlyArray<{ record: ClassificationRecord; createdAt: Date }>): void {
    this.db.transaction(() => {
      for (const { record, createdAt } of rows) this.recordClassification(record, createdAt);
    })();
  }

  recordCorrection(record: CorrectionRecord): number {
    // A correction may outlive its classification row (or name one that never existed): keep the correction.
    const known = record.classificationId !== undefined && this.findClassification.get(record.classificationId) !== undefined;
    const row = this.insertCorrection.get({
      ...record,
      classificationId: known ? record.classificationId : null,
      teamId: record.teamId ?? null,
      createdAt: this.now().toISOString(),
    }) as { id: number };
    return row.id;
  }

  /** What agents said about the answers of one workspace since a moment: for the lead tuning the playbooks. */
  correctionSummary(teamId: string | undefined, since: Date): CorrectionSummary {
    const sinceIso = since.toISOString();
    const shown = this.db
      .prepare('SELECT COUNT(*) AS n FROM classifications WHERE team_id IS ? AND created_at >= ? AND type_id IS NOT NULL')
      .get(teamId ?? null, sinceIso) as { n: number };
    const rows = this.db
      .prepare(
        `SELECT predicted_type AS predicted, corrected_type AS corrected, COUNT(*) AS count
         FROM corrections WHERE team_id IS ? AND created_at >= ?
         GROUP BY predicted_type, corrected_type ORDER BY count DESC, predicted, corrected`,
      )
      .all(teamId ?? null, sinceIso) as Array<{ predicted: string | null; corrected: string; count: number }>;
    const confirmed = rows.filter((row) => row.predicted === row.corrected).reduce((sum, row) => sum + row.count, 0);
    return { answered: shown.n, confirmed, corrections: rows.filter((row) => row.predicted !== row.corrected) };
  }

  classificationCount(): number {
    return (this.countClassifications.get() as { n: number }).n;
  }
}
