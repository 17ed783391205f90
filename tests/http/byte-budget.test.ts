import { describe, expect, it } from 'vitest';
import { ByteBudget } from '../../src/http/byte-budget.js';

describe('ByteBudget', () => {
  it('gives out bytes up to its total and takes them back', () => {
    const budget = new ByteBudget(100);
    expect(budget.tryTake(60)).toBe(true);
    expect(budget.tryTake(40)).toBe(true);
    expect(budget.tryTake(1)).toBe(false);
    budget.giveBack(40);
    expect(budget.inUse).toBe(60);
    expect(budget.tryTake(41)).toBe(false);
    expect(budget.tryTake(40)).toBe(true);
  });

  it('refuses amounts that are not byte counts, and never goes below zero', () => {
    const budget = new ByteBudget(100);
    expect(budget.tryTake(Number.NaN)).toBe(false);
    expect(budget.tryTake(-5)).toBe(false);
    expect(budget.tryTake(Infinity)).toBe(false);
    budget.giveBack(10);
    expect(budget.inUse).toBe(0);
  });
});
