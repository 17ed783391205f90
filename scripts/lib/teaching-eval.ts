/**
 * What teaching does: a team in a domain the built-in examples barely cover (eval/teaching/)
 * teaches k of its own messages per type; the rest of that domain, and the regular held-out files,
 * are classified before and after. Taught texts go through the same redaction and the same abuse
 * rule (weights) as in the bot.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { Classifier, type TypeDefinition } from '../../src/classifier/classifier.js';
import { trainInBackground } from '../../src/classifier/background.js';
import type { Lang } from '../../src/lang.js';
import { loadPlaybooks } from '../../src/playbooks/load.js';
import { typeDefinitions } from '../../src/playbooks/training.js';
import { redactForKeeping } from '../../src/personal-data.js';
import { withTeamExamples, type TaughtExample } from '../../src/teaching/team-training.js';
import type { Baseline } from './baseline.js';
import { cached } from './cache.js';
import { f3 } from './metrics.js';

export interface DomainRow {
  text: string;
  expect: string;
  pool: 'teach' | 'test';
  lang: Lang;
}

export interface LabelledRow {
  text: string;
  expect: string | null;
  lang: Lang;
}

export interface Domain {
  /** The file's name without .jsonl: "education", "games". */
  name: string;
  rows: DomainRow[];
}

export interface TeachingEvalInput {
  domains: readonly Domain[];
  heldout: readonly LabelledRow[];
  builtIn: readonly TypeDefinition[];
  /** The model learned from the built-in examples only, already trained. */
  builtInModel: Classifier;
  baselines: readonly Baseline[];
}

const KS = [1, 3, 10] as const;
/** Draws of which k of a type's ten teachable messages are taught (k = 10 has only one). */
const DRAWS = 5;
/** A team of agents teaching, as in a workspace: teachings go round-robin to five agents. */
const TEAM_SIZE = 5;

/** One JSON Lines file per domain: text, expect, pool ("teach": a team may teach it; "test": never taught), lang. */
export const TEACHING_DOMAINS_DIR = resolve('eval/teaching');
const HELDOUT_FILES: Record<Lang, string> = { en: resolve('eval/heldout.jsonl'), zh: resolve('eval/heldout-zh.jsonl') };

function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}

/** The domain file, both held-out files and the built-in playbooks, with the built-in model learned. */
export function teachingInput(baselines: readonly Baseline[], builtInModel?: Classifier): TeachingEvalInput {
  const builtIn = typeDefinitions(loadPlaybooks().set.all);
  const heldout = (['en', 'zh'] as const).flatMap((lang) =>
    existsSync(HELDOUT_FILES[lang]) ? readJsonl<{ text: string; expect: string | null }>(HELDOUT_FILES[lang]).map((row) => ({ ...row, lang })) : [],
  );
  const domains = readdirSync(TEACHING_DOMAINS_DIR)
    .filter((file) => file.endsWith('.jsonl'))
    .sort()
    .map((file) => ({ name: file.replace(/\.jsonl$/, ''), rows: readJsonl<DomainRow>(resolve(TEACHING_DOMAINS_DIR, file)) }));
  return { domains, heldout, builtIn, builtInModel: builtInModel ?? Classifier.train(builtIn), baselines };
}

const top1 = (model: { classify(text: string): { type: string | null } }, rows: readonly { text: string; expect: string | null }[]) =>
  rows.filter((row) => model.classify(row.text).type === row.expect).length / Math.max(1, rows.length);

/** The k taught messages of each type in draw `draw`: a rotation through the type's teach pool. */
function taught(domain: readonly DomainRow[], lang: Lang, k: number, draw: number, agents: number): TaughtExample[] {
  const byType = new Map<string, DomainRow[]>();
  for (const row of domain) {
    if (row.lang !== lang || row.pool !== 'teach') continue;
    let list = byType.get(row.expect);
    if (!list) byType.set(row.expect, (list = []));
    list.push(row);
  }
  const examples: TaughtExample[] = [];
  let teaching = 0;
  for (const [typeId, pool] of byType) {
    for (let i = 0; i < Math.min(k, pool.length); i += 1) {
      const row = pool[(draw + i) % pool.length]!;
      examples.push({ typeId, text: redactForKeeping(row.text), taughtBy: `U${teaching % agents}` });
      teaching += 1;
    }
  }
  return examples;
}

const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
const span = (values: readonly number[]) => (values.length > 1 ? ` (${f3(Math.min(...values))}–${f3(Math.max(...values))})` : '');

function gcNow(): () => void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  return () => {
    gc();
    gc();
  };
}

/** Bytes a classifier holds, measured as the heap it adds, averaged over a few copies. */
function modelBytes(build: () => Classifier, gc: () => void): number {
  const copies = 3;
  gc();
  const before = process.memoryUsage();
  const kept: Classifier[] = [];
  for (let i = 0; i < copies; i += 1) kept.push(build());
  gc();
  const after = process.memoryUsage();
  const bytes = (after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers) / copies;
  kept.length = 0;
  return bytes;
}

const MB = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;

export async function teachingReport(input: TeachingEvalInput, langName: Record<Lang, string>): Promise<void> {
  console.log(
    `\n## What teaching does\n\n` +
      `Messages written for this from domains the built-in examples barely cover (eval/teaching/). Each type has 10 messages a team may teach ` +
      `and 8 it never does. A team of ${TEAM_SIZE} agents teaches k per type in one language (redacted, weighed by the abuse rule, as in the bot); ` +
      `top-1 is measured on the 8 never taught, and on the held-out files. k = 1 and 3 are the mean of ${DRAWS} draws of which messages are taught (lowest–highest).`,
  );
  // Each baseline learns the built-in examples once for every domain's messages never taught.
  const everyTest = input.domains.flatMap((domain) => domain.rows.filter((row) => row.pool === 'test'));
  const before = new Map(input.baselines.map((baseline) => [baseline.name, baselineTop1(baseline, input.builtIn, everyTest)]));
  const baselineBefore = (baseline: Baseline) => before.get(baseline.name)!;
  const drops: number[] = [];
  for (const domain of input.domains) drops.push(domainReport(input, domain, langName, baselineBefore));
  const worstDrop = Math.max(...drops);
  console.log(
    `\nHeld-out files (${input.heldout.length} messages, both languages): the largest fall after any teaching above is ${(worstDrop * 100).toFixed(1)} points of top-1 ` +
      `(target: no more than 1) ${worstDrop <= 0.01 ? '(met)' : '(MISSED)'}.`,
  );
  await costReport(input);
}

/** A baseline's top type for each text, trained on `types`; cached by inputs and version (learning TF-IDF's C takes minutes). */
function baselineTop1(baseline: Baseline, types: readonly TypeDefinition[], rows: readonly { text: string }[]): Map<string, string | null> {
  const texts = rows.map((row) => row.text);
  const predicted = cached(['teach-2', baseline.version, types, texts], () => {
    const predict = baseline.train(types);
    return texts.map((text) => predict(text)[0] ?? null);
  });
  return new Map(texts.map((text, index) => [text, predicted[index]!]));
}

/** One domain's before and after; returns the largest fall on the held-out files. */
function domainReport(
  input: TeachingEvalInput,
  { name, rows: domain }: Domain,
  langName: Record<Lang, string>,
  baselineBefore: (baseline: Baseline) => ReadonlyMap<string, string | null>,
): number {
  const { heldout, builtIn, builtInModel } = input;
  const langs = (['en', 'zh'] as const).filter((lang) => domain.some((row) => row.lang === lang));
  console.log(`\n### ${name} (eval/teaching/${name}.jsonl, ${domain.length} messages)\n`);
  const heldoutBefore = top1(builtInModel, heldout);
  console.log('| language | k per type | domain top-1 before | domain top-1 after | held-out top-1 before | held-out top-1 after |');
  console.log('|---|---|---|---|---|---|');
  const heldoutDrops: number[] = [];
  for (const lang of langs) {
    const test = domain.filter((row) => row.lang === lang && row.pool === 'test');
    const before = top1(builtInModel, test);
    for (const k of KS) {
      const draws = k >= 10 ? 1 : DRAWS;
      const after: number[] = [];
      const held: number[] = [];
      for (let draw = 0; draw < draws; draw += 1) {
        const model = Classifier.train(withTeamExamples(builtIn, taught(domain, lang, k, draw, TEAM_SIZE)));
        after.push(top1(model, test));
        held.push(top1(model, heldout));
      }
      heldoutDrops.push(heldoutBefore - Math.min(...held));
      console.log(`| ${langName[lang]} | ${k} | ${f3(before)} | ${f3(mean(after))}${span(after)} | ${f3(heldoutBefore)} | ${f3(mean(held))}${span(held)} |`);
    }
    // The abuse rule's price: one agent teaching all ten of every type weighs as three.
    const alone = Classifier.train(withTeamExamples(builtIn, taught(domain, lang, 10, 0, 1)));
    console.log(`| ${langName[lang]} | 10, all by one agent | ${f3(before)} | ${f3(top1(alone, test))} | ${f3(heldoutBefore)} | ${f3(top1(alone, heldout))} |`);
  }

  // The same teachings given to the baselines (they count every example in full: no weights).
  console.log('\nThe baselines taught the same 10 per type (top-1 on the messages never taught, before → after):\n');
  console.log(`| language | customertype | ${input.baselines.map((baseline) => baseline.name).join(' | ')} |`);
  console.log(`|---|---|${input.baselines.map(() => '---').join('|')}|`);
  for (const lang of langs) {
    const test = domain.filter((row) => row.lang === lang && row.pool === 'test');
    const examples = taught(domain, lang, 10, 0, TEAM_SIZE);
    const oursAfter = top1(Classifier.train(withTeamExamples(builtIn, examples)), test);
    const plain = withTeamExamples(builtIn, examples).map((type) => ({ ...type, examples: type.examples.map(({ text, also }) => ({ text, also })) }));
    const cells = input.baselines.map((baseline) => {
      const rightShare = (predicted: ReadonlyMap<string, string | null>) => test.filter((row) => predicted.get(row.text) === row.expect).length / test.length;
      return `${f3(rightShare(baselineBefore(baseline)))} → ${f3(rightShare(baselineTop1(baseline, plain, test)))}`;
    });
    console.log(`| ${langName[lang]} | ${f3(top1(builtInModel, test))} → ${f3(oursAfter)} | ${cells.join(' | ')} |`);
  }
  return Math.max(...heldoutDrops);
}

/** The cost: learning a workspace's model in a child process, as the bot does, and its memory. */
async function costReport({ domains, builtIn }: TeachingEvalInput): Promise<void> {
  const every = domains.flatMap(({ rows }) => (['en', 'zh'] as const).flatMap((lang) => taught(rows, lang, 10, 0, TEAM_SIZE)));
  const withEvery = withTeamExamples(builtIn, every);
  const started = performance.now();
  const trained = await trainInBackground(withEvery);
  const wall = performance.now() - started;
  const gc = gcNow();
  const baseBytes = modelBytes(() => Classifier.train(builtIn), gc);
  const teamBytes = modelBytes(() => Classifier.train(withEvery), gc);
  const perThousand = ((teamBytes - baseBytes) / every.length) * 1000;
  const storedBytes = every.reduce((sum, example) => sum + Buffer.byteLength(example.text), 0);
  console.log(
    `\nCost: retraining a workspace with ${every.length} team examples took ${(wall / 1000).toFixed(1)} s in the background ` +
      `(${(trained.ms / 1000).toFixed(1)} s of it learning, the rest starting the child process); the request path never waits for it. ` +
      `A workspace's own model holds ${MB(teamBytes)} against ${MB(baseBytes)} for the built-in one; team examples add ` +
      `${MB(Math.max(0, perThousand))} per thousand (measured with ${every.length}); their text in the database is ${(storedBytes / every.length).toFixed(0)} bytes each.`,
  );
}
