import { catalogue } from '../../i18n/index.js';
import type { DigestContent } from '../../insights/digest-service.js';

/**
 * A digest that points to `/customertype insights`: the week's title and one line, for the team or
 * for a lead. It stands in until the insights figures are built into the digest itself.
 */
export const placeholderDigest: DigestContent = async (_teamId, week, audience, lang) => {
  const t = catalogue(lang).digest;
  const title = t.title(week);
  const body = audience === 'lead' ? t.leadBody : t.teamBody;
  return {
    text: `${title}\n${body}`,
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: title, emoji: true } },
      { type: 'section', text: { type: 'mrkdwn', text: body } },
    ],
  };
};
