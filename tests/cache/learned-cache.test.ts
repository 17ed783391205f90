import { appendFileSync, cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LearnedCache, learnedCacheDir } from '../../src/cache/learned-cache.js';
import { DEFAULT_PLAYBOOKS_DIR } from '../../src/playbooks/load.js';

const root = mkdtempSync(join(tmpdir(), 'customertype-cache-'));
const playbooks = join(root, 'playbooks');
cpSync(DEFAULT_PLAYBOOKS_DIR, playbooks, { recursive: true });
const cacheDir = join(root, 'cache');
afterAll(() => rmSync(root, { recursive: true, force: true }));

const parts = { typeIds: ['a', 'b'], model: { weights: new Float32Array([1.5, -2]) }, lexicon: ['退款'] } as never;

describe('what start-up learned, kept for the next start', () => {
  it('gives back what was saved for the same playbooks, typed arrays and all', () => {
    LearnedCache.open(cacheDir, playbooks)!.saveModel(parts);
    const again = LearnedCache.open(cacheDir, playbooks)!.model() as any;
    expect(again.model.weights).toBeInstanceOf(Float32Array);
    expect([...again.model.weights]).toEqual([1.5, -2]);
    expect(again.lexicon).toEqual(['退款']);
  });

  it('misses once a playbook is edited, and then keeps only the new entry', () => {
    appendFileSync(join(playbooks, 'angry.yaml'), '\n# edited by a lead\n');
    const edited = LearnedCache.open(cacheDir, playbooks)!;
    expect(edited.model()).toBeUndefined();
    edited.saveModel(parts);
    expect(readdirSync(cacheDir).filter((file) => file.startsWith('model-'))).toEqual([`model-${edited.key}.bin`]);
  });

  it('treats a damaged file as a miss, never an error', () => {
    const cache = LearnedCache.open(cacheDir, playbooks)!;
    writeFileSync(join(cacheDir, `model-${cache.key}.bin`), 'not what was written');
    expect(cache.model()).toBeUndefined();
  });

  it('has no place for an in-memory database, and no key for a folder that cannot be read', () => {
    expect(learnedCacheDir(':memory:')).toBeUndefined();
    expect(learnedCacheDir('/srv/customertype/data/bot.db')).toBe('/srv/customertype/data/.customertype-cache');
    expect(LearnedCache.open(cacheDir, join(root, 'no-such-folder'))).toBeUndefined();
  });
});
