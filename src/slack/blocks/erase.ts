import type { Catalogue } from '../../i18n/index.js';
import { escapeMrkdwn } from './mrkdwn.js';
import { section } from './text.js';
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
          {
            type: 'button',
            action_id: ERASE_ACTION,
            style: 'danger',
            text: { type: 'plain_text', text: t.erase.button },
            value: 'erase',
            confirm: {
              title: { type: 'plain_text', text: t.erase.confirmTitle },
              text: { type: 'plain_text', text: t.erase.confirmText },
              confirm: { type: 'plain_text', text: t.erase.confirmYes },
              deny: { type: 'plain_text', text: t.erase.confirmNo },
              style: 'danger',
            },
          },
        ],
      },
    ],
  };
}
