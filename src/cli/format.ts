import type { Classification } from '../classifier/classifier.js';
import type { PlaybookSet } from '../playbooks/playbook-set.js';
import { confidenceLabel } from '../classifier/confidence.js';

/** A classification as a person reads it in a terminal. */
export function formatClassification(result: Classification, playbooks: PlaybookSet): string {
  const name = (id: string) => playbooks.get(id)?.name ?? id;
  const closest = result.ranked
    .slice(0, 3)
    .map((entry) => `${name(entry.type)} ${Math.round(entry.score * 100)}%`)
    .join(', ');
  if (result.type === null) {
    return [result.abstain?.message ?? 'Not enough to go on.', `Closest: ${closest}`].join('\n');
  }
  const playbook = playbooks.get(result.type);
  const lines = [
    `${name(result.type)}: ${confidenceLabel(result.confidence)} (${Math.round(result.confidence * 100)}%)`,
    `Why: ${result.cues.join(', ') || '(no single cue stands out)'}`,
  ];
  if (result.secondary) lines.push(`Also: ${name(result.secondary.type)} (${Math.round(result.secondary.score * 100)}%)`);
  if (playbook) {
    lines.push('How to handle:', ...playbook.actions.map((action, index) => `  ${index + 1}. ${action}`));
    if (playbook.openers[0]) lines.push(`Opening line: "${playbook.openers[0]}"`);
  }
  lines.push(`Next closest: ${closest}`);
  if (result.truncated) lines.push('(Only the first 4,000 characters were read.)');
  return lines.join('\n');
}
