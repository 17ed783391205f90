import { describe, expect, it } from 'vitest';
import { catalogue, en, zh } from '../../src/i18n/index.js';
import { chineseTypographyProblems, englishLeftIn, hasHan } from '../helpers/chinese-text.js';

type Leaf = { path: string; value: unknown };

function leaves(node: unknown, path = ''): Leaf[] {
  if (node && typeof node === 'object' && !Array.isArray(node)) {
    return Object.entries(node).flatMap(([key, value]) => leaves(value, path ? `${path}.${key}` : key));
  }
  return [{ path, value: node }];
}

/** A leaf as a person reads it: a function is called with stand-in values (numbers read as text too). */
function rendered(value: unknown, path = ''): string[] {
  if (typeof value === 'function') {
    const args = path.startsWith('format.day') ? ['2026-11-23'] : Array.from({ length: value.length }, () => '7');
    return rendered(value(...args));
  }
  if (Array.isArray(value)) return value.flatMap((item) => rendered(item));
  return [String(value)];
}

/** Leaves that are not sentences: the same in both languages, or a mark of punctuation. */
const NOT_SENTENCES = new Set([
  'lang',
  'format.percent',
  'format.number',
  'format.listSeparator',
  'format.quote',
  'format.clause',
  'guidance.wantsSeparator',
  'stats.byTypeSeparator',
  'quiz.option',
  'failures.code',
]);

describe('the catalogues', () => {
  const english = leaves(en);
  const chinese = leaves(zh);

  it('have the same keys (the compiler checks this too; a key added through a cast would not be)', () => {
    expect(chinese.map((leaf) => leaf.path)).toEqual(english.map((leaf) => leaf.path));
  });

  it('leave nothing of the Chinese catalogue in English', () => {
    const left: string[] = [];
    for (const { path, value } of chinese) {
      if (NOT_SENTENCES.has(path)) continue;
      const englishValue = english.find((leaf) => leaf.path === path)!.value;
      for (const [index, text] of rendered(value, path).entries()) {
        const englishText = rendered(englishValue, path)[index]!;
        // A pure template ("• *{name}* `{id}`: {summary}") has no words of its own to translate.
        if (!hasHan(text) && englishLeftIn(englishText).length > 0) left.push(`${path} has no Chinese: ${text}`);
        if (englishLeftIn(text).length > 0) left.push(`${path} has English (${englishLeftIn(text).join(' ')}): ${text}`);
        if (text === englishText && englishLeftIn(englishText).length > 0) left.push(`${path} is the English text`);
      }
    }
    expect(left).toEqual([]);
  });

  it('write Chinese with full-width punctuation, no stray spaces, and formatting Slack renders next to Chinese', () => {
    const problems = chinese.flatMap(({ path, value }) => rendered(value, path).flatMap((text) => chineseTypographyProblems(text).map((problem) => `${path}: ${problem}`)));
    expect(problems).toEqual([]);
  });

  it('name each language in the other', () => {
    expect(en.languageNames).toEqual({ en: 'English', zh: 'Chinese' });
    expect(zh.languageNames).toEqual({ en: '英文', zh: '中文' });
  });

  it('join sentences without doubling their punctuation', () => {
    expect(zh.format.clause('问题很快有答复。')).toBe('问题很快有答复');
    expect(en.format.clause('A quick answer.')).toBe('A quick answer.');
  });

  it('read numbers, durations and dates the way each language does', () => {
    expect(en.format.number(4000)).toBe('4,000');
    expect(en.format.seconds(2140)).toBe('2.1 s');
    expect(zh.format.seconds(2140)).toBe('2.1 秒');
    expect(en.format.day('2026-11-23')).toBe('23 November');
    expect(zh.format.day('2026-11-23')).toBe('11月23日');
    expect(zh.format.dayWithYear('2026-03-02')).toBe('2026年3月2日');
  });

  it('fall back to English for a language they do not have', () => {
    expect(catalogue('zh')).toBe(zh);
    expect(catalogue(undefined)).toBe(en);
    expect(catalogue('fr' as never)).toBe(en);
  });
});

describe('the typography check itself', () => {
  it('finds each kind of problem, and passes good Chinese', () => {
    expect(chineseTypographyProblems('好的，之后用中文回复你。')).toEqual([]);
    expect(chineseTypographyProblems('• *愤怒的客户* `angry` 顾客很生气')).toEqual([]);
    expect(chineseTypographyProblems('好的 ，之后')).toHaveLength(1);
    expect(chineseTypographyProblems('答案:A')).toHaveLength(1);
    expect(chineseTypographyProblems('这是*粗体*文字')).toHaveLength(2);
    expect(chineseTypographyProblems('输入`/customertype`。')).toHaveLength(2);
    expect(chineseTypographyProblems('_斜体_')).toHaveLength(1);
  });

  it('finds English words outside code, mentions and names', () => {
    expect(englishLeftIn('由 <@U123> 通过 customertype 分享，输入 `/customertype list` 查看')).toEqual([]);
    expect(englishLeftIn('Share in channel')).toEqual(['Share', 'in', 'channel']);
  });
});
