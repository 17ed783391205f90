import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_PLAYBOOKS_DIR, loadPlaybooks, PlaybookError } from '../../src/playbooks/load.js';
import { problemsOf } from '../helpers/problems.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'customertype-playbooks-'));
  cpSync(DEFAULT_PLAYBOOKS_DIR, dir, { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const problems = () => problemsOf(() => loadPlaybooks(dir), PlaybookError);

const edit = (file: string, change: (text: string) => string) =>
  writeFileSync(join(dir, file), change(readFileSync(join(dir, file), 'utf8')));

describe('the built-in playbooks', () => {
  it('are the nineteen types of the taxonomy, each complete', () => {
    const { set } = loadPlaybooks();
    expect(set.ids).toEqual([
      'analytical', 'angry', 'bargain-hunter', 'chatty', 'confused', 'decision-maker', 'demanding', 'high-maintenance', 'impatient',
      'impulsive', 'indecisive', 'internal', 'loyalist', 'mission-driven', 'new-customer', 'potential', 'showroomer', 'skeptic', 'well-informed',
    ]);
    for (const playbook of set.all) {
      expect(playbook.examples.length, playbook.id).toBeGreaterThanOrEqual(25);
      expect(playbook.quiz.messages.length, playbook.id).toBeGreaterThanOrEqual(5);
      expect(playbook.openers.length, playbook.id).toBeGreaterThanOrEqual(2);
    }
    expect(set.shared.every_customer_wants).toHaveLength(5);
  });

  it('are found by id, name or alias, in any case', () => {
    const { set } = loadPlaybooks();
    expect(set.find('bargain-hunter')?.id).toBe('bargain-hunter');
    expect(set.find('The Bargain Hunter')?.id).toBe('bargain-hunter');
    expect(set.find('discount dan')?.id).toBe('bargain-hunter');
    expect(set.find('愤怒的客户')?.id).toBe('angry');
    expect(set.find('ANGRY customers')?.id).toBe('angry');
    expect(set.find('no such type')).toBeUndefined();
    expect(set.find('   ')).toBeUndefined();
  });
});

describe('a support lead editing playbooks', () => {
  it('adds a type by adding a file', () => {
    const angry = readFileSync(join(dir, 'angry.yaml'), 'utf8');
    writeFileSync(join(dir, 'vip.yaml'), angry.replace(/^id: angry$/m, 'id: vip').replace(/^name: .*$/m, 'name: The VIP'));
    const { set } = loadPlaybooks(dir);
    expect(set.get('vip')?.name).toBe('The VIP');
    expect(set.all).toHaveLength(20);
  });

  it('is told the file, line and column of broken YAML', () => {
    edit('skeptic.yaml', (text) => text.replace(/^summary: /m, 'summary: [unclosed '));
    expect(problems()).toEqual([expect.stringMatching(/skeptic\.yaml \(line \d+, column \d+\): not valid YAML: .*[^:]$/)]);
  });

  it('is told the file, the field and what is wrong', () => {
    edit('angry.yaml', (text) => text.replace(/^summary: .*$/m, 'summary: ""'));
    edit('chatty.yaml', (text) => text.replace(/^name: .*$/m, ''));
    expect(problems()).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/angry\.yaml: summary: must not be empty$/),
        expect.stringMatching(/chatty\.yaml: name: is missing$/),
      ]),
    );
  });

  it('is told when needs_cue is not true or false', () => {
    edit('angry.yaml', (text) => text.replace(/^needs_cue: true$/m, 'needs_cue: sometimes'));
    expect(problems()).toEqual([expect.stringMatching(/angry\.yaml: needs_cue: must be true or false$/)]);
  });

  it('is told which not-cue is not lower case', () => {
    edit('angry.yaml', (text) => text.replace(/^  - holy shit$/m, '  - Holy Shit'));
    expect(problems()).toEqual([expect.stringMatching(/angry\.yaml: not_cues\[0\]: must be lower case$/)]);
  });

  it('is told that a cue of digits alone would match every number', () => {
    edit('analytical.yaml', (text) => text.replace(/^  - uptime$/m, '  - "99.9"'));
    expect(problems()).toEqual([expect.stringMatching(/analytical\.yaml: cues\[\d+\]: must contain a word, an emoji, ! or \?: numbers alone match every number$/)]);
  });

  it('gets a hint when an unquoted ": " turned a line into a mapping', () => {
    edit('loyalist.yaml', (text) => text.replace(/^actions:\n/m, 'actions:\n  - Step one: say thanks\n'));
    expect(problems()).toEqual([expect.stringMatching(/loyalist\.yaml: actions\[0\]: must be text, but YAML read it as a mapping: put the line in double quotes/)]);
  });

  it('must keep enough examples, each within 4,000 characters', () => {
    edit('angry.yaml', (text) => text.replace(/^examples:\n/m, `examples:\n  - text: "${'x'.repeat(4001)}"\n`));
    expect(problems()).toEqual([expect.stringMatching(/angry\.yaml: examples\[0\]\.text: must be at most 4000 characters/)]);
  });

  it('cannot name an unknown type in `also`, or a file after another id', () => {
    edit('impatient.yaml', (text) => text.replace(/^examples:\n/m, 'examples:\n  - text: "hurry up please, still waiting"\n    also: grumpy\n'));
    renameSync(join(dir, 'chatty.yaml'), join(dir, 'talkative.yaml'));
    expect(problems()).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/impatient\.yaml: examples\[0\]\.also: "grumpy" is not a known type id/),
        expect.stringMatching(/talkative\.yaml: id: is "chatty" but the file is named talkative\.yaml/),
      ]),
    );
  });

  it('cannot reuse an example as a quiz message, which would give the answer away', () => {
    const { set } = loadPlaybooks(dir);
    const example = set.get('skeptic')!.examples[0]!.text;
    edit('skeptic.yaml', (text) => text.replace(/^  messages:\n/m, `  messages:\n    - ${JSON.stringify(example)}\n`));
    expect(problems()).toEqual([expect.stringMatching(/skeptic\.yaml: quiz\.messages\[0\]: is also an example/)]);
  });

  it('rejects unknown fields, catching typos such as "exmples"', () => {
    edit('angry.yaml', (text) => `${text}\nexmples: []\n`);
    expect(problems()).toEqual([expect.stringMatching(/angry\.yaml: unknown field\(s\): exmples/)]);
  });

  it('is warned, not stopped, below the recommended 25 examples', () => {
    edit('angry.yaml', (text) => {
      const [head, rest] = text.split(/^examples:\n/m) as [string, string];
      const quizAt = rest.search(/^quiz:/m);
      const examples = rest.slice(0, quizAt).split(/(?=^  - text:)/m).filter((chunk) => chunk.startsWith('  - text:'));
      return `${head}examples:\n${examples.slice(0, 12).join('')}${rest.slice(quizAt)}`;
    });
    const { warnings } = loadPlaybooks(dir);
    expect(warnings.filter((warning) => /\.yaml: examples:/.test(warning))).toEqual([expect.stringMatching(/angry\.yaml: examples: has 12; 25 or more/)]);
  });
});
