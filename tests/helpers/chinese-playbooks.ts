import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { DEFAULT_PLAYBOOKS_DIR } from '../../src/playbooks/load.js';

/** The types given Chinese text here, in the order seed 004 lists them. */
export const CHINESE_TYPES = ['new-customer', 'impulsive', 'angry', 'well-informed', 'loyalist'];

/**
 * A copy of the built-in playbooks where only these five types (and the shared file) keep their
 * Chinese text, as in a half-done translation: tests see every surface in Chinese and also the
 * English fallback of a type without Chinese. With `keep` empty, no Chinese text is left at all.
 * remove() deletes the copy.
 */
export function chinesePlaybooksDir(keep: readonly string[] = CHINESE_TYPES): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'customertype-zh-playbooks-'));
  cpSync(DEFAULT_PLAYBOOKS_DIR, dir, { recursive: true });
  for (const file of readdirSync(dir)) {
    const id = file.replace(/\.yaml$/, '');
    if (!file.endsWith('.yaml') || keep.includes(id) || (id === '_shared' && keep.length > 0)) continue;
    const document = parseDocument(readFileSync(join(dir, file), 'utf8'));
    document.delete('zh');
    writeFileSync(join(dir, file), document.toString());
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
