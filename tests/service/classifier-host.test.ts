import { describe, expect, it } from 'vitest';
import { Classifier } from '../../src/classifier/classifier.js';
import { ClassifierHost } from '../../src/service/classifier-host.js';

const types = (word: string) => [
  { id: 'angry', cues: ['furious'], examples: [{ text: `I am furious about the ${word}` }, { text: 'this is a disgrace' }] },
  { id: 'chatty', cues: ['lovely'], examples: [{ text: 'what lovely weather we had' }, { text: 'my cat says hello' }] },
];

describe('the classifier the bot answers with', () => {
  it('is not there while learning, and reached by everyone waiting once it is', async () => {
    const host = new ClassifierHost();
    expect(host.ready).toBe(false);
    expect(() => host.get()).toThrow(/still learning/);
    const waiting = host.whenReady(5000);
    const classifier = Classifier.train(types('refund'));
    host.set(classifier);
    expect(await waiting).toBe(classifier);
    expect(host.get()).toBe(classifier);
  });

  it('gives up waiting after the time it was given', async () => {
    expect(await new ClassifierHost().whenReady(20)).toBeUndefined();
  });

  it('swaps in a retrained classifier whole, and counts the swaps', () => {
    const first = Classifier.train(types('refund'));
    const host = new ClassifierHost(first);
    const generation = host.generation;
    const second = Classifier.train(types('delivery'));
    host.set(second);
    expect(host.get()).toBe(second);
    expect(host.generation).toBe(generation + 1);
  });
});
