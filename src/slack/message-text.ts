/**
 * Finds the customer's words in a Slack message, wherever Slack put them: plain `text`, rich-text
 * `blocks`, the attachments of a shared or forwarded message (their text, their `message_blocks`,
 * or their fallback), attachments posted by ticketing integrations, and e-mail files.
 */

export type TextSource = 'message' | 'forwarded' | 'attachment' | 'email';

export interface FoundText {
  text: string;
  source: TextSource;
  /** Said to the agent when the choice matters, e.g. a forward with the forwarder's own comment. */
  note?: string;
}

/** Where the text was found, when that is worth telling the agent (the note says it in English). */
export function notedSource(found: FoundText): Exclude<TextSource, 'message'> | undefined {
  return found.note !== undefined && found.source !== 'message' ? found.source : undefined;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const asString = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Slack's placeholder fallbacks say nothing about the customer. */
const GENERIC_FALLBACK = /^\s*(?:\[no preview available\]|attachment|shared a file|forwarded message|\[?image\]?|)\s*$/i;
const MAX_DEPTH = 6;

/** The plain text of rich_text blocks: text runs and link labels; mentions and emoji names are left out. */
export function richTextOf(blocks: unknown, depth = 0): string {
  if (depth > MAX_DEPTH) return '';
  const parts: string[] = [];
  for (const node of asArray(blocks)) {
    if (!isObject(node)) continue;
    switch (node.type) {
      case 'text':
        parts.push(asString(node.text));
        break;
      case 'link':
        parts.push(asString(node.text) || asString(node.url));
        break;
      case 'rich_text':
      case 'rich_text_section':
      case 'rich_text_quote':
      case 'rich_text_preformatted':
      case 'rich_text_list':
        // Sections, quotes and list items are paragraphs: each ends a line.
        parts.push(richTextOf(node.elements, depth + 1).trim(), '\n');
        break;
      case 'section':
        if (isObject(node.text)) parts.push(asString(node.text.text), '\n');
        break;
      default:
        break;
    }
  }
  return parts.join('').replace(/\n{3,}/g, '\n\n').trim();
}

function stripHtml(html: string): string {
  return html
    .replace(/<(?:br|\/p|\/div)\s*\/?>/gi, '\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ');
}

function attachmentText(attachment: Json, depth: number): string {
  if (depth > MAX_DEPTH) return '';
  const fromBlocks = asArray(attachment.message_blocks)
    .map((entry) => (isObject(entry) && isObject(entry.message) ? messageBodyText(entry.message, depth + 1) : ''))
    .filter(Boolean)
    .join('\n\n');
  const fallback = asString(attachment.fallback);
  const own = fromBlocks || asString(attachment.text) || (GENERIC_FALLBACK.test(fallback) ? '' : fallback);
  const nested = asArray(attachment.attachments)
    .filter(isObject)
    .map((inner) => attachmentText(inner, depth + 1))
    .filter(Boolean);
  return [asString(attachment.pretext), own, ...nested].filter((part) => part.trim() !== '').join('\n\n').trim();
}

function messageBodyText(message: Json, depth: number): string {
  const text = asString(message.text).trim();
  const blocks = richTextOf(message.blocks, depth);
  // `text` is Slack's plain rendering of the blocks when both exist; the longer one has more of the words.
  return blocks.length > text.length ? blocks : text;
}

function emailText(files: unknown): string {
  return asArray(files)
    .filter(isObject)
    .map((file) => {
      const body = asString(file.plain_text) || asString(file.preview_plain_text) || stripHtml(asString(file.preview));
      return [asString(file.subject) || asString(file.title), body].filter(Boolean).join('\n');
    })
    .filter((text) => text.trim() !== '')
    .join('\n\n')
    .trim();
}

const isForward = (attachment: Json) => attachment.is_share === true || attachment.is_msg_unfurl === true;

/** Returns the customer's text and where it came from; an empty text when there is none to read. */
export function findCustomerText(message: unknown): FoundText {
  if (!isObject(message)) return { text: '', source: 'message' };
  const attachments = asArray(message.attachments).filter(isObject);
  const own = messageBodyText(message, 0);

  const forwarded = attachments.filter(isForward).map((a) => attachmentText(a, 0)).filter(Boolean).join('\n\n');
  if (forwarded) {
    return own
      ? { text: forwarded, source: 'forwarded', note: 'the forwarded message, not the comment posted with it' }
      : { text: forwarded, source: 'forwarded' };
  }

  const attached = attachments.filter((a) => !isForward(a)).map((a) => attachmentText(a, 0)).filter(Boolean).join('\n\n');
  const email = emailText(message.files);
  const candidates: FoundText[] = [
    { text: own, source: 'message' },
    { text: attached, source: 'attachment', note: 'the text of the attachment' },
    { text: email, source: 'email', note: 'the attached e-mail' },
  ];
  const longest = candidates.reduce((best, candidate) => (candidate.text.length > best.text.length ? candidate : best));
  if (longest.source === 'message' || own === '') return longest.source === 'message' ? { text: own, source: 'message' } : longest;
  return longest;
}
