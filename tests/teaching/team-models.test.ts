import { describe, expect, it } from 'vitest';
import { Classifier } from '../../src/classifier/classifier.js';
import { createLogger } from '../../src/logging/logger.js';
import { loadPlaybooks } from '../../src/playbooks/load.js';
import { typeDefinitions } from '../../src/playbooks/training.js';
import { ClassifierHost } from '../../src/service/classifier-host.js';
import { TeamModels } from '../../src/teaching/team-models.js';
import type { TaughtExample } from '../../src/teaching/team-training.js';
import { PendingTexts } from '../../src/teaching/pending-texts.js';

const types = typeDefinitions(loadPlaybooks().set.all);
const builtIn = Classifier.train(types);
const other = Classifier.train(types.slice().reverse().map((type) => type));

function setup(train: (count: number) => Promise<Classifier>) {
  const examples = new Map<string, TaughtExample[]>();
  const logs: string[] = [];
  let trainings = 0;
  const models = new TeamModels({
    builtIn: new ClassifierHost(builtIn),
    types,
    examplesOf: async (teamId) => examples.get(teamId) ?? [],
    train: () => train((trainings += 1)),
    logger: createLogger('debug', { write: (line) => logs.push(line) }),
    debounceMs: 20,
  });
  return { models, examples, logs, trainings: () => trainings };
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('TeamModels', () => {
  it('shares the built-in model between workspaces without team examples, and learns several teachings once', async () => {
    const { models, examples, trainings } = setup(async () => other);
    examples.set('T1', [{ typeId: 'skeptic', text: 'prove it', taughtBy: 'U1' }]);
    for (let i = 0; i < 5; i += 1) models.retrainSoon('T1');
    await wait(60);
    await models.idle();
    expect(trainings()).toBe(1);
    expect(models.hasOwnModel('T1')).toBe(true);
    expect(models.hasOwnModel('T2')).toBe(false);
    expect(models.ownModels).toBe(1);
    expect(models.classify('Is there a student discount?', 'T2')).toEqual(builtIn.classify('Is there a student discount?'));
  });

  it('keeps the old model and logs when retraining fails', async () => {
    let fail = false;
    const { models, examples, logs } = setup(async () => {
      if (fail) throw new Error('child exited');
      return other;
    });
    examples.set('T1', [{ typeId: 'skeptic', text: 'prove it', taughtBy: 'U1' }]);
    await models.retrainAll(['T1']);
    fail = true;
    models.retrainSoon('T1');
    await wait(60);
    await models.idle();
    expect(models.hasOwnModel('T1')).toBe(true);
    expect(logs.join('\n')).toMatch(/Could not retrain workspace T1's model, keeping the one it had: child exited/);
  });

  it('answers with the old model while a retraining runs, and drops the own model when the examples are gone', async () => {
    let release!: () => void;
    const { models, examples } = setup(() => new Promise((resolve) => (release = () => resolve(other))));
    examples.set('T1', [{ typeId: 'skeptic', text: 'prove it', taughtBy: 'U1' }]);
    const done = models.retrainAll(['T1']);
    await wait(10);
    expect(models.hasOwnModel('T1')).toBe(false);
    expect(models.classify('prove it', 'T1')).toEqual(builtIn.classify('prove it'));
    release();
    await done;
    expect(models.hasOwnModel('T1')).toBe(true);
    examples.delete('T1');
    await models.retrainAll(['T1']);
    expect(models.hasOwnModel('T1')).toBe(false);
  });
});

describe('PendingTexts', () => {
  it('gives the text back only to the agent of the same workspace, within its minutes, once', () => {
    let now = 0;
    const pending = new PendingTexts(1000, 3, () => now);
    const key = pending.hold('text', 'T1', 'U1');
    expect(pending.peek(key, 'T2', 'U1')).toBeUndefined();
    expect(pending.peek(key, 'T1', 'U2')).toBeUndefined();
    expect(pending.take(key, 'T1', 'U1')).toBe('text');
    expect(pending.take(key, 'T1', 'U1')).toBeUndefined();
    const late = pending.hold('late', 'T1', 'U1');
    now = 1000;
    expect(pending.peek(late, 'T1', 'U1')).toBeUndefined();
  });

  it('holds at most its maximum, dropping the oldest', () => {
    const pending = new PendingTexts(60_000, 3);
    const keys = ['a', 'b', 'c', 'd'].map((text) => pending.hold(text, 'T1', 'U1'));
    expect(pending.size).toBe(3);
    expect(pending.peek(keys[0]!, 'T1', 'U1')).toBeUndefined();
    expect(pending.peek(keys[3]!, 'T1', 'U1')).toBe('d');
  });
});
