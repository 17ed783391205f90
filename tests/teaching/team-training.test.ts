import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Classifier } from '../../src/classifier/classifier.js';
import { loadPlaybooks } from '../../src/playbooks/load.js';
import { typeDefinitions } from '../../src/playbooks/training.js';
import { PER_AGENT_TYPE_WEIGHT, TEAM_SHARE_OF_BUILT_IN, teamExampleWeights, withTeamExamples, type TaughtExample } from '../../src/teaching/team-training.js';

const types = typeDefinitions(loadPlaybooks().set.all);
const builtInCount = (id: string) => types.find((type) => type.id === id)!.examples.length;
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe('the abuse rule', () => {
  it('counts one agent\'s teachings of one type as at most 3 together', () => {
    const flood = Array.from({ length: 100 }, (_, i): TaughtExample => ({ typeId: 'skeptic', text: `message ${i}`, taughtBy: 'U1' }));
    const weights = teamExampleWeights(types, flood);
    expect(sum(weights)).toBeCloseTo(PER_AGENT_TYPE_WEIGHT, 9);
    // Two examples by one agent, one by another: each counts in full.
    expect(teamExampleWeights(types, [flood[0]!, flood[1]!, { ...flood[2]!, taughtBy: 'U2' }])).toEqual([1, 1, 1]);
  });

  it('caps a workspace\'s teachings of a type at a twentieth of its built-in examples, however many agents', () => {
    const many = Array.from({ length: 500 }, (_, i): TaughtExample => ({ typeId: 'skeptic', text: `m ${i}`, taughtBy: `U${i}` }));
    expect(sum(teamExampleWeights(types, many))).toBeCloseTo(TEAM_SHARE_OF_BUILT_IN * builtInCount('skeptic'), 9);
  });

  it('gives no weight to a type the playbooks no longer have', () => {
    expect(teamExampleWeights(types, [{ typeId: 'gone', text: 'x', taughtBy: 'U1' }])).toEqual([0]);
    expect(withTeamExamples(types, [{ typeId: 'gone', text: 'x', taughtBy: 'U1' }])).toEqual(types);
  });

  it('200 wrong teachings of a type\'s own built-in examples do not flip its held-out messages', () => {
    const A = 'bargain-hunter';
    const B = 'skeptic';
    const heldOutA = readFileSync(new URL('../../eval/heldout.jsonl', import.meta.url), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { text: string; expect: string })
      .filter((row) => row.expect === A);
    const examplesOfA = types.find((type) => type.id === A)!.examples;
    // The worst case: 200 agents, each teaching one of A's own examples as B.
    const wrong = Array.from({ length: 200 }, (_, i): TaughtExample => ({ typeId: B, text: examplesOfA[i % examplesOfA.length]!.text, taughtBy: `U${i}` }));
    const builtIn = Classifier.train(types);
    const attacked = Classifier.train(withTeamExamples(types, wrong));
    const rightBefore = heldOutA.filter((row) => builtIn.classify(row.text).type === A).length;
    const rightAfter = heldOutA.filter((row) => attacked.classify(row.text).type === A).length;
    expect(rightBefore).toBeGreaterThanOrEqual(4);
    expect(rightAfter).toBe(rightBefore);
    // Without the rule the same flood does flip them: the rule is what holds.
    const unweighted = Classifier.train(types.map((type) => (type.id === B ? { ...type, examples: [...type.examples, ...wrong.map((w) => ({ text: w.text }))] } : type)));
    expect(heldOutA.filter((row) => unweighted.classify(row.text).type === A).length).toBeLessThan(rightBefore);
  }, 120_000);
});
