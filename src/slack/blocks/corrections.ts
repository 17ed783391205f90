import type { PlaybookSet } from '../../playbooks/playbook-set.js';
import type { CorrectionSummary } from '../../store/store.js';
import { COMMAND } from './help.js';
import { escapeMrkdwn } from './mrkdwn.js';
import { context, header, sectionsOf } from './text.js';
import type { RenderedMessage } from './types.js';

const SHOWN_PAIRS = 15;

/**
 * `/customertype corrections`: what agents said the bot got wrong, most frequent first, so a lead
 * knows which playbooks need clearer examples or cues. Counts only: no customer text is kept.
 */
export function buildCorrectionsMessage(summary: CorrectionSummary & { days: number }, playbooks: PlaybookSet): RenderedMessage {
  const name = (id: string | null) => (id === null ? 'no type' : escapeMrkdwn(playbooks.get(id)?.name ?? id));
  const corrected = summary.corrections.reduce((sum, row) => sum + row.count, 0);
  const overview =
    `In the last ${summary.days} days: ${summary.answered} answers named a type; agents corrected ${corrected} ` +
    `and confirmed ${summary.confirmed} with *Not right?*.`;
  const lines = summary.corrections.slice(0, SHOWN_PAIRS).map((row) => `• *${name(row.predicted)}* → *${name(row.corrected)}*: ${row.count}`);
  const more = summary.corrections.length - SHOWN_PAIRS;
  return {
    text: `Corrections in the last ${summary.days} days: ${corrected}`,
    blocks: [
      header('Corrections from agents'),
      ...sectionsOf([overview, ...(lines.length ? ['*Said → agents said*', ...lines] : ['_No corrections yet._'])]),
      ...(more > 0 ? [context(`…and ${more} more pairs.`)] : []),
      context(`A pair that comes up often is worth new examples or cues in those playbooks (\`${COMMAND} <type>\` shows one).`),
    ],
  };
}
