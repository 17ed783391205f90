// natural pulls in dotenv, which announces itself on stdout unless told to be quiet.
process.env.DOTENV_CONFIG_QUIET = 'true';
const { default: natural } = await import('natural');

/** natural's BayesClassifier, the off-the-shelf choice a team might reach for instead. */
export class NaiveBayesBaseline {
  private readonly bayes = new natural.BayesClassifier();

  constructor(docs: ReadonlyArray<{ text: string; label: string }>) {
    for (const doc of docs) this.bayes.addDocument(doc.text, doc.label);
    this.bayes.train();
  }

  ranked(text: string): string[] {
    return this.bayes.getClassifications(text).map((entry: { label: string }) => entry.label);
  }

  classify(text: string): string {
    return this.bayes.classify(text);
  }
}
