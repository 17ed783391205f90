import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/classifier/language.js';

describe('the language of a customer message', () => {
  it('is Chinese for Simplified, Traditional and Chinese mixed with English', () => {
    expect(detectLanguage('我已经第三次要求退款了')).toBe('zh');
    expect(detectLanguage('軟體一直當機，網路也很慢')).toBe('zh');
    expect(detectLanguage('我的order到现在还没ship，what happened？')).toBe('zh');
  });

  it('is English for English, a stray Chinese name in English, and Japanese or Korean', () => {
    expect(detectLanguage("I've asked three times for my refund.")).toBe('en');
    expect(detectLanguage('My order from the 京东 store never arrived and nobody answers my emails about it')).toBe('en');
    expect(detectLanguage('注文した商品がまだ届きません')).toBe('en');
    expect(detectLanguage('주문한 상품이 아직 안 왔어요')).toBe('en');
    expect(detectLanguage('')).toBe('en');
  });
});
