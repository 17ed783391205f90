/** Precision, recall and F1 of "the top type is X", with abstentions counted as no answer. */
export interface PRF {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface Prediction {
  expected: string | null;
  predicted: string | null;
  top3: string[];
}

export function prf(predictions: readonly Prediction[], label: string): PRF {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const { expected, predicted } of predictions) {
    if (predicted === label && expected === label) tp += 1;
    else if (predicted === label) fp += 1;
    else if (expected === label) fn += 1;
  }
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, support: tp + fn };
}

export interface Summary {
  perType: Map<string, PRF>;
  macroF1: number;
  top1: number;
  top3: number;
  abstained: number;
  confusions: Array<{ expected: string; predicted: string; count: number }>;
}

export function summarize(predictions: readonly Prediction[], labels: readonly string[]): Summary {
  const perType = new Map(labels.map((label) => [label, prf(predictions, label)]));
  const macroF1 = [...perType.values()].reduce((sum, value) => sum + value.f1, 0) / labels.length;
  const top1 = predictions.filter((p) => p.predicted === p.expected).length / predictions.length;
  const top3 = predictions.filter((p) => p.expected !== null && p.top3.includes(p.expected)).length / predictions.length;
  const abstained = predictions.filter((p) => p.predicted === null).length / predictions.length;
  const pairs = new Map<string, number>();
  for (const p of predictions) {
    if (p.predicted === null || p.expected === null || p.predicted === p.expected) continue;
    const key = `${p.expected}→${p.predicted}`;
    pairs.set(key, (pairs.get(key) ?? 0) + 1);
  }
  const confusions = [...pairs]
    .map(([key, count]) => {
      const [expected, predicted] = key.split('→') as [string, string];
      return { expected, predicted, count };
    })
    .sort((a, b) => b.count - a.count);
  return { perType, macroF1, top1, top3, abstained, confusions };
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export const pct = (value: number) => `${(value * 100).toFixed(1)}%`;
export const f3 = (value: number) => value.toFixed(3);
