import type { ClassificationExportRow, TeamAnswer } from '../store/insights-store.js';
import { toCsv } from './csv.js';
import { dayjs } from './zoned-dayjs.js';

export interface ExportColumns {
  agent: string;
  date: string;
  time: (timeZone: string) => string;
  questionKind: string;
  typeId: string;
  typeName: string;
  right: string;
  seconds: string;
  surface: string;
  confidence: string;
  /** What a classification with no type shows in the type columns. */
  noType: string;
  /** The words for the two question kinds and the three surfaces, in the lead's language. */
  kinds: Record<'which-type' | 'what-to-do', string>;
  surfaces: Record<ClassificationExportRow['surface'], string>;
}

export interface ExportFile {
  filename: string;
  title: string;
  content: string;
}

type TypeName = (typeId: string) => string;

const localTime = (iso: string, timeZone: string) => dayjs(iso).tz(timeZone).format('YYYY-MM-DD HH:mm');

/**
 * The quiz answers (practice excluded): who, when, which type, right or not, how long it took.
 * Right is 1 and wrong 0 so that a spreadsheet sums and averages the column.
 */
export function quizAnswersCsv(answers: readonly TeamAnswer[], columns: ExportColumns, typeName: TypeName, timeZone: string): string {
  return toCsv(
    [columns.agent, columns.date, columns.time(timeZone), columns.questionKind, columns.typeId, columns.typeName, columns.right, columns.seconds],
    answers.map((answer) => [
      answer.userId,
      answer.localDate,
      localTime(answer.answeredAt, timeZone),
      columns.kinds[answer.question.kind],
      answer.question.typeId,
      typeName(answer.question.typeId),
      answer.correct ? 1 : 0,
      Math.round(answer.msToAnswer / 100) / 10,
    ]),
  );
}

/** The classifications: when, where and what, how sure. Never the customer's text: it is not stored. */
export function classificationsCsv(rows: readonly ClassificationExportRow[], columns: ExportColumns, typeName: TypeName, timeZone: string): string {
  return toCsv(
    [columns.time(timeZone), columns.surface, columns.typeId, columns.typeName, columns.confidence],
    rows.map((row) => [
      localTime(row.createdAt, timeZone),
      columns.surfaces[row.surface],
      row.typeId ?? '',
      row.typeId === null ? columns.noType : typeName(row.typeId),
      Math.round(row.confidence * 1000) / 1000,
    ]),
  );
}
