import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPlaybooks } from '../../src/playbooks/load.js';
import type { PlaybookSet } from '../../src/playbooks/playbook-set.js';
import { chinesePlaybooksDir } from '../helpers/chinese-playbooks.js';

const fixture = chinesePlaybooksDir();
let playbooks: PlaybookSet;
beforeAll(() => {
  playbooks = loadPlaybooks(fixture.dir).set;
});
afterAll(() => fixture.remove());

describe('finding a type by its Chinese name', () => {
  it.each([
    ['愤怒的客户', 'angry'],
    ['愤怒客户', 'angry'],
    ['愤怒', 'angry'],
    ['愤怒的顾客', 'angry'],
    ['暴躁的客户', 'angry'],
    ['新客户', 'new-customer'],
    ['首次购买的客户', 'new-customer'],
    ['小白用户', 'new-customer'],
    ['冲动的客户', 'impulsive'],
    ['冲动', 'impulsive'],
    ['高度知情的客户', 'well-informed'],
    ['坚持不懈的客户', 'well-informed'],
    ['忠实的顾客', 'loyalist'],
    ['忠实', 'loyalist'],
    ['老客户', 'loyalist'],
    ['“愤怒的客户”', 'angry'],
  ])('%s is %s', (query, id) => {
    expect(playbooks.find(query)?.id).toBe(id);
  });

  it('finds nothing for Chinese that names no type, or only says "customer"', () => {
    for (const query of ['客户', '的客户', '退款', '我的订单呢', '']) expect(playbooks.find(query)).toBeUndefined();
  });

  it('still finds English ids, names and aliases first', () => {
    expect(playbooks.find('angry')?.id).toBe('angry');
    expect(playbooks.find('The Loyalist')?.id).toBe('loyalist');
    expect(playbooks.find('discount dan')?.id).toBe('bargain-hunter');
  });
});
