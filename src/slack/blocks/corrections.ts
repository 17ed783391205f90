import { en, type Catalogue } from '../../i18n/index.js';
import { typeName } from '../../playbooks/localize.js';
import type { PlaybookSet } from '../../playbooks/playbook-set.js';
import type { CorrectionSummary } from '../../store/store.js';
import { escapeMrkdwn } from './mrkdwn.js';
import { context, header, sectionsOf } from './text.js';
import type { RenderedMessage } from './types.js';

const SHOWN_PAIRS = 15;

/**
 * `/customertype corrections`: what agents said the bot got wrong, most frequent first, so a lead
 * knows which playbooks need clearer examples or cues. Counts only: no customer text is kept.
 */
export function buildCorrectionsMessage(summary: CorrectionSummary & { days: number }, playbooks: PlaybookSet, t: Catalogue = en): RenderedMessage {
  const name = (id: string | null) => escapeMrkdwn(id === null ? t.corrections.noType : typeName(playbooks, id, t.lang));
  const corrected = summary.corrections.reduce((sum, row) => sum + row.count, 0);
  const overview = t.corrections.overview(summary.days, summary.answered, corrected, summary.confirmed);
  const lines = summary.corrections.slice(0, SHOWN_PAIRS).map((row) => t.corrections.pair(name(row.predicted), name(row.corrected), row.count));
  const more = summary.corrections.length - SHOWN_PAIRS;
  return {
    text: t.corrections.fallback(summary.days, corrected),
    blocks: [
      header(t.corrections.title),
      ...sectionsOf([overview, ...(lines.length ? [t.corrections.pairsHeading, ...lines] : [t.corrections.none])]),
      ...(more > 0 ? [context(t.corrections.more(more))] : []),
      context(t.corrections.hint),
    ],
  };
}
