import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { z } from 'zod';
import { ProblemsError } from '../problems.js';
import { playbookSchema, RECOMMENDED_EXAMPLES, sharedSchema, type Playbook, type SharedGuidance } from './schema.js';
import { PlaybookSet } from './playbook-set.js';
import { missingChinese } from './localize.js';

export const DEFAULT_PLAYBOOKS_DIR = fileURLToPath(new URL('../../playbooks/', import.meta.url));
const SHARED_FILE = '_shared.yaml';

export class PlaybookError extends ProblemsError {
  constructor(problems: string[]) {
    super(problems, 'Fix the playbooks (npm run playbooks:check) and start again.');
  }
}

export interface LoadedPlaybooks {
  set: PlaybookSet;
  /** Things worth fixing that do not stop the bot, e.g. fewer examples than recommended. */
  warnings: string[];
}

function pathOf(segments: ReadonlyArray<PropertyKey>): string {
  return segments.reduce<string>((path, segment) => {
    if (typeof segment === 'number') return `${path}[${segment}]`;
    return path === '' ? String(segment) : `${path}.${String(segment)}`;
  }, '');
}

function describeIssues(file: string, error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const path = pathOf(issue.path);
    return `${file}: ${path === '' ? '' : `${path}: `}${issue.message}`;
  });
}

function readYaml(path: string, display: string): unknown {
  try {
    return parseYaml(readFileSync(path, 'utf8'), { uniqueKeys: true });
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const where = error.linePos?.[0];
      const line = where ? ` (line ${where.line}, column ${where.col})` : '';
      throw new PlaybookError([`${display}${line}: not valid YAML: ${error.message.split('\n')[0]!.replace(/:\s*$/, '')}`]);
    }
    throw new PlaybookError([`${display}: cannot be read: ${(error as Error).message}`]);
  }
}

/** Checks across files: ids match file names, are unique, and every `also` names a known type. */
function crossCheck(entries: Array<{ file: string; playbook: Playbook }>, typeFiles: string[]): string[] {
  const problems: string[] = [];
  // Ids from file names too, so one broken file does not make every reference to it an error.
  const ids = new Set([...entries.map((entry) => entry.playbook.id), ...typeFiles.map((file) => basename(file, '.yaml'))]);
  const seenText = new Map<string, string>();
  for (const { file, playbook } of entries) {
    const expected = basename(file, '.yaml');
    if (playbook.id !== expected) problems.push(`${file}: id: is "${playbook.id}" but the file is named ${expected}.yaml; they must match`);
    const checkExamples = (examples: Playbook['examples'], field: string) =>
      examples.forEach((example, index) => {
        if (example.also !== undefined && !ids.has(example.also)) {
          problems.push(`${file}: ${field}[${index}].also: "${example.also}" is not a known type id`);
        }
        if (example.also === playbook.id) problems.push(`${file}: ${field}[${index}].also: names the playbook's own type`);
        seenText.set(example.text.toLowerCase(), `${file}: ${field}[${index}]`);
      });
    checkExamples(playbook.examples, 'examples');
    checkExamples(playbook.zh?.examples ?? [], 'zh.examples');
  }
  for (const { file, playbook } of entries) {
    const checkQuiz = (messages: readonly string[], field: string) =>
      messages.forEach((message, index) => {
        const clash = seenText.get(message.toLowerCase());
        if (clash) problems.push(`${file}: ${field}[${index}]: is also an example (${clash}); quiz messages must not be shown elsewhere`);
      });
    checkQuiz(playbook.quiz.messages, 'quiz.messages');
    checkQuiz(playbook.zh?.quiz?.messages ?? [], 'zh.quiz.messages');
  }
  return problems;
}

/** Classifier material is not shown to anyone: say what each missing part means. */
const CLASSIFIER_FIELDS = new Set(['zh.examples', 'zh.cues']);
function describeMissing(missing: readonly string[]): string {
  const shown = missing.filter((field) => !CLASSIFIER_FIELDS.has(field));
  const learned = missing.filter((field) => CLASSIFIER_FIELDS.has(field));
  return [
    ...(shown.length ? [`${shown.join(', ')} (Chinese-reading agents see those in English)`] : []),
    ...(learned.length ? [`${learned.join(', ')} (Chinese material for the classifier)`] : []),
  ].join('; ');
}

/**
 * Reads and validates every playbook. All problems in all files are collected before failing,
 * so a support lead fixes them in one pass instead of one restart per mistake.
 */
export function loadPlaybooks(dir: string = DEFAULT_PLAYBOOKS_DIR): LoadedPlaybooks {
  const display = (file: string) => relative(process.cwd(), join(dir, file)) || file;
  let files: string[];
  try {
    files = readdirSync(dir).filter((file) => file.endsWith('.yaml') || file.endsWith('.yml')).sort();
  } catch (error) {
    throw new PlaybookError([`${dir}: cannot read the playbooks folder: ${(error as Error).message}`]);
  }
  const problems: string[] = [];
  const warnings: string[] = [];
  const entries: Array<{ file: string; playbook: Playbook }> = [];
  let shared: SharedGuidance = { every_customer_wants: [], manager_focus: [] };

  for (const file of files) {
    if (file.endsWith('.yml')) {
      problems.push(`${display(file)}: playbooks use the .yaml extension; rename it to ${basename(file, '.yml')}.yaml`);
      continue;
    }
    let raw: unknown;
    try {
      raw = readYaml(join(dir, file), display(file));
    } catch (error) {
      problems.push(...(error as PlaybookError).problems);
      continue;
    }
    if (file === SHARED_FILE) {
      const parsed = sharedSchema.safeParse(raw);
      if (parsed.success) shared = parsed.data;
      else problems.push(...describeIssues(display(file), parsed.error));
      continue;
    }
    if (file.startsWith('_')) continue;
    const parsed = playbookSchema.safeParse(raw);
    if (!parsed.success) {
      problems.push(...describeIssues(display(file), parsed.error));
      continue;
    }
    entries.push({ file: display(file), playbook: parsed.data });
    if (parsed.data.examples.length < RECOMMENDED_EXAMPLES) {
      warnings.push(
        `${display(file)}: examples: has ${parsed.data.examples.length}; ${RECOMMENDED_EXAMPLES} or more make the classifier much more reliable`,
      );
    }
    const missing = missingChinese(parsed.data);
    if (missing[0] === 'zh') warnings.push(`${display(file)}: has no Chinese text (zh); Chinese-reading agents see this type in English`);
    else if (missing.length > 0) warnings.push(`${display(file)}: Chinese text is incomplete, missing ${describeMissing(missing)}`);
  }
  if (entries.length < 2 && problems.length === 0) {
    problems.push(`${dir}: needs at least two customer type files (<id>.yaml) to tell types apart`);
  }
  problems.push(...crossCheck(entries, files.filter((file) => file.endsWith('.yaml') && !file.startsWith('_'))));
  if (problems.length > 0) throw new PlaybookError(problems);
  return { set: new PlaybookSet(entries.map((entry) => entry.playbook), shared), warnings };
}
