import { catalogue } from '../i18n/index.js';
import type { DigestContent } from '../insights/digest-service.js';
import type { InsightsService } from '../insights/insights-service.js';
import type { PlaybookSet } from '../playbooks/playbook-set.js';
import { buildInsightsMessage } from './blocks/insights.js';

/**
 * The weekly digest is the week's insights: the team's figures for a channel, and each agent's as
 * well for a lead's direct message, in the reader's language.
 */
export function insightsDigest(insights: InsightsService, playbooks: PlaybookSet): DigestContent {
  return async (teamId, weekStart, audience, lang) => {
    const t = catalogue(lang);
    return buildInsightsMessage(await insights.weekReport(teamId, weekStart), { audience, title: t.digest.title(weekStart) }, playbooks, t);
  };
}
