import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { crashReason, trainInBackground } from '../../src/classifier/background.js';
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

  it('learns from a working directory without node_modules, as a bot started elsewhere does', async () => {
    const types = typeDefinitions(loadPlaybooks().set.all);
    const home = process.cwd();
    const elsewhere = mkdtempSync(join(tmpdir(), 'customertype-cwd-'));
    process.chdir(elsewhere);
    try {
      const { classifier } = await trainInBackground(types);
      expect(classifier.classify('Is there a student discount?').type).toBe(Classifier.train(types).classify('Is there a student discount?').type);
    } finally {
      process.chdir(home);
      rmSync(elsewhere, { recursive: true, force: true });
    }
  }, 60_000);

  it('says why when the types cannot be learned', async () => {
    await expect(trainInBackground([{ id: 'only', cues: [], examples: [{ text: 'x' }] }, { id: 'broken', cues: null as never, examples: [] }])).rejects.toThrow(
      /learning the customer types failed/,
    );
  });

  it("names a crashed child's error, not the Node.js version it printed last", () => {
    const report = [
      'node:internal/modules/esm/resolve:873',
      '  throw new ERR_MODULE_NOT_FOUND(packageName, fileURLToPath(base), null);',
      '        ^',
      '',
      "Error [ERR_MODULE_NOT_FOUND]: Cannot find package 'tsx' imported from /tmp/x/",
      '    at packageResolve (node:internal/modules/esm/resolve:873:9)',
      '',
      'Node.js v20.20.2',
      '',
    ].join('\n');
    expect(crashReason(report)).toBe("Error [ERR_MODULE_NOT_FOUND]: Cannot find package 'tsx' imported from /tmp/x/");
    expect(crashReason('Killed\n')).toBe('Killed');
    expect(crashReason('')).toBeUndefined();
  });
});
