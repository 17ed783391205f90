import { z } from 'zod';

export const TYPE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const MAX_MESSAGE_CHARS = 4000;
export const MIN_EXAMPLES = 10;
export const RECOMMENDED_EXAMPLES = 25;
/** Where a message came from. wechat, shop (淘宝 / 京东 shop chat) and weibo are how Chinese customers reach support. */
export const CHANNELS = ['email', 'chat', 'social', 'phone', 'ticket', 'wechat', 'shop', 'weibo'] as const;

const text = (max: number) =>
  z
    .string({
      error: (issue) =>
        issue.input === undefined
          ? 'is missing'
          : typeof issue.input === 'object' && issue.input !== null && !Array.isArray(issue.input)
            ? 'must be text, but YAML read it as a mapping: put the line in double quotes (a ": " inside it starts a key)'
            : 'must be text',
    })
    .trim()
    .min(1, { error: 'must not be empty' })
    .max(max, { error: `must be at most ${max} characters` });

const list = <T extends z.ZodType>(item: T, min: number) =>
  z
    .array(item, { error: (issue) => (issue.input === undefined ? 'is missing' : 'must be a list') })
    .min(min, { error: `needs at least ${min} ${min === 1 ? 'entry' : 'entries'}` });

const cue = z
  .string({ error: 'must be text' })
  .trim()
  .min(1, { error: 'must not be empty' })
  .max(80, { error: 'must be at most 80 characters' })
  .refine((value) => value === value.toLowerCase(), { error: 'must be lower case' })
  // Every number reads as the same token, so a cue of digits alone ("99.9") would match any number.
  .refine((value) => /[\p{L}\p{Extended_Pictographic}!?]/u.test(value), {
    error: 'must contain a word, an emoji, ! or ?: numbers alone match every number',
  });

export const exampleSchema = z.strictObject(
  {
    text: text(MAX_MESSAGE_CHARS),
    channel: z.enum(CHANNELS, { error: `must be one of ${CHANNELS.join(', ')}` }).optional(),
    also: z.string().regex(TYPE_ID, { error: 'must be a type id such as angry' }).optional(),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? `unknown field(s): ${issue.keys.join(', ')}` : 'must be an object with text') },
);

/**
 * The Chinese side of a playbook. Every field is optional so that a type can be translated a piece
 * at a time: what is missing is shown in English, and `playbooks:check` lists it.
 */
export const chineseSchema = z.strictObject(
  {
    name: text(100).optional(),
    aliases: list(text(100), 0).default([]),
    summary: text(200).optional(),
    signals: list(text(500), 1).optional(),
    cues: list(cue, 0).default([]),
    not_cues: list(cue, 0).default([]),
    actions: list(text(500), 2).optional(),
    do: list(text(500), 2).optional(),
    dont: list(text(500), 2).optional(),
    openers: list(text(500), 1).optional(),
    examples: list(exampleSchema, 0).default([]),
    quiz: z
      .strictObject(
        {
          why: text(300).optional(),
          messages: list(text(MAX_MESSAGE_CHARS), 0).default([]),
        },
        { error: (issue) => (issue.code === 'unrecognized_keys' ? `unknown field(s): ${issue.keys.join(', ')}` : 'must be a mapping with why and messages') },
      )
      .optional(),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? `unknown field(s): ${issue.keys.join(', ')}` : 'must be a mapping of fields') },
);

export const playbookSchema = z.strictObject(
  {
    id: z
      .string({ error: 'is missing' })
      .max(40, { error: 'must be at most 40 characters' })
      .regex(TYPE_ID, { error: 'must be lower-case letters, digits and dashes, e.g. bargain-hunter' }),
    name: text(100),
    aliases: list(text(100), 0).default([]),
    summary: text(200),
    sources: list(z.coerce.string(), 0).default([]),
    signals: list(text(500), 1),
    cues: list(cue, 5),
    needs_cue: z.boolean({ error: 'must be true or false' }).optional(),
    not_cues: list(cue, 0).optional(),
    actions: list(text(500), 2),
    do: list(text(500), 2),
    dont: list(text(500), 2),
    openers: list(text(500), 1),
    examples: list(exampleSchema, MIN_EXAMPLES),
    quiz: z.strictObject(
      {
        why: text(300),
        messages: list(text(MAX_MESSAGE_CHARS), 5),
      },
      { error: (issue) => (issue.code === 'unrecognized_keys' ? `unknown field(s): ${issue.keys.join(', ')}` : 'is missing: needs why and messages') },
    ),
    zh: chineseSchema.optional(),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? `unknown field(s): ${issue.keys.join(', ')}` : 'must be a mapping of fields') },
);

export const sharedSchema = z.strictObject(
  {
    every_customer_wants: list(text(300), 1),
    manager_focus: list(text(300), 0).default([]),
    zh: z
      .strictObject(
        {
          every_customer_wants: list(text(300), 1).optional(),
          manager_focus: list(text(300), 0).optional(),
        },
        { error: (issue) => (issue.code === 'unrecognized_keys' ? `unknown field(s): ${issue.keys.join(', ')}` : 'must be a mapping of fields') },
      )
      .optional(),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? `unknown field(s): ${issue.keys.join(', ')}` : 'must be a mapping of fields') },
);

export type Playbook = z.infer<typeof playbookSchema>;
export type PlaybookExample = z.infer<typeof exampleSchema>;
export type SharedGuidance = z.infer<typeof sharedSchema>;
export type ChinesePlaybook = z.infer<typeof chineseSchema>;
