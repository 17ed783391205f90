import { Worker } from 'node:worker_threads';
import { Classifier, type ClassifierOptions, type ClassifierParts, type TypeDefinition } from './classifier.js';

export interface Trained {
  classifier: Classifier;
  /** How long learning took in the worker. */
  ms: number;
}

/**
 * Trains in a worker thread, so that nothing waits for it: the bot answers (and keeps answering
 * with the model it has) while a new one learns, and the gigabyte-seconds of garbage that learning
 * makes belong to the worker's heap, which is returned to the system when it ends.
 */
export function trainInBackground(types: readonly TypeDefinition[], options: ClassifierOptions = {}): Promise<Trained> {
  const workerData = { types, options };
  const source = import.meta.url.endsWith('.ts');
  const url = new URL(source ? './train-worker.ts' : './train-worker.js', import.meta.url);
  // From TypeScript sources (tests, `npm run dev`) the worker first registers tsx, as the parent did.
  const worker = source
    ? new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(url.href)}); })`, { eval: true, workerData })
    : new Worker(url, { workerData });
  return new Promise((resolve, reject) => {
    worker.once('message', (message: { parts?: ClassifierParts; ms?: number; error?: string }) => {
      void worker.terminate();
      if (message.error !== undefined || !message.parts) reject(new Error(`learning the customer types failed: ${message.error ?? 'no result'}`));
      else resolve({ classifier: Classifier.fromParts(types, message.parts, options), ms: message.ms ?? 0 });
    });
    worker.once('error', (error) => reject(new Error(`learning the customer types failed: ${error.message}`)));
    worker.once('exit', (code) => reject(new Error(`learning the customer types stopped (exit code ${code})`)));
  });
}
