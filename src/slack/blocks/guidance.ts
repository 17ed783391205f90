import type { ActionsBlock, KnownBlock, ModalView } from '@slack/types';
import { z } from 'zod';
import { parseJsonValue } from '../json-value.js';
import type { Classification } from '../../classifier/classifier.js';
import { confidenceLabel } from '../../classifier/confidence.js';
import type { PlaybookSet } from '../../playbooks/playbook-set.js';
import type { Playbook } from '../../playbooks/schema.js';
import { COMMAND } from './help.js';
import { escapeMrkdwn, truncate } from './mrkdwn.js';
import { context, header, LIMITS, list, section } from './text.js';
import type { RenderedMessage } from './types.js';

export const SHARE_ACTION = 'share_guidance';
export const CORRECT_ACTION = 'correct_type';

/** What the buttons need to act later, without keeping the customer's text anywhere. */
const guidanceRefSchema = z.object({
  classificationId: z.number().int().positive().optional(),
  type: z.string().min(1).max(100),
  confidence: z.number().min(0).max(1),
  secondary: z.string().max(100).optional(),
  channelId: z.string().max(50).optional(),
  threadTs: z.string().max(50).optional(),
});
export type GuidanceRef = z.infer<typeof guidanceRefSchema>;

/** An option value may be at most 150 characters, so a correction carries short keys and only what it stores. */
const correctionSchema = z.object({
  c: z.number().int().positive().optional(),
  t: z.string().min(1).max(100),
  p: z.number().min(0).max(1),
  x: z.string().min(1).max(100),
});
type CorrectionValue = z.infer<typeof correctionSchema>;
export interface CorrectionChoice {
  classificationId: number | undefined;
  predicted: string;
  confidence: number;
  corrected: string;
}


/** A button's value as we wrote it, or undefined if it was tampered with or is from another version. */
export const parseGuidanceRef = (value: unknown) => parseJsonValue(guidanceRefSchema, value);
export function parseCorrectionChoice(value: unknown): CorrectionChoice | undefined {
  const parsed = parseJsonValue(correctionSchema, value);
  return parsed && { classificationId: parsed.c, predicted: parsed.t, confidence: parsed.p, corrected: parsed.x };
}

function correctionValue(ref: GuidanceRef, corrected: string): string {
  const value: CorrectionValue = { ...(ref.classificationId ? { c: ref.classificationId } : {}), t: ref.type, p: ref.confidence, x: corrected };
  return JSON.stringify(value);
}

/** The select's options differ only in the corrected type: the shared part is serialised once. */
function correctionOptions(ref: GuidanceRef, playbooks: PlaybookSet) {
  const shared = correctionValue(ref, '').slice(0, -'"x":""}'.length);
  const names = memo(optionNames, playbooks, (set) =>
    set.all.slice(0, 100).map((playbook) => ({ id: JSON.stringify(playbook.id), text: { type: 'plain_text' as const, text: truncate(playbook.name, LIMITS.option) } })),
  );
  return names.map(({ id, text }) => ({ text, value: `${shared}"x":${id}}` }));
}

export interface GuidanceContext {
  /** Where the text came from when that is worth saying, e.g. "the forwarded message". */
  sourceNote?: string | undefined;
  ref?: Omit<GuidanceRef, 'type' | 'confidence' | 'secondary'>;
}

const BAR_SEGMENTS = 5;
const percent = (value: number) => `${Math.round(value * 100)}%`;

export function confidenceBar(confidence: number): string {
  const filled = Math.max(0, Math.min(BAR_SEGMENTS, Math.round(confidence * BAR_SEGMENTS)));
  return `${'▰'.repeat(filled)}${'▱'.repeat(BAR_SEGMENTS - filled)}`;
}

export function confidenceText(confidence: number): string {
  return `${confidenceBar(confidence)} ${confidenceLabel(confidence)} · ${percent(confidence)}`;
}

// Playbooks do not change while the app runs, so their blocks are built once and shared by every
// answer: a burst of commands then allocates only what differs per message.
const wantsBlocks = new WeakMap<PlaybookSet, KnownBlock[]>();
const handlingBlocksOf = new WeakMap<Playbook, KnownBlock[]>();
const optionNames = new WeakMap<PlaybookSet, Array<{ id: string; text: { type: 'plain_text'; text: string } }>>();

function memo<K extends object, V>(cache: WeakMap<K, V>, key: K, build: (key: K) => V): V {
  let value = cache.get(key);
  if (value === undefined) cache.set(key, (value = build(key)));
  return value;
}

function everyCustomerWants(playbooks: PlaybookSet): KnownBlock[] {
  return memo(wantsBlocks, playbooks, buildEveryCustomerWants);
}

function buildEveryCustomerWants(playbooks: PlaybookSet): KnownBlock[] {
  const wants = playbooks.shared.every_customer_wants;
  if (wants.length === 0) return [];
  return [context(`*Every customer wants:* ${wants.map(escapeMrkdwn).join(' · ')}`)];
}

/** The handling part of a playbook, shared by the private answer, the shared post and the playbook view. */
export function handlingBlocks(playbook: Playbook): KnownBlock[] {
  return memo(handlingBlocksOf, playbook, buildHandlingBlocks);
}

function buildHandlingBlocks(playbook: Playbook): KnownBlock[] {
  const opener = playbook.openers[0];
  return [
    section(list('How to handle', playbook.actions, true)),
    {
      type: 'section',
      fields: [
        { type: 'mrkdwn', text: truncate(list('Do', playbook.do), LIMITS.field) },
        { type: 'mrkdwn', text: truncate(list("Don't", playbook.dont), LIMITS.field) },
      ],
    },
    ...(opener ? [section(`*Opening line to paste*\n>${escapeMrkdwn(opener).replace(/\n/g, '\n>')}`)] : []),
  ];
}

function actionBlock(ref: GuidanceRef, playbooks: PlaybookSet): ActionsBlock {
  const value = JSON.stringify(ref);
  return {
    type: 'actions',
    block_id: 'guidance_actions',
    elements: [
      { type: 'button', action_id: SHARE_ACTION, text: { type: 'plain_text', text: 'Share in channel' }, value },
      {
        type: 'static_select',
        action_id: CORRECT_ACTION,
        placeholder: { type: 'plain_text', text: 'Not right? Pick the type' },
        options: correctionOptions(ref, playbooks),
      },
    ],
  };
}

/** "Not enough to go on": the reason, the closest types and how to get a better answer. */
function abstainMessage(result: Classification, playbooks: PlaybookSet, note: string[]): RenderedMessage {
  const closest = result.ranked
    .slice(0, 3)
    .map((entry) => `*${escapeMrkdwn(playbooks.get(entry.type)?.name ?? entry.type)}* (${percent(entry.score)})`)
    .join(', ');
  return {
    text: 'Not enough to go on',
    blocks: [
      header('Not enough to go on'),
      section(escapeMrkdwn(result.abstain?.message ?? 'No customer type stands out.')),
      section(`Closest types: ${closest}`),
      context("Tip: paste more of the customer's message, a few full sentences in their own words work best."),
      ...note.map(context),
    ],
  };
}

/** The private answer to a classification: type, confidence, why, how to handle, and the two buttons. */
export function buildGuidanceMessage(result: Classification, playbooks: PlaybookSet, extra: GuidanceContext = {}): RenderedMessage {
  const note = [
    ...(extra.sourceNote ? [`Classified ${escapeMrkdwn(extra.sourceNote)}.`] : []),
    ...(result.truncated ? ['Only the first 4,000 characters were read.'] : []),
  ];
  const playbook = result.type === null ? undefined : playbooks.get(result.type);
  if (result.type === null || !playbook) return abstainMessage(result, playbooks, note);

  const secondary = result.secondary ? playbooks.get(result.secondary.type) : undefined;
  const why = result.cues.length > 0 ? result.cues.map(escapeMrkdwn).join(', ') : 'no single cue stands out';
  const ref: GuidanceRef = {
    ...extra.ref,
    type: playbook.id,
    confidence: Math.round(result.confidence * 100) / 100,
    ...(secondary ? { secondary: secondary.id } : {}),
  };
  return {
    text: `${escapeMrkdwn(playbook.name)} (${confidenceLabel(result.confidence)} · ${percent(result.confidence)})`,
    blocks: [
      header(`${playbook.name}  ${confidenceText(result.confidence)}`),
      section(`${escapeMrkdwn(playbook.summary)}\n*Why:* ${why}`),
      ...note.map(context),
      ...handlingBlocks(playbook),
      ...(secondary
        ? [context(`Also shows signs of *${escapeMrkdwn(secondary.name)}* (${percent(result.secondary!.score)}): \`${COMMAND} ${secondary.id}\``)]
        : []),
      ...everyCustomerWants(playbooks),
      actionBlock(ref, playbooks),
    ],
  };
}

/** What "Share in channel" posts: the guidance for the team, never the customer's words or the cues quoting them. */
export function buildSharedGuidance(ref: GuidanceRef, playbooks: PlaybookSet, sharedBy: string): RenderedMessage | undefined {
  const playbook = playbooks.get(ref.type);
  if (!playbook) return undefined;
  return {
    text: `Guidance for ${escapeMrkdwn(playbook.name)}`,
    blocks: [
      header(playbook.name),
      section(`${escapeMrkdwn(playbook.summary)}\n_Shared by <@${escapeMrkdwn(sharedBy)}> from customertype (${confidenceText(ref.confidence)})._`),
      ...handlingBlocks(playbook),
      ...everyCustomerWants(playbooks),
    ],
  };
}

/** The same answer in a modal, for where the bot cannot post: no buttons, since a modal has no message to share from. */
export function buildGuidanceModal(message: RenderedMessage): ModalView {
  return {
    type: 'modal',
    title: { type: 'plain_text', text: 'Customer type' },
    close: { type: 'plain_text', text: 'Close' },
    blocks: message.blocks.filter((block) => block.type !== 'actions'),
  };
}

/** A message with nothing in it to read: say so rather than classify nothing. */
export function buildNothingToReadMessage(): RenderedMessage {
  return {
    text: 'No text to classify',
    blocks: [
      section(
        "I couldn't find any text in that message to classify. If the ticket is an image or a file, paste the customer's words into `/customertype <message>`.",
      ),
    ],
  };
}
