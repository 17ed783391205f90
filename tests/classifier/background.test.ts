import { describe, expect, it } from 'vitest';
import { trainInBackground } from '../../src/classifier/background.js';
import { Classifier } from '../../src/classifier/classifier.js';
import { loadPlaybooks } from '../../src/playbooks/load.js';
import { typeDefinitions } from '../../src/playbooks/training.js';

describe('learning in a child process', () => {
  it('gives the same answers as learning in the process', async () => {
    const types = typeDefinitions(loadPlaybooks().set.all);
    const { classifier, ms } = await trainInBackground(types);
    const local = Classifier.train(types);
    expect(ms).toBeGreaterThan(0);
    for (const text of ["I've asked THREE times for my refund. This is ridiculous.", '你们这个售后到底还管不管了，气死我了', 'Is there a student discount?', 'ok']) {
      expect(classifier.classify(text)).toEqual(local.classify(text));
    }
  }, 60_000);

  it('says why when the types cannot be learned', async () => {
    await expect(trainInBackground([{ id: 'only', cues: [], examples: [{ text: 'x' }] }, { id: 'broken', cues: null as never, examples: [] }])).rejects.toThrow(
      /learning the customer types failed/,
    );
  });
});
