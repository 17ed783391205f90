import type { ActionsBlock, KnownBlock, ModalView } from '@slack/types';
import { z } from 'zod';
import { parseJsonValue } from '../json-value.js';
import type { Classification } from '../../classifier/classifier.js';
import { confidenceLabel } from '../../classifier/confidence.js';
import { en, type Catalogue } from '../../i18n/index.js';
import type { NotedSource } from '../../i18n/en.js';
import type { Escaped } from '../../i18n/escaped.js';
import { LANGS, type Lang } from '../../lang.js';
import { everyCustomerWants, openersIn, playbookText, typeName } from '../../playbooks/localize.js';
import type { PlaybookSet } from '../../playbooks/playbook-set.js';
import type { Playbook } from '../../playbooks/schema.js';
import { escapeMrkdwn, mentionUser, truncate, truncateMrkdwn } from './mrkdwn.js';
import { built, context, header, joinEscaped, LIMITS, list, section } from './text.js';
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
  /** The customer's language when it is not English, so a shared post offers the opener in it too. */
  lang: z.enum(LANGS).optional(),
  /** Names the (redacted) text held in memory for a few minutes, so "Not right?" can offer to teach it. */
  teachKey: z.string().min(1).max(24).optional(),
});
export type GuidanceRef = z.infer<typeof guidanceRefSchema>;

/** An option value may be at most 150 characters, so a correction carries short keys and only what it stores. */
const correctionSchema = z.object({
  c: z.number().int().positive().optional(),
  t: z.string().min(1).max(100),
  p: z.number().min(0).max(1),
  x: z.string().min(1).max(100),
  k: z.string().min(1).max(24).optional(),
});
type CorrectionValue = z.infer<typeof correctionSchema>;
export interface CorrectionChoice {
  classificationId: number | undefined;
  predicted: string;
  confidence: number;
  corrected: string;
  teachKey: string | undefined;
}

/** A button's value as we wrote it, or undefined if it was tampered with or is from another version. */
export const parseGuidanceRef = (value: unknown) => parseJsonValue(guidanceRefSchema, value);
export function parseCorrectionChoice(value: unknown): CorrectionChoice | undefined {
  const parsed = parseJsonValue(correctionSchema, value);
  return parsed && { classificationId: parsed.c, predicted: parsed.t, confidence: parsed.p, corrected: parsed.x, teachKey: parsed.k };
}

function correctionValue(ref: GuidanceRef, corrected: string): string {
  const value: CorrectionValue = {
    ...(ref.classificationId ? { c: ref.classificationId } : {}),
    t: ref.type,
    p: ref.confidence,
    ...(ref.teachKey ? { k: ref.teachKey } : {}),
    x: corrected,
  };
  return JSON.stringify(value);
}

type OptionName = { id: string; text: { type: 'plain_text'; text: string } };

/** The select's options differ only in the corrected type: the shared part is serialised once. */
function correctionOptions(ref: GuidanceRef, playbooks: PlaybookSet, t: Catalogue) {
  const shared = correctionValue(ref, '').slice(0, -'"x":""}'.length);
  const names = memo(optionNames, playbooks, t.lang, (set) =>
    set.all
      .slice(0, 100)
      .map((playbook) => ({ id: JSON.stringify(playbook.id), text: { type: 'plain_text' as const, text: truncate(playbookText(playbook, t.lang).name, LIMITS.option) } })),
  );
  return names.map(({ id, text }) => ({ text, value: `${shared}"x":${id}}` }));
}

export interface GuidanceContext {
  /** Where the text came from when that is worth saying, e.g. "the forwarded message" (English only). */
  sourceNote?: string | undefined;
  /** Where the text came from when that is worth saying, said in the agent's language. */
  source?: NotedSource | undefined;
  ref?: Omit<GuidanceRef, 'type' | 'confidence' | 'secondary' | 'lang'>;
}

const BAR_SEGMENTS = 5;

export function confidenceBar(confidence: number): string {
  const filled = Math.max(0, Math.min(BAR_SEGMENTS, Math.round(confidence * BAR_SEGMENTS)));
  return `${'▰'.repeat(filled)}${'▱'.repeat(BAR_SEGMENTS - filled)}`;
}

export function confidenceText(confidence: number, t: Catalogue = en): string {
  return `${confidenceBar(confidence)} ${t.confidence[confidenceLabel(confidence)]} · ${t.format.percent(confidence)}`;
}

// Playbooks do not change while the app runs, so their blocks are built once per language and
// shared by every answer: a burst of commands then allocates only what differs per message.
const wantsBlocks = new WeakMap<PlaybookSet, Map<string, KnownBlock[]>>();
const handlingBlocksOf = new WeakMap<Playbook, Map<string, KnownBlock[]>>();
const optionNames = new WeakMap<PlaybookSet, Map<string, OptionName[]>>();

function memo<K extends object, V>(cache: WeakMap<K, Map<string, V>>, key: K, variant: string, build: (key: K) => V): V {
  let variants = cache.get(key);
  if (!variants) cache.set(key, (variants = new Map()));
  let value = variants.get(variant);
  if (value === undefined) variants.set(variant, (value = build(key)));
  return value;
}

function everyCustomerWantsBlocks(playbooks: PlaybookSet, t: Catalogue): KnownBlock[] {
  return memo(wantsBlocks, playbooks, t.lang, () => {
    const wants = everyCustomerWants(playbooks.shared, t.lang);
    if (wants.length === 0) return [];
    return [context(t.guidance.everyCustomerWants(joinEscaped(wants.map((want) => escapeMrkdwn(t.format.clause(want))), t.guidance.wantsSeparator)))];
  });
}

/**
 * The handling part of a playbook, shared by the private answer, the shared post and the playbook
 * view, in the agent's language. The opening line is in the customer's language when the playbook
 * has one (the agent pastes it to the customer), and says so when that differs from the agent's.
 */
export function handlingBlocks(playbook: Playbook, t: Catalogue = en, customerLang?: Lang): KnownBlock[] {
  return memo(handlingBlocksOf, playbook, `${t.lang}:${customerLang ?? ''}`, () => buildHandlingBlocks(playbook, t, customerLang));
}

function openerNote(t: Catalogue, customerLang: Lang | undefined, openerLang: Lang): string | undefined {
  if (customerLang === undefined) return undefined;
  if (openerLang !== customerLang) return t.handling.openerNotInCustomerLanguage(t.languageNames[customerLang], t.languageNames[openerLang]);
  if (customerLang !== t.lang) return t.handling.openerInCustomerLanguage(t.languageNames[customerLang]);
  return undefined;
}

function buildHandlingBlocks(playbook: Playbook, t: Catalogue, customerLang: Lang | undefined): KnownBlock[] {
  const text = playbookText(playbook, t.lang);
  const { openers, lang: openerLang } = openersIn(playbook, customerLang ?? t.lang);
  const opener = openers[0];
  const note = openerNote(t, customerLang, openerLang);
  return [
    section(list(t.handling.actions, text.actions, true)),
    {
      type: 'section',
      fields: [
        { type: 'mrkdwn', text: truncateMrkdwn(list(t.handling.do, text.do), LIMITS.field) },
        { type: 'mrkdwn', text: truncateMrkdwn(list(t.handling.dont, text.dont), LIMITS.field) },
      ],
    },
    ...(opener ? [section(`*${t.handling.opener}*\n${note ? `${note}\n` : ''}>${escapeMrkdwn(opener).replace(/\n/g, '\n>')}`)] : []),
  ];
}

/** Said to a Chinese-reading agent about a type that has no Chinese text yet. */
export function notTranslatedNote(playbook: Playbook, t: Catalogue): KnownBlock[] {
  return t.lang !== 'en' && playbookText(playbook, t.lang).lang !== t.lang ? [context(t.handling.notTranslated)] : [];
}

function actionBlock(ref: GuidanceRef, playbooks: PlaybookSet, t: Catalogue): ActionsBlock {
  // Sharing has nothing to teach: only the correction options carry the key.
  const value = JSON.stringify({ ...ref, teachKey: undefined });
  return {
    type: 'actions',
    block_id: 'guidance_actions',
    elements: [
      { type: 'button', action_id: SHARE_ACTION, text: { type: 'plain_text', text: t.guidance.share }, value },
      {
        type: 'static_select',
        action_id: CORRECT_ACTION,
        placeholder: { type: 'plain_text', text: t.guidance.correct },
        options: correctionOptions(ref, playbooks, t),
      },
    ],
  };
}

/** The reason for abstaining, from its code, in the agent's language. */
function abstainReason(result: Classification, t: Catalogue): string {
  const reason = result.abstain?.reason;
  return (reason && t.abstain.reasons[reason]) || t.abstain.reasons.unsure;
}

const displayName = (playbooks: PlaybookSet, id: string, t: Catalogue) => escapeMrkdwn(typeName(playbooks, id, t.lang));

/** "Not enough to go on": the reason, the closest types and how to get a better answer. */
function abstainMessage(result: Classification, playbooks: PlaybookSet, note: string[], t: Catalogue): RenderedMessage {
  const closest = result.ranked
    .slice(0, 3)
    .map((entry) => built(t.abstain.closestType(displayName(playbooks, entry.type, t), t.format.percent(entry.score))));
  return {
    text: t.abstain.title,
    blocks: [
      header(t.abstain.title),
      section(abstainReason(result, t)),
      section(t.abstain.closest(joinEscaped(closest, t.format.listSeparator))),
      context(t.abstain.tip),
      ...note.map(context),
    ],
  };
}

/** A cue as the agent reads it: the customer's words quoted the agent's way, the classifier's own words translated. */
function cueText(cue: string, t: Catalogue): Escaped {
  const quoted = /^"(.*)"$/s.exec(cue);
  if (quoted) return built(t.format.quote(escapeMrkdwn(quoted[1]!)));
  return escapeMrkdwn(t.guidance.styleCues[cue] ?? cue);
}

function sourceNotes(extra: GuidanceContext, result: Classification, t: Catalogue): string[] {
  return [
    ...(extra.source ? [t.guidance.sources[extra.source]] : extra.sourceNote ? [t.guidance.classifiedFrom(escapeMrkdwn(extra.sourceNote))] : []),
    ...(result.truncated ? [t.guidance.truncated(t.format.number(4000))] : []),
  ];
}

/**
 * The private answer to a classification: type, confidence, why, how to handle, and the two
 * buttons, in the agent's language `t`; the opening line in the customer's.
 */
export function buildGuidanceMessage(result: Classification, playbooks: PlaybookSet, extra: GuidanceContext = {}, t: Catalogue = en): RenderedMessage {
  const note = sourceNotes(extra, result, t);
  const playbook = result.type === null ? undefined : playbooks.get(result.type);
  if (result.type === null || !playbook) return abstainMessage(result, playbooks, note, t);

  const text = playbookText(playbook, t.lang);
  const secondary = result.secondary ? playbooks.get(result.secondary.type) : undefined;
  const why = result.cues.length > 0 ? joinEscaped(result.cues.map((cue) => cueText(cue, t)), t.format.listSeparator) : escapeMrkdwn(t.guidance.noCue);
  const ref: GuidanceRef = {
    ...extra.ref,
    type: playbook.id,
    confidence: Math.round(result.confidence * 100) / 100,
    ...(secondary ? { secondary: secondary.id } : {}),
    ...(result.lang !== 'en' ? { lang: result.lang } : {}),
  };
  const percent = t.format.percent(result.confidence);
  return {
    text: t.guidance.fallback(escapeMrkdwn(text.name), t.confidence[confidenceLabel(result.confidence)], percent),
    blocks: [
      header(`${text.name}  ${confidenceText(result.confidence, t)}`),
      section(`${escapeMrkdwn(text.summary)}\n${t.guidance.why(why)}`),
      ...notTranslatedNote(playbook, t),
      ...note.map(context),
      ...handlingBlocks(playbook, t, result.lang),
      ...(secondary
        ? [context(t.guidance.alsoShows(escapeMrkdwn(playbookText(secondary, t.lang).name), t.format.percent(result.secondary!.score), secondary.id))]
        : []),
      ...everyCustomerWantsBlocks(playbooks, t),
      actionBlock(ref, playbooks, t),
    ],
  };
}

/** What "Share in channel" posts: the guidance for the team, never the customer's words or the cues quoting them. */
export function buildSharedGuidance(ref: GuidanceRef, playbooks: PlaybookSet, sharedBy: string, t: Catalogue = en): RenderedMessage | undefined {
  const playbook = playbooks.get(ref.type);
  if (!playbook) return undefined;
  const text = playbookText(playbook, t.lang);
  return {
    text: t.guidance.sharedFallback(escapeMrkdwn(text.name)),
    blocks: [
      header(text.name),
      section(`${escapeMrkdwn(text.summary)}\n${t.guidance.sharedBy(mentionUser(sharedBy), confidenceText(ref.confidence, t))}`),
      ...notTranslatedNote(playbook, t),
      ...handlingBlocks(playbook, t, ref.lang),
      ...everyCustomerWantsBlocks(playbooks, t),
    ],
  };
}

/** The same answer in a modal, for where the bot cannot post: no buttons, since a modal has no message to share from. */
export function buildGuidanceModal(message: RenderedMessage, t: Catalogue = en): ModalView {
  return {
    type: 'modal',
    title: { type: 'plain_text', text: truncate(t.guidance.modalTitle, 24) },
    close: { type: 'plain_text', text: truncate(t.guidance.modalClose, 24) },
    blocks: message.blocks.filter((block) => block.type !== 'actions'),
  };
}

/** A message with nothing in it to read: say so rather than classify nothing. */
export function buildNothingToReadMessage(t: Catalogue = en): RenderedMessage {
  return { text: t.guidance.nothingFallback, blocks: [section(t.guidance.nothing)] };
}
