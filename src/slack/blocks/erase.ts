import type { Catalogue } from '../../i18n/index.js';
import { escapeMrkdwn } from './mrkdwn.js';
import { dangerButton, section } from './text.js';
import type { RenderedMessage } from './types.js';

export const ERASE_ACTION = 'workspace_data_erase';

/** What `delete-data` deletes, with one danger button that asks again before it does. */
export function buildEraseOffer(t: Catalogue): RenderedMessage {
  return {
    text: t.erase.fallback,
    blocks: [
      section(escapeMrkdwn(t.erase.offer)),
      {
        type: 'actions',
        block_id: 'workspace_erase',
        elements: [
          dangerButton(ERASE_ACTION, t.erase.button, 'erase', { title: t.erase.confirmTitle, text: t.erase.confirmText, yes: t.erase.confirmYes, no: t.erase.confirmNo }),
        ],
      },
    ],
  };
}
