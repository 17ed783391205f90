/**
 * Command line for the core, without Slack:
 *   npm run playbooks:check                       validate every playbook
 *   npm run cli -- classify "some text"           a readable answer
 *   npm run --silent cli -- classify --jsonl      JSON lines in, JSON lines out
 */
import { createInterface } from 'node:readline';
import { Classifier, type Classification } from '../classifier/classifier.js';
import { parseCliConfig } from '../config/config.js';
import { loadEnvFile } from '../config/load-env-file.js';
import { loadPlaybooks, PlaybookError } from '../playbooks/load.js';
import { ProblemsError } from '../problems.js';
import { formatClassification } from './format.js';
import { typeDefinitions } from '../playbooks/training.js';

const USAGE = `usage:
  customertype playbooks:check [--dir playbooks/]   (default: PLAYBOOKS_DIR, then playbooks/)
  customertype classify "customer message"
  customertype classify --jsonl   < messages.jsonl   (one {"text": "..."} per line)`;


/** The JSON-lines contract other tools rely on: exactly these fields, in this order (`lang` last, added later). */
function toJsonLine(result: Classification): string {
  return JSON.stringify({
    type: result.type,
    confidence: Number(result.confidence.toFixed(4)),
    ranked: result.ranked.map((entry) => ({ type: entry.type, score: Number(entry.score.toFixed(4)) })),
    cues: result.cues,
    lang: result.lang,
  });
}

async function classifyJsonLines(classifier: Classifier): Promise<void> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    let text: unknown;
    try {
      text = (JSON.parse(line) as { text?: unknown })?.text;
    } catch {
      text = undefined;
    }
    // A bad line still gets its answer line, so outputs stay aligned with inputs.
    process.stdout.write(`${toJsonLine(classifier.classify(typeof text === 'string' ? text : ''))}\n`);
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  loadEnvFile();
  const dirFlag = rest.indexOf('--dir');
  // The same folder the bot would load, so a check that passes means the bot will start.
  const dir = dirFlag >= 0 ? rest[dirFlag + 1] : parseCliConfig(process.env).PLAYBOOKS_DIR;
  switch (command) {
    case 'playbooks:check': {
      const { set, warnings } = loadPlaybooks(dir);
      for (const warning of warnings) process.stderr.write(`warning: ${warning}\n`);
      const examples = set.all.reduce((sum, playbook) => sum + playbook.examples.length, 0);
      process.stdout.write(`${set.all.length} playbooks OK (${examples} examples): ${set.ids.join(', ')}\n`);
      return 0;
    }
    case 'classify': {
      const { set } = loadPlaybooks(dir);
      const classifier = Classifier.train(typeDefinitions(set.all));
      if (rest.includes('--jsonl')) {
        await classifyJsonLines(classifier);
        return 0;
      }
      const text = rest.filter((arg, index) => arg !== '--dir' && rest[index - 1] !== '--dir').join(' ');
      if (text.trim() === '') {
        process.stderr.write(`${USAGE}\n`);
        return 2;
      }
      process.stdout.write(`${formatClassification(classifier.classify(text), set)}\n`);
      return 0;
    }
    default:
      process.stderr.write(`${USAGE}\n`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof PlaybookError) {
      for (const problem of error.problems) process.stderr.write(`${problem}\n`);
      process.stderr.write(`${error.problems.length} problem(s) in the playbooks.\n`);
    } else if (error instanceof ProblemsError) {
      for (const problem of error.problems) process.stderr.write(`customertype: ${problem}\n`);
    } else {
      process.stderr.write(`customertype: ${(error as Error).message}\n`);
    }
    process.exit(1);
  },
);
