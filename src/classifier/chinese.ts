/**
 * Reading Chinese words. ICU's dictionary segmenter (Intl.Segmenter) splits Chinese well
 * (我|已经|第三次|要求|退款|了) but costs about a millisecond per 2,000 characters, the whole of a
 * classification's budget. So it runs once, at training, over the playbooks' Chinese text: the
 * words it finds (and every Chinese cue) become a lexicon, and messages are split by forward
 * maximum matching against that lexicon, about ten times faster. A word the lexicon lacks falls
 * apart into single characters, and the character n-grams still see it whole.
 */

import { finish, FNV_OFFSET, hashString, step } from './hash.js';

export const HAN = /\p{Script=Han}/u;

export function isHanCode(code: number): boolean {
  // The CJK blocks hold nearly everything customers type; the regex covers the rare extensions.
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff) || code === 0x3007;
}

const MAX_WORD = 6;

export class ChineseLexicon {
  private readonly words = new Set<string>();
  /** The words' hashes: a candidate is cut out as a string only when its hash is one of them. */
  private readonly hashes = new Set<number>();
  /** Per first character, the longest word starting with it: most characters start none. */
  private readonly longestFrom = new Map<number, number>();
  private longest = 1;

  static empty(): ChineseLexicon {
    return new ChineseLexicon();
  }

  /** Learns the words of `texts` with ICU's segmenter, plus any `extra` (cue words), 2 to 6 characters of Han each. */
  static fromTexts(texts: Iterable<string>, extra: Iterable<string> = []): ChineseLexicon {
    const lexicon = new ChineseLexicon();
    const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
    for (const text of texts) {
      if (!HAN.test(text)) continue;
      for (const { segment, isWordLike } of segmenter.segment(text)) if (isWordLike) lexicon.add(segment);
    }
    for (const word of extra) lexicon.add(word);
    return lexicon;
  }

  get size(): number {
    return this.words.size;
  }

  /** The words, to rebuild the same lexicon elsewhere (a training worker's result). */
  toWords(): string[] {
    return [...this.words];
  }

  static fromWords(words: Iterable<string>): ChineseLexicon {
    const lexicon = new ChineseLexicon();
    for (const word of words) lexicon.add(word);
    return lexicon;
  }

  private add(word: string): void {
    if (word.length < 2 || word.length > MAX_WORD) return;
    for (let index = 0; index < word.length; index += 1) if (!isHanCode(word.charCodeAt(index))) return;
    this.words.add(word);
    this.hashes.add(hashString(FNV_OFFSET, word));
    this.longestFrom.set(word.charCodeAt(0), Math.max(this.longestFrom.get(word.charCodeAt(0)) ?? 0, word.length));
    this.longest = Math.max(this.longest, word.length);
  }

  /** Splits a run of Han characters into words, longest match first; each result is [start, end). */
  segment(run: string, out: Array<[number, number]> = []): Array<[number, number]> {
    let at = 0;
    while (at < run.length) {
      let length = 1;
      const most = Math.min(this.longestFrom.get(run.charCodeAt(at)) ?? 0, run.length - at);
      if (most >= 2) {
        // Hashes of the candidates starting here, shortest first; then the longest that is a word.
        let hash = step(FNV_OFFSET, run.charCodeAt(at));
        let candidates = 0;
        for (let candidate = 2; candidate <= most; candidate += 1) {
          hash = step(hash, run.charCodeAt(at + candidate - 1));
          if (this.hashes.has(finish(hash))) candidates |= 1 << candidate;
        }
        for (let candidate = most; candidate >= 2 && candidates !== 0; candidate -= 1) {
          if ((candidates & (1 << candidate)) !== 0 && this.words.has(run.slice(at, at + candidate))) {
            length = candidate;
            break;
          }
        }
      }
      out.push([at, at + length]);
      at += length;
    }
    return out;
  }
}

/** Words that deny what follows: 我不是生气 is not anger. */
const NEGATORS = new Set(['不', '没', '没有', '别', '不是', '并不', '并没有', '并非', '不要', '未', '无', '毫不', '从不', '从没', '从来不', '从来没', '不太', '不怎么', '不算', '没什么', '不会', '不用', '无需', '不必']);
/** 只是, 但是: what comes after them is meant, whatever came before. */
export const CHINESE_SCOPE_BREAKERS = new Set(['但', '但是', '只是', '可是', '就是', '而是', '不过', '却', '只', '然而']);

/** The last characters of the negator endings below: most words end otherwise and need no regex. */
const NEGATOR_ENDINGS = new Set([...'不是没有要别'].map((char) => char.charCodeAt(0)));

/**
 * A word that negates: one of the negators, or a short word the segmenter formed around one
 * (我不是, 也不, 都没, 我没). A word that only starts with 不 (不满, 不行, 不爽) is a word of its own.
 */
export function isChineseNegator(word: string): boolean {
  if (NEGATORS.has(word)) return true;
  if (word.length > 3 || !NEGATOR_ENDINGS.has(word.charCodeAt(word.length - 1))) return false;
  return /(?:不是|不|没有|没|不要|别)$/.test(word) && !/^(?:要不|差不|对不|了不|免不|忍不|受不|说不|顾不|巴不|恨不|禁不|怪不)/.test(word);
}

/** Swearing and insults stay evidence after a negator, as in English: 我不想再用你们的垃圾软件. */
export const CHINESE_SWEARING = new Set(['垃圾', '他妈', '妈的', '尼玛', '卧槽', '我靠', '坑爹', '骗子', '傻逼', '狗屁', '破', '操', '靠']);

/** Feelings, whose owner decides whether they are the writer's: 我老公气坏了 is not the writer's anger. */
export const CHINESE_FEELINGS = new Set(['生气', '气死', '气坏', '发火', '愤怒', '火大', '恼火', '抓狂', '气炸', '暴怒', '怒', '气', '烦', '不爽']);
export const CHINESE_WRITER = new Set(['我', '我们', '本人', '俺', '咱', '咱们']);
export const CHINESE_SOMEONE_ELSE = new Set(['他', '她', '他们', '她们', '老公', '老婆', '我妈', '我爸', '妈妈', '爸爸', '孩子', '儿子', '女儿', '朋友', '同事', '老板', '邻居', '家人', '男朋友', '女朋友', '对象']);

/**
 * Words that carry no sign of a customer type on their own: the shop-chat openers (在吗, 亲, 你好,
 * 好的, 嗯嗯) abstain as "ok" does in English.
 */
export const CHINESE_STOPWORDS = new Set(
  '的 了 是 我 你 您 他 她 它 们 我们 你们 在 吗 呢 吧 啊 呀 哦 噢 嗯 嗯嗯 哈 哈哈 亲 亲亲 你好 您好 好 好的 好滴 可以 行 谢谢 多谢 感谢 请问 请 问 一下 这 那 这个 那个 就 也 都 和 与 或 还 有 没 不 个 吗吗 么 在吗 在么 在不在 有人 有人吗 客服 收到 知道 知道了 明白 嗯呢 ok 哈喽 hello hi 嗨 喂 等等 一 二 三 上 下 里 对 啦 嘛 咯 喔'.split(
    ' ',
  ),
);
