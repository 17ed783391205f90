import { describe, expect, it } from 'vitest';
import { redactForKeeping } from '../src/personal-data.js';

describe('redactForKeeping (what a taught message keeps)', () => {
  it.each([
    ['my token is xoxb-1234567890-abcdefghij please', 'my token is [secret] please'],
    ['app token xapp-1-A0123-456789-abcdef', 'app token [secret]'],
    ['key sk-proj-abcdefghijklmnop1234 leaked', 'key [secret] leaked'],
    ['ghp_abcdefghijklmnopqrstuvwxyz0123 here', '[secret] here'],
    ['AKIAIOSFODNN7EXAMPLE is mine', '[secret] is mine'],
    ['Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abc', 'Authorization: [secret]'],
    ['secret 9f86d081884c7d659a2feaeb0b2c5e5f9f86d081 ok', 'secret [secret] ok'],
    ['b64 QWxhZGRpbjpvcGVuIHNlc2FtZQ1234567890abcdef== end', 'b64 [secret] end'],
    ['IBAN DE89 3704 0044 0532 0130 00 refund please', 'IBAN [iban] refund please'],
    ['iban GB29NWBK60161331926819.', 'iban [iban].'],
    ['send it to 221B Baker Street, London', 'send it to [address], London'],
    ['I live at 1600 Pennsylvania Avenue NW', 'I live at [address] NW'],
    ['mail me at jane@example.com or call +1 (415) 555-0132', 'mail me at [email] or call [phone]'],
  ])('English: %s', (input, expected) => {
    expect(redactForKeeping(input)).toBe(expected);
  });

  it.each([
    ['请寄到北京市朝阳区建国路88号，谢谢', '[address]，谢谢'],
    ['地址：上海市浦东新区世纪大道100号3号楼1201室，快点', '地址：[address]，快点'],
    ['我的密钥是 sk-abcdefghijklmnopqrstuvwx，别泄露', '我的密钥是 [secret]，别泄露'],
    ['退款到 DE89370400440532013000 这个账户', '退款到 [iban] 这个账户'],
    ['令牌 xoxp-9999999999-8888888888 被盗了！', '令牌 [secret] 被盗了！'],
    ['电话 13812345678，邮箱 wang@example.cn', '电话 [phone]，邮箱 [email]'],
  ])('Chinese: %s', (input, expected) => {
    expect(redactForKeeping(input)).toBe(expected);
  });

  it('leaves ordinary complaints, numbers, dates and street words without a number alone', () => {
    for (const text of [
      'Order 12345 arrived 3 days late, I paid $49.99 on 2024-05-01',
      'I waited 3 days for the Main Street store',
      '我在路上，3号到',
      'THIS IS RIDICULOUS I WANT MY MONEY BACK NOW',
      'my skin is sensitive, ask for sk-ii samples',
    ]) {
      expect(redactForKeeping(text)).toBe(text);
    }
  });

  it('costs linear time on hostile text', () => {
    const started = performance.now();
    for (const text of ['市'.repeat(4000), '路'.repeat(4000), 'a'.repeat(40_000), 'aA1'.repeat(14_000), 'DE' + '1'.repeat(40_000), 'Bearer '.repeat(5000), '1 A '.repeat(4000)]) {
      redactForKeeping(text);
    }
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
