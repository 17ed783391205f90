import { beforeAll, describe, expect, it } from 'vitest';
import { Classifier } from '../../src/classifier/classifier.js';
import { loadPlaybooks } from '../../src/playbooks/load.js';
import { typeDefinitions } from '../../src/playbooks/training.js';

let classifier: Classifier;
beforeAll(() => {
  classifier = Classifier.train(typeDefinitions(loadPlaybooks().set.all));
});

const HAN = /\p{Script=Han}/u;

describe('reading Chinese customers', () => {
  it('names an angry Chinese customer, with the Chinese words that gave them away', () => {
    const result = classifier.classify('我已经第三次要求退款了！！！你们到底什么时候处理？气死我了，再不退我就去12315投诉');
    expect(result.lang).toBe('zh');
    expect(result.type).toBe('angry');
    expect(result.cues.length).toBeGreaterThan(0);
    expect(result.cues.every((cue) => HAN.test(cue) || !/^"[a-z]/.test(cue))).toBe(true);
    expect(result.cues.some((cue) => HAN.test(cue))).toBe(true);
  });

  it('reads negation: 我不是生气，只是搞不懂 is confused, and 生气 is no cue', () => {
    const result = classifier.classify('我不是生气，只是搞不懂这个账单到底怎么算的，为什么两个地方显示的金额不一样？');
    expect(result.type).toBe('confused');
    expect(result.cues.join(' ')).not.toMatch(/生气/);
  });

  it("reads whose feeling it is: a husband's anger is not the writer's", () => {
    const result = classifier.classify('我老公看到这个月的账单气坏了，让我来问问这笔服务费是怎么算出来的，我们都没看懂');
    expect(result.type).not.toBe('angry');
  });

  it('reads Traditional Chinese as its Simplified form does', () => {
    const simplified = classifier.classify('软件一直当机，网络也很慢，你们客服态度超差，气死我了');
    const traditional = classifier.classify('軟體一直當機，網路也很慢，你們客服態度超差，氣死我了');
    expect(traditional.lang).toBe('zh');
    expect(traditional.type).toBe(simplified.type);
    expect(traditional.ranked[0]!.score).toBeCloseTo(simplified.ranked[0]!.score, 2);
  });


  it('reads Chinese mixed with English as Chinese', () => {
    const result = classifier.classify('我的order到现在还没ship，已经等了两个礼拜了，what happened？可以帮我check一下吗');
    expect(result.lang).toBe('zh');
    expect(result.type).not.toBeNull();
  });

  it('reads full-width marks as intensity, as !!! and ??? are in English', () => {
    const calm = classifier.classify('我的快递一直没到，客服也没人回复');
    const loud = classifier.classify('我的快递一直没到，客服也没人回复！！！');
    const score = (result: typeof calm) => result.ranked.find((entry) => entry.type === 'angry')!.score;
    expect(score(loud)).toBeGreaterThanOrEqual(score(calm));
  });

  it('reads WeChat emoticon codes like [怒] as signs', () => {
    expect(classifier.classify('你们这个售后到底还管不管了[怒][怒]').type).toBe('angry');
  });

  it('answers a 2,000-character Chinese message in one piece, without cutting a character', () => {
    const long = '你好，我想问一下你们的会员到底怎么续费，页面上写的和客服说的不一样，我已经搞不清楚了。'.repeat(120);
    const result = classifier.classify(long);
    expect(result.truncated).toBe(true);
    expect(result.type).not.toBeNull();
    expect(JSON.stringify(result)).not.toMatch(/\\ud[89ab]/i);
  });
});
