import { beforeAll, describe, expect, it } from 'vitest';
import { csvCell, toCsv, UTF8_BOM } from '../../src/insights/csv.js';
import { classificationsCsv, quizAnswersCsv } from '../../src/insights/export.js';
import { InsightsService } from '../../src/insights/insights-service.js';
import { en, zh } from '../../src/i18n/index.js';
import { openSqliteDatabase } from '../../src/store/database.js';
import { InsightsStore } from '../../src/store/insights-store.js';
import { KNOWN_NOW, seedKnownWeek, TEAM } from './known-week.js';
import { parseCsv } from './parse-csv.js';

describe('CSV cells', () => {
  it('quote commas, quotes and line breaks as RFC 4180 says', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(0.93)).toBe('0.93');
    expect(csvCell(Number.NaN)).toBe('');
  });

  it('make formulas text', () => {
    for (const formula of ['=HYPERLINK("http://evil","x")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) {
      const [[cell]] = parseCsv(csvCell(formula)) as [[string]];
      expect(cell).toBe(`'${formula}`);
    }
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('round-trip any text, Chinese and emoji included, behind a UTF-8 byte-order mark', () => {
    const rows = [['愤怒的客户', 'a,"b"\r\nc', '😀 ok', ''], ['x', 'y', 'z', 'w']];
    const csv = toCsv(['一', '二', '三', '四'], rows);
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(parseCsv(csv.slice(1))).toEqual([['一', '二', '三', '四'], ...rows]);
  });
});

describe('the export files', () => {
  let rows: Awaited<ReturnType<InsightsService['exportRows']>>;
  beforeAll(async () => {
    const db = await openSqliteDatabase(':memory:');
    await seedKnownWeek(db);
    const service = new InsightsService({ store: new InsightsStore(db), clock: () => KNOWN_NOW, timeZone: 'Asia/Shanghai' });
    rows = await service.exportRows(TEAM, 'this-week');
  });
  const name = (id: string) => (id === 'angry' ? '=愤怒, "的" 客户' : id);

  it('list each quiz answer of the period: agent, date, type, right or wrong, seconds', () => {
    const parsed = parseCsv(quizAnswersCsv(rows.answers, en.export.columns, name, 'Asia/Shanghai').slice(1));
    expect(parsed[0]).toEqual(['Agent (Slack user id)', 'Quiz date', 'Time (Asia/Shanghai)', 'Question', 'Type id', 'Type', 'Right (1) or wrong (0)', 'Seconds to answer']);
    expect(parsed).toHaveLength(1 + 8);
    expect(parsed[1]).toEqual(['U1', '2026-12-07', '2026-12-07 17:35', 'Which type', 'angry', `'=愤怒, "的" 客户`, '1', '3']);
    expect(parsed.slice(1).map((row) => row[6])).toEqual(['1', '0', '0', '0', '1', '0', '1', '0']);
  });

  it('list each classification without any text, in the lead’s language', () => {
    const parsed = parseCsv(classificationsCsv(rows.classifications, zh.export.columns, name, 'Asia/Shanghai').slice(1));
    expect(parsed[0]).toEqual(['时间（Asia/Shanghai）', '入口', '类型编号', '类型', '把握（0–1）']);
    // 7–9 December in Shanghai: the row at 00:00 UTC on the 10th is 08:00 on the 10th there, and does not count.
    expect(parsed).toHaveLength(1 + 10);
    expect(parsed).toContainEqual(['2026-12-08 20:00', '私信', '', '判断不出', '0.2']);
    expect(parsed.every((row) => row.length === 5)).toBe(true);
  });
});
