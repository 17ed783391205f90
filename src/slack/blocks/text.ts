import type { Button, ContextBlock, HeaderBlock, SectionBlock } from '@slack/types';
import type { Escaped } from '../../i18n/escaped.js';
import { escapeMrkdwn, truncate, truncateMrkdwn } from './mrkdwn.js';

/** Slack's limits, from the Block Kit reference. */
export const LIMITS = { blocks: 50, header: 150, sectionText: 3000, field: 2000, contextText: 3000, option: 75 } as const;

export const header = (text: string): HeaderBlock => ({
  type: 'header',
  text: { type: 'plain_text', text: truncate(text, LIMITS.header), emoji: true },
});

/** `text` is mrkdwn the caller built and escaped; it is only cut to Slack's limit here. */
export const section = (text: string): SectionBlock => ({
  type: 'section',
  text: { type: 'mrkdwn', text: truncateMrkdwn(text, LIMITS.sectionText) },
});

export const context = (text: string): ContextBlock => ({
  type: 'context',
  elements: [{ type: 'mrkdwn', text: truncateMrkdwn(text, LIMITS.contextText) }],
});

/** A titled list; every item is escaped, so playbook or customer text never becomes a mention or link. */
export function list(title: string, items: readonly string[], numbered = false): string {
  const lines = items.map((item, index) => `${numbered ? `${index + 1}.` : '•'} ${escapeMrkdwn(item)}`);
  return `*${title}*\n${lines.join('\n')}`;
}

/** Joins escaped pieces with a separator of our own: the result is as safe as its parts. */
export const joinEscaped = (items: readonly Escaped[], separator: string): Escaped => items.join(separator) as Escaped;

/** A sentence from a catalogue, built from escaped values: safe to pass on as a value in turn. */
export const built = (text: string): Escaped => text as Escaped;

/** Splits lines into sections of at most the section limit each. */
export function sectionsOf(lines: readonly string[]): SectionBlock[] {
  const sections: SectionBlock[] = [];
  let current = '';
  for (const line of lines) {
    const candidate = current === '' ? line : `${current}\n${line}`;
    if (candidate.length > LIMITS.sectionText && current !== '') {
      sections.push(section(current));
      current = line;
    } else current = candidate;
  }
  if (current !== '') sections.push(section(current));
  return sections;
}

/** A red button Slack asks about once more before it sends the click: for what cannot be undone. */
export function dangerButton(
  actionId: string,
  label: string,
  value: string,
  ask: { title: string; text: string; yes: string; no: string },
): Button {
  return {
    type: 'button',
    action_id: actionId,
    style: 'danger',
    text: { type: 'plain_text', text: label },
    value,
    confirm: {
      title: { type: 'plain_text', text: ask.title },
      text: { type: 'plain_text', text: ask.text },
      confirm: { type: 'plain_text', text: ask.yes },
      deny: { type: 'plain_text', text: ask.no },
      style: 'danger',
    },
  };
}
