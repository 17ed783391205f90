import { expect } from 'vitest';
import type { ProblemsError } from '../../src/problems.js';

/** Runs `action`, expects it to throw `kind`, and returns the problem lines it reported. */
export function problemsOf(action: () => unknown, kind: new (...args: never[]) => ProblemsError): string[] {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(kind);
    return (error as ProblemsError).problems;
  }
  throw new Error(`expected ${kind.name} to be thrown`);
}
