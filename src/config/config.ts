import { z } from 'zod';
import { LANGS } from '../lang.js';
import { ProblemsError } from '../problems.js';
import { isCronDays, isTimeZone, TIME_OF_DAY } from '../quiz/schedule.js';

const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevelName = (typeof LOG_LEVELS)[number];

/** An unset variable and an empty one mean the same thing in a `.env` file (`.env.example` leaves them empty). */
const emptyIsUnset = (value: unknown) => (value === '' ? undefined : value);

const optional = <T extends z.ZodType>(schema: T) => z.preprocess(emptyIsUnset, schema.optional());

const required = <T extends z.ZodType>(what: string, schema: (base: z.ZodString) => T) =>
  z.preprocess(
    emptyIsUnset,
    schema(z.string({ error: (issue) => (issue.input === undefined ? `is missing: expected ${what}` : `is not valid: expected ${what}`) })),
  );

/** One line per problem, each starting with the variable's name. */
const problemLines = (issues: readonly z.core.$ZodIssue[]) => issues.map((issue) => `${String(issue.path[0] ?? 'environment')} ${issue.message}`);

/** A comma-separated list of Slack user ids; unset is an empty list. */
const userIds = optional(
  z.string().regex(/^\s*[UW][A-Z0-9]+(\s*,\s*[UW][A-Z0-9]+)*\s*$/, { error: 'is not valid: expected user ids separated by commas, e.g. U012AB3CD,U045EF6GH' }),
).transform((ids) => (ids ? ids.split(',').map((id) => id.trim()) : []));

const envSchema = z.object({
  SLACK_BOT_TOKEN: required('a bot token starting with xoxb-', (token) =>
    token.regex(/^xoxb-\S+$/, { error: 'is not valid: expected a bot token starting with xoxb- (OAuth & Permissions > Bot User OAuth Token)' }),
  ),
  SLACK_SIGNING_SECRET: optional(
    z.string().regex(/^\S{8,}$/, {
      error: 'is not valid: expected the signing secret from Basic Information > App Credentials (at least 8 characters, no spaces)',
    }),
  ),
  SLACK_APP_TOKEN: optional(
    z.string().regex(/^xapp-\S+$/, { error: 'is not valid: expected an app-level token starting with xapp- (for Socket Mode)' }),
  ),
  PORT: optional(
    z.coerce
      .number({ error: 'is not valid: expected a port number from 0 to 65535' })
      .int({ error: 'is not valid: expected a whole port number from 0 to 65535' })
      .min(0, { error: 'is not valid: expected a port number from 0 to 65535' })
      .max(65535, { error: 'is not valid: expected a port number from 0 to 65535' }),
  ).transform((port) => port ?? 3000),
  SLACK_API_URL: optional(
    z
      .url({ protocol: /^https?$/, error: 'is not valid: expected an http(s) URL such as https://slack.com/api/' })
      .transform((url) => (url.endsWith('/') ? url : `${url}/`)),
  ),
  DATABASE_PATH: optional(z.string()).transform((path) => path ?? './data/customertype.db'),
  PLAYBOOKS_DIR: optional(z.string()),
  QUIZ_CHANNEL: optional(z.string().regex(/^[CG][A-Z0-9]{6,}$/, { error: 'is not valid: expected a channel id such as C0123456789' })),
  QUIZ_TIME: optional(z.string().regex(TIME_OF_DAY, { error: 'is not valid: expected a time HH:mm such as 09:30' })).transform(
    (time) => time ?? '09:30',
  ),
  QUIZ_TZ: optional(z.string().refine(isTimeZone, { error: 'is not valid: expected an IANA time zone such as Europe/London' })).transform(
    (zone) => zone ?? 'UTC',
  ),
  QUIZ_DAYS: optional(z.string().refine(isCronDays, { error: 'is not valid: expected cron days such as 1-5 (weekdays), * or 1,3,5' })).transform(
    (days) => days ?? '1-5',
  ),
  QUIZ_ADMINS: userIds,
  /** Who sees the team's insights, exports and team examples; unset falls back to QUIZ_ADMINS. */
  LEADS: userIds,
  DEFAULT_LANGUAGE: optional(z.enum(LANGS, { error: 'is not valid: expected en (English) or zh (Chinese)' })).transform(
    (lang) => lang ?? 'en',
  ),
  LOG_LEVEL: optional(
    z.enum(LOG_LEVELS, { error: `is not valid: expected one of ${LOG_LEVELS.join(', ')}` }),
  ).transform((level) => level ?? 'info'),
});

export type Config = z.infer<typeof envSchema> & { socketMode: boolean };

export class ConfigError extends ProblemsError {
  constructor(problems: string[]) {
    super(problems, 'See "Configuration" in README.md.');
  }
}

/** Parses the environment once; every problem is reported at the same time, one line each. */
export function parseConfig(env: NodeJS.ProcessEnv): Config {
  const result = envSchema.safeParse(env);
  const problems = result.success ? [] : problemLines(result.error.issues);
  // Socket Mode connections are authenticated by the app token; only HTTP mode checks signatures.
  if (!env.SLACK_APP_TOKEN && !env.SLACK_SIGNING_SECRET) {
    problems.push(
      'SLACK_SIGNING_SECRET is missing: expected the signing secret from Basic Information > App Credentials (required unless SLACK_APP_TOKEN is set)',
    );
  }
  if (!result.success || problems.length > 0) throw new ConfigError(problems);
  return { ...result.data, socketMode: result.data.SLACK_APP_TOKEN !== undefined };
}

/**
 * The part of the configuration the command line needs: it runs without Slack tokens, but must read
 * the same playbook folder the bot does.
 */
export function parseCliConfig(env: NodeJS.ProcessEnv): Pick<Config, 'PLAYBOOKS_DIR'> {
  const result = envSchema.pick({ PLAYBOOKS_DIR: true }).safeParse(env);
  if (!result.success) throw new ConfigError(problemLines(result.error.issues));
  return result.data;
}
