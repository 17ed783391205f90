import type { Classification, Classifier, ClassifiesMessages } from '../classifier/classifier.js';

/**
 * The classifier the bot answers with. It starts empty and is filled when learning (in a worker
 * thread) finishes; later a retrained one replaces it in one assignment, so a message is always
 * classified by one whole model, never half of two, and no request waits for learning.
 */
export class ClassifierHost implements ClassifiesMessages {
  private current: Classifier | undefined;
  private waiters: Array<(classifier: Classifier) => void> = [];
  private version = 0;

  constructor(initial?: Classifier) {
    if (initial) this.set(initial);
  }

  get ready(): boolean {
    return this.current !== undefined;
  }

  /** Bumped by every swap: a retrain that started before a newer one finished can tell it is stale. */
  get generation(): number {
    return this.version;
  }

  /** The classifier now; throws while the first one is still learning (ask `ready` or `whenReady` first). */
  get(): Classifier {
    if (!this.current) throw new Error('the classifier is still learning');
    return this.current;
  }

  /** Classifies with the current model; throws while the first one is still learning. */
  classify(text: string): Classification {
    return this.get().classify(text);
  }

  set(classifier: Classifier): void {
    this.current = classifier;
    this.version += 1;
    for (const resolve of this.waiters.splice(0)) resolve(classifier);
  }

  /** The classifier, as soon as there is one, or undefined if that takes longer than `timeoutMs` (if given). */
  whenReady(timeoutMs?: number): Promise<Classifier | undefined> {
    if (this.current) return Promise.resolve(this.current);
    if (timeoutMs === undefined) return new Promise((resolve) => this.waiters.push(resolve));
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((waiter) => waiter !== done);
        resolve(undefined);
      }, timeoutMs);
      timer.unref?.();
      const done = (classifier: Classifier) => {
        clearTimeout(timer);
        resolve(classifier);
      };
      this.waiters.push(done);
    });
  }
}
