import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadPlaybooks } from '../../src/playbooks/load.js';
import { chinesePlaybooksDir } from '../helpers/chinese-playbooks.js';

const fixture = chinesePlaybooksDir();
// A type whose Chinese text is half written: a name and a summary only.
appendFileSync(join(fixture.dir, 'skeptic.yaml'), '\nzh:\n  name: 怀疑型客户\n  summary: 戒心重，不轻易相信你的说法，要看证据。\n');
afterAll(() => fixture.remove());

describe('checking the Chinese text', () => {
  const { warnings, set } = loadPlaybooks(fixture.dir);
  const about = (file: string) => warnings.filter((warning) => warning.includes(`${file}.yaml:`) && warning.includes('Chinese'));

  it('names a file without Chinese text, and one whose Chinese text is incomplete, saying what that means; a complete one passes', () => {
    expect(about('chatty')).toEqual([expect.stringMatching(/chatty\.yaml: has no Chinese text \(zh\); Chinese-reading agents see this type in English$/)]);
    expect(about('skeptic')).toEqual([
      expect.stringMatching(
        /skeptic\.yaml: Chinese text is incomplete, missing zh\.signals, zh\.actions, zh\.do, zh\.dont, zh\.openers, zh\.quiz\.why, zh\.quiz\.messages \(Chinese-reading agents see those in English\); zh\.examples, zh\.cues \(Chinese material for the classifier\)$/,
      ),
    ]);
    expect(about('angry')).toEqual([]);
  });

  it('loads every type all the same', () => {
    expect(set.all).toHaveLength(19);
    expect(set.find('怀疑型客户')?.id).toBe('skeptic');
  });
});
