import { describe, expect, it } from 'vitest';
import { cleanText, foldChinese } from '../../src/classifier/normalize.js';
import { hasTraditional, toSimplified } from '../../src/classifier/traditional.js';

describe('folding Chinese text before it is read', () => {
  it('turns Traditional characters and Taiwan words into their Simplified forms', () => {
    expect(toSimplified('軟體一直當機，網路也很慢')).toBe('软件一直当机，网络也很慢');
    expect(toSimplified('點解我嘅訂單仲未到？唔該')).toBe('点解我嘅订单仲未到？唔该');
  });

  it('leaves Simplified text alone, including 么, which the converter alone would turn into 幺', () => {
    expect(hasTraditional('在么？怎么还不发货')).toBe(false);
    expect(toSimplified('在么？怎么还不发货')).toBe('在么？怎么还不发货');
    expect(toSimplified('網路在么')).toBe('网络在么');
  });

  it('reads full-width marks as their ASCII twins and Chinese full stops as full stops', () => {
    expect(foldChinese('真的吗？！退款呢！！！ＯＫ。')).toBe('真的吗?!退款呢!!!OK.');
    expect(cleanText('【退款】「加急」')).toBe(' 退款 加急 ');
  });

  it('keeps English signatures and dashes as they were', () => {
    expect(cleanText('Thanks\n—\nJo')).toBe('Thanks\n—\nJo');
  });
});
