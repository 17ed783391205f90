import type { TypeDefinition } from '../classifier/classifier.js';
import { examplesFingerprint } from '../store/team-example-store.js';

/**
 * The abuse rule. A team example can add to the built-in examples, never outvote them:
 * - one agent's teachings of one type weigh at most PER_AGENT_TYPE_WEIGHT together (each of n
 *   counts min(1, 3 / n)), so one agent teaching the same type a hundred times weighs as three;
 * - all of a workspace's teachings of one type weigh at most TEAM_SHARE_OF_BUILT_IN of that type's
 *   built-in examples (a twentieth: about 11 for a type with 220 in English and Chinese), scaled
 *   down together beyond that.
 * So a flood of wrong teachings, even by many agents, adds at most a twentieth of a type's weight,
 * and every built-in example still counts in full: the built-in answer for a type holds. (Measured:
 * 200 of one type's own examples taught as another flip two of its six held-out messages at a
 * quarter, none at a twentieth; ten genuine teachings per type still fit under the cap.)
 */
export const PER_AGENT_TYPE_WEIGHT = 3;
export const TEAM_SHARE_OF_BUILT_IN = 0.05;

export interface TaughtExample {
  typeId: string;
  text: string;
  taughtBy: string;
  /** Its row id, when it came from the database: says which examples a model was learned from. */
  id?: number;
}

/** Which examples a model was learned from, as the store's `fingerprints()` says it of the rows. */
export function fingerprintOf(examples: readonly TaughtExample[]): string {
  return examplesFingerprint(examples.length, examples.reduce((newest, example) => Math.max(newest, example.id ?? 0), 0));
}

/** Each taught example's weight under the abuse rule, in the order given; 0 for a type no longer in the playbooks. */
export function teamExampleWeights(builtIn: readonly TypeDefinition[], examples: readonly TaughtExample[]): number[] {
  const builtInCount = new Map(builtIn.map((type) => [type.id, type.examples.length]));
  const agentAndType = (example: TaughtExample) => `${example.typeId}\n${example.taughtBy}`;
  const perAgent = new Map<string, number>();
  for (const example of examples) perAgent.set(agentAndType(example), (perAgent.get(agentAndType(example)) ?? 0) + 1);
  const weights = examples.map((example) =>
    builtInCount.has(example.typeId) ? Math.min(1, PER_AGENT_TYPE_WEIGHT / perAgent.get(agentAndType(example))!) : 0,
  );
  const perType = new Map<string, number>();
  examples.forEach((example, index) => perType.set(example.typeId, (perType.get(example.typeId) ?? 0) + weights[index]!));
  return examples.map((example, index) => {
    const total = perType.get(example.typeId)!;
    const cap = TEAM_SHARE_OF_BUILT_IN * (builtInCount.get(example.typeId) ?? 0);
    return total > cap ? (weights[index]! * cap) / total : weights[index]!;
  });
}

/** A workspace's types: the built-in examples and cues, plus its team examples at their weights. */
export function withTeamExamples(builtIn: readonly TypeDefinition[], examples: readonly TaughtExample[]): TypeDefinition[] {
  const weights = teamExampleWeights(builtIn, examples);
  const extra = new Map<string, Array<{ text: string; weight: number }>>();
  examples.forEach((example, index) => {
    const weight = weights[index]!;
    if (weight <= 0) return;
    let list = extra.get(example.typeId);
    if (!list) extra.set(example.typeId, (list = []));
    list.push({ text: example.text, weight });
  });
  return builtIn.map((type) => {
    const added = extra.get(type.id);
    return added ? { ...type, examples: [...type.examples, ...added] } : type;
  });
}
