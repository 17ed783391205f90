import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import type { ClassifierParts } from '../classifier/classifier.js';
import type { Playbook, SharedGuidance } from '../playbooks/schema.js';

/**
 * What start-up learns from the playbooks, kept between runs: the validated playbooks and the
 * trained model. Reading YAML and learning take seconds and leave tens of megabytes of garbage
 * resident; reading these back takes milliseconds. Each entry is named by a hash of everything it
 * was made from (every playbook file byte, and the code that reads and learns them), so an edited
 * playbook or an upgrade simply misses and is learned afresh: the cache can never answer stale.
 * Any failure to read or write it is a miss, never an error.
 */
export interface CachedPlaybooks {
  all: readonly Playbook[];
  shared: SharedGuidance;
  warnings: string[];
}

/** Bumped when what is kept changes shape. */
const FORMAT = 1;
const CODE_DIRS = ['../classifier/', '../playbooks/'].map((dir) => fileURLToPath(new URL(dir, import.meta.url)));

export class LearnedCache {
  private constructor(
    private readonly dir: string,
    readonly key: string,
  ) {}

  /** A cache in `dir` for the playbooks in `playbooksDir`; undefined when the playbooks cannot be read (loading will say why). */
  static open(dir: string, playbooksDir: string): LearnedCache | undefined {
    try {
      const hash = createHash('sha256').update(`format ${FORMAT}\n`);
      for (const codeDir of CODE_DIRS) addFiles(hash, codeDir, (file) => /\.(js|ts)$/.test(file));
      addFiles(hash, playbooksDir, () => true);
      return new LearnedCache(dir, hash.digest('hex').slice(0, 32));
    } catch {
      return undefined;
    }
  }

  playbooks(): CachedPlaybooks | undefined {
    return this.read<CachedPlaybooks>('playbooks');
  }

  savePlaybooks(value: CachedPlaybooks): void {
    this.write('playbooks', value);
  }

  model(): ClassifierParts | undefined {
    return this.read<ClassifierParts>('model');
  }

  saveModel(parts: ClassifierParts): void {
    this.write('model', parts);
  }

  private file(kind: string): string {
    return join(this.dir, `${kind}-${this.key}.bin`);
  }

  private read<T>(kind: string): T | undefined {
    try {
      return deserialize(readFileSync(this.file(kind))) as T;
    } catch {
      return undefined;
    }
  }

  private write(kind: string, value: unknown): void {
    try {
      mkdirSync(this.dir, { recursive: true });
      // Older entries of this kind are for playbooks or code that are gone.
      for (const old of readdirSync(this.dir)) if (old.startsWith(`${kind}-`) && old.endsWith('.bin')) rmSync(join(this.dir, old), { force: true });
      const partial = `${this.file(kind)}.${process.pid}.tmp`;
      writeFileSync(partial, serialize(value));
      // Renamed into place whole, so a second instance or a crash never reads half a file.
      renameSync(partial, this.file(kind));
    } catch {
      // A read-only disk only costs the next start its learning.
    }
  }
}

function addFiles(hash: ReturnType<typeof createHash>, dir: string, wanted: (file: string) => boolean): void {
  const files = readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isFile() && wanted(entry.name));
  for (const file of files.map((entry) => entry.name).sort()) hash.update(`${file}\n`).update(readFileSync(join(dir, file))).update('\n');
}

/** Where the cache lives: beside the database (the one folder the bot must be able to write), or nowhere for an in-memory database. */
export function learnedCacheDir(databasePath: string): string | undefined {
  return databasePath === ':memory:' ? undefined : join(dirname(databasePath), '.customertype-cache');
}
