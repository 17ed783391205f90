interface BayesClassifier {
  addDocument(text: string, label: string): void;
  train(): void;
  getClassifications(text: string): Array<{ label: string; value: number }>;
}

// natural pulls in dotenv, which announces itself on stdout unless told to be quiet.
process.env.DOTENV_CONFIG_QUIET = 'true';
// Imported by name at run time: natural ships TypeScript sources that do not compile under our settings.
const naturalModule = 'natural';
const natural = (await import(naturalModule)).default as { BayesClassifier: new () => BayesClassifier };

/** natural's BayesClassifier, the off-the-shelf choice a team might reach for instead. */
export class NaiveBayesBaseline {
  private readonly bayes = new natural.BayesClassifier();

  /** Trained on exactly the examples the classifier learns from, so the comparison is fair. */
  constructor(types: ReadonlyArray<{ id: string; examples: ReadonlyArray<{ text: string }> }>) {
    for (const type of types) for (const example of type.examples) this.bayes.addDocument(example.text, type.id);
    this.bayes.train();
  }

  ranked(text: string): string[] {
    return this.bayes.getClassifications(text).map((entry) => entry.label);
  }
}
