import type { RenderedMessage } from './types.js';

export const COMMAND = '/customertype';

/** What the command does and how to use it; also the answer to an empty command. */
export function buildHelpMessage(): RenderedMessage {
  const usage = [
    `\`${COMMAND} <customer message>\` tells you which type of customer wrote it, how sure it is, why, and how to handle them.`,
    `\`${COMMAND} list\` lists every customer type.`,
    `\`${COMMAND} <type>\` shows one playbook, e.g. \`${COMMAND} bargain hunter\`.`,
    `\`${COMMAND} stats\` shows your quiz results; \`${COMMAND} leaderboard\` this week's and all-time leaders.`,
    `\`${COMMAND} quiz now\`, \`quiz setup\` and \`quiz off\` post a quiz, schedule the daily quiz in a channel, or stop it.`,
    `\`${COMMAND} corrections\` shows which answers agents corrected in the last 30 days, for tuning the playbooks.`,
    `\`${COMMAND} help\` shows this message.`,
  ];
  return {
    text: `How to use ${COMMAND}`,
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: 'customertype: know your customer', emoji: true } },
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: 'Paste a customer message and get the customer type, the cues behind it and the playbook for handling it.',
        },
      },
      { type: 'section', text: { type: 'mrkdwn', text: usage.map((line) => `• ${line}`).join('\n') } },
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: `*Example*\n\`${COMMAND} This is the third time I've asked. Where is my refund?!\``,
        },
      },
      {
        type: 'context',
        elements: [
          {
            type: 'mrkdwn',
            text: 'On a forwarded ticket or any message: open its ⋯ menu and choose *Classify customer type*. Only you see the answers.',
          },
        ],
      },
    ],
  };
}
