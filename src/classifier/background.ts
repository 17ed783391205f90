import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Classifier, type ClassifierOptions, type ClassifierParts, type TypeDefinition } from './classifier.js';

export interface Trained {
  classifier: Classifier;
  /** How long learning took in the child process. */
  ms: number;
}

/**
 * Trains in a child process, so that nothing waits for it: the bot answers (and keeps answering
 * with the model it has) while a new one learns, and all the memory learning churns through is the
 * child's, returned to the system when it exits. Only the finished arrays come back.
 */
export function trainInBackground(types: readonly TypeDefinition[], options: ClassifierOptions = {}): Promise<Trained> {
  const source = import.meta.url.endsWith('.ts');
  const script = fileURLToPath(new URL(source ? './train-worker.ts' : './train-worker.js', import.meta.url));
  // From TypeScript sources (tests, `npm run dev`) the child loads tsx, as the parent did. By its
  // resolved path: a bare 'tsx' resolves from the working directory, and a bot started elsewhere
  // would see its child fail and learn in its own thread, deaf to Slack for seconds.
  const child = fork(script, [], {
    serialization: 'advanced',
    execArgv: source ? ['--import', import.meta.resolve('tsx')] : [],
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
  return new Promise((resolve, reject) => {
    let settled = false;
    child.once('message', (message: { parts?: ClassifierParts; ms?: number; error?: string }) => {
      settled = true;
      if (message.error !== undefined || !message.parts) reject(new Error(`learning the customer types failed: ${message.error ?? 'no result'}`));
      else resolve({ classifier: Classifier.fromParts(types, message.parts, options), ms: message.ms ?? 0 });
    });
    child.once('error', (error) => {
      if (!settled) reject(new Error(`learning the customer types failed: ${error.message}`));
      settled = true;
    });
    child.once('exit', (code, signal) => {
      const why = crashReason(stderr);
      if (!settled) reject(new Error(`learning the customer types stopped (${signal ?? `exit code ${code}`})${why ? `: ${why}` : ''}`));
      settled = true;
    });
    child.send({ types, options });
  });
}

/**
 * The line of a crashed child's stderr that says what went wrong. Node ends an uncaught error's
 * report with its own version ("Node.js v20.20.2"), so the last line alone says nothing.
 */
export function crashReason(stderr: string): string | undefined {
  const lines = stderr.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  return lines.findLast((line) => /^(?:[A-Z]\w*)?Error\b/.test(line)) ?? lines.at(-1);
}
