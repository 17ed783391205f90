import { describe, expect, it } from 'vitest';
import { findCustomerText, richTextOf } from '../../src/slack/message-text.js';
import { forwardedTicketMessage } from '../helpers/payloads.js';

const CUSTOMER = 'I have been charged twice for the same order and nobody answers my emails.';

describe('findCustomerText', () => {
  it('takes a forwarded message from its attachment, not the forwarder\'s comment, and says so', () => {
    expect(findCustomerText(forwardedTicketMessage(CUSTOMER))).toEqual({
      text: CUSTOMER,
      source: 'forwarded',
      note: 'the forwarded message, not the comment posted with it',
    });
  });

  it('takes a forward without a comment silently', () => {
    expect(findCustomerText(forwardedTicketMessage(CUSTOMER, ''))).toEqual({ text: CUSTOMER, source: 'forwarded' });
  });

  it('reads a forward that has only message_blocks, and skips Slack\'s generic fallback', () => {
    const message = forwardedTicketMessage(CUSTOMER);
    const attachment = (message.attachments as any[])[0];
    delete attachment.text;
    attachment.fallback = '[no preview available]';
    expect(findCustomerText(message).text).toBe(CUSTOMER);
    attachment.message_blocks = [];
    expect(findCustomerText({ ...message, text: '' }).text).toBe('');
  });

  it('reads a forward of a forward (nested attachments)', () => {
    const inner = { is_share: true, text: CUSTOMER, fallback: 'x' };
    const message = { text: '', attachments: [{ is_share: true, fallback: '[no preview available]', attachments: [inner] }] };
    expect(findCustomerText(message).text).toBe(CUSTOMER);
  });

  it('prefers the attachment a ticketing integration posted over its short header', () => {
    const message = { text: 'New ticket #4821 from the web form', attachments: [{ title: 'Refund', text: CUSTOMER, fallback: 'Refund' }] };
    expect(findCustomerText(message)).toEqual({ text: CUSTOMER, source: 'attachment', note: 'the text of the attachment' });
  });

  it('reads rich text when `text` is empty, leaving mentions out', () => {
    const blocks = [
      {
        type: 'rich_text',
        elements: [
          {
            type: 'rich_text_section',
            elements: [{ type: 'user', user_id: 'U1' }, { type: 'text', text: ' where is my ' }, { type: 'link', url: 'https://x.example', text: 'refund' }],
          },
          { type: 'rich_text_list', elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text: 'first point' }] }] },
        ],
      },
    ];
    expect(richTextOf(blocks)).toBe('where is my refund\nfirst point');
    expect(findCustomerText({ text: '', blocks })).toEqual({ text: 'where is my refund\nfirst point', source: 'message' });
  });

  it('reads an e-mail file\'s plain text', () => {
    const message = { text: '', files: [{ filetype: 'email', subject: 'Refund!!', plain_text: CUSTOMER, preview: '<p>ignored</p>' }] };
    expect(findCustomerText(message)).toEqual({ text: `Refund!!\n${CUSTOMER}`, source: 'email', note: 'the attached e-mail' });
  });

  it('returns empty text for anything that is not a message', () => {
    for (const input of [undefined, null, 42, 'text', [], { attachments: 'nope', blocks: 7, files: {} }]) {
      expect(findCustomerText(input).text).toBe('');
    }
  });
});
