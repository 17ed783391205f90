export type ConfidenceLabel = 'High' | 'Medium' | 'Low';

/** Words for a confidence, so an agent need not judge what 0.58 means. */
export function confidenceLabel(confidence: number): ConfidenceLabel {
  if (confidence >= 0.7) return 'High';
  if (confidence >= 0.4) return 'Medium';
  return 'Low';
}
