/**
 * Runs in a child process: trains a classifier and sends its parts back over IPC (advanced
 * serialization keeps the typed arrays typed). A process rather than a thread because a thread's
 * malloc arenas stay with the parent after it ends: learning would leave ~50 MB resident for good.
 */
import { Classifier, type ClassifierOptions, type TypeDefinition } from './classifier.js';

process.once('message', (request: { types: TypeDefinition[]; options: ClassifierOptions }) => {
  let reply: object;
  try {
    const started = performance.now();
    const parts = Classifier.train(request.types, request.options).toParts();
    reply = { parts, ms: performance.now() - started };
  } catch (error) {
    reply = { error: error instanceof Error ? error.message : String(error) };
  }
  process.send!(reply, () => process.disconnect());
});
