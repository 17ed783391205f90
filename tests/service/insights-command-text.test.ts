import { describe, expect, it } from 'vitest';
import { loadPlaybooks } from '../../src/playbooks/load.js';
import { parseCommandText } from '../../src/service/command-text.js';

const playbooks = loadPlaybooks().set;
const parse = (text: string) => parseCommandText(text, playbooks);

describe('insights and export in the command text', () => {
  it('reads insights with a period in English, this week unless said', () => {
    expect(parse('insights')).toEqual({ kind: 'insights', period: 'this-week' });
    expect(parse('Insights this week')).toEqual({ kind: 'insights', period: 'this-week' });
    expect(parse('insights  last week.')).toEqual({ kind: 'insights', period: 'last-week' });
    expect(parse('insights last 4 weeks')).toEqual({ kind: 'insights', period: 'last-4-weeks' });
    expect(parse('insight last four weeks')).toEqual({ kind: 'insights', period: 'last-4-weeks' });
    expect(parse('insights yesterday')).toEqual({ kind: 'insights', period: 'unknown' });
  });

  it('reads the Chinese forms, with or without a space', () => {
    expect(parse('洞察')).toEqual({ kind: 'insights', period: 'this-week' });
    expect(parse('团队洞察 上周')).toEqual({ kind: 'insights', period: 'last-week' });
    expect(parse('数据近四周')).toEqual({ kind: 'insights', period: 'last-4-weeks' });
    expect(parse('数据 最近 4 周')).toEqual({ kind: 'insights', period: 'last-4-weeks' });
    expect(parse('数据看板 本周。')).toEqual({ kind: 'insights', period: 'this-week' });
  });

  it('reads export, the last 4 weeks unless said', () => {
    expect(parse('export')).toEqual({ kind: 'export', period: 'last-4-weeks' });
    expect(parse('export last week')).toEqual({ kind: 'export', period: 'last-week' });
    expect(parse('导出')).toEqual({ kind: 'export', period: 'last-4-weeks' });
    expect(parse('导出数据 本周')).toEqual({ kind: 'export', period: 'this-week' });
    expect(parse('export everything')).toEqual({ kind: 'export', period: 'unknown' });
  });

  it('leaves a customer message that starts with those words a message', () => {
    expect(parse('数据丢失了，怎么办？')).toMatchObject({ kind: 'classify' });
    expect(parse('导出功能用不了')).toMatchObject({ kind: 'classify' });
    expect(parse(`insights ${'please help me with my order '.repeat(5)}`)).toMatchObject({ kind: 'classify' });
  });
});
