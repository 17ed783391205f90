/**
 * A post that failed in a way that leaves open whether it landed (Slack answered 500 or the
 * connection broke after Slack had stored it), and whether it did could not be checked. Posting
 * again might post twice; the quiz keeps its claim and is checked again later instead.
 */
export class UncertainPostError extends Error {
  override name = 'UncertainPostError';
}
