import type { TypeDefinition } from '../classifier/classifier.js';
import type { Playbook } from './schema.js';

/**
 * What the classifier learns from each type: its English and Chinese examples and cues together, so
 * one model reads both languages and a message that mixes them.
 */
export function typeDefinitions(playbooks: readonly Playbook[]): TypeDefinition[] {
  return playbooks.map((playbook) => ({
    id: playbook.id,
    cues: [...playbook.cues, ...(playbook.zh?.cues ?? [])],
    not_cues: [...(playbook.not_cues ?? []), ...(playbook.zh?.not_cues ?? [])],
    needs_cue: playbook.needs_cue,
    examples: [...playbook.examples, ...(playbook.zh?.examples ?? [])],
  }));
}
