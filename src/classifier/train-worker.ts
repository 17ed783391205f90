/** Runs in a worker thread: trains a classifier and sends its arrays back without copying them. */
import { parentPort, workerData } from 'node:worker_threads';
import { Classifier, type ClassifierOptions, type TypeDefinition } from './classifier.js';

const { types, options } = workerData as { types: TypeDefinition[]; options: ClassifierOptions };
try {
  const started = performance.now();
  const parts = Classifier.train(types, options).toParts();
  const { keys, idf, blockOf, weights, bias } = parts.model;
  parentPort!.postMessage({ parts, ms: performance.now() - started }, [keys.buffer, idf.buffer, blockOf.buffer, weights.buffer, bias.buffer] as ArrayBuffer[]);
} catch (error) {
  parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) });
}
