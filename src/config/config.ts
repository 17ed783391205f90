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

/** A whole number from `min` to `max`; anything else gets `error` (a fraction gets `notWhole` when given). */
const wholeNumber = (min: number, max: number, error: string, notWhole = error) =>
  z.coerce.number({ error }).int({ error: notWhole }).min(min, { error }).max(max, { error });

const BOT_TOKEN = z.string().regex(/^xoxb-\S+$/, { error: 'is not valid: expected a bot token starting with xoxb- (OAuth & Permissions > Bot User OAuth Token)' });

/** `openssl rand -base64 32`: exactly 32 bytes once decoded, nothing else. */
function isPostgresUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'postgres:' || url.protocol === 'postgresql:') && url.hostname !== '' && url.pathname.length > 1;
  } catch {
    return false;
  }
}

const isBase64Key = (value: string) => /^[A-Za-z0-9+/]{43}=$/.test(value) && Buffer.from(value, 'base64').length === 32;
const encryptionKey = optional(
  z.string().refine(isBase64Key, { error: 'is not valid: expected 32 random bytes in base64, as `openssl rand -base64 32` prints them' }),
);

/** The variables of an install through Slack OAuth; all of them or none. */
export const OAUTH_VARIABLES = ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'] as const;

const envSchema = z.object({
  // Required unless the app is installed through Slack OAuth; checked below, where both are known.
  SLACK_BOT_TOKEN: optional(BOT_TOKEN),
  SLACK_CLIENT_ID: optional(z.string().regex(/^\d+\.\d+$/, { error: 'is not valid: expected the client id from Basic Information > App Credentials, such as 1234567890.1234567890' })),
  SLACK_CLIENT_SECRET: optional(z.string().regex(/^\S{8,}$/, { error: 'is not valid: expected the client secret from Basic Information > App Credentials (no spaces)' })),
  SLACK_STATE_SECRET: optional(z.string().regex(/^\S{16,}$/, { error: 'is not valid: expected a random string of at least 16 characters, such as `openssl rand -hex 16` prints' })),
  TOKEN_ENCRYPTION_KEY: encryptionKey,
  /** The key tokens were encrypted with before TOKEN_ENCRYPTION_KEY: read with it and encrypted again at start-up. */
  TOKEN_ENCRYPTION_KEY_PREVIOUS: encryptionKey,
  DATA_RETENTION_DAYS: optional(wholeNumber(0, 3650, 'is not valid: expected a whole number of days from 0 to 3650')).transform((days) => days ?? 30),
  SLACK_SIGNING_SECRET: optional(
    z.string().regex(/^\S{8,}$/, {
      error: 'is not valid: expected the signing secret from Basic Information > App Credentials (at least 8 characters, no spaces)',
    }),
  ),
  SLACK_APP_TOKEN: optional(
    z.string().regex(/^xapp-\S+$/, { error: 'is not valid: expected an app-level token starting with xapp- (for Socket Mode)' }),
  ),
  PORT: optional(wholeNumber(0, 65535, 'is not valid: expected a port number from 0 to 65535', 'is not valid: expected a whole port number from 0 to 65535')).transform((port) => port ?? 3000),
  SLACK_API_URL: optional(
    z
      .url({ protocol: /^https?$/, error: 'is not valid: expected an http(s) URL such as https://slack.com/api/' })
      .transform((url) => (url.endsWith('/') ? url : `${url}/`)),
  ),
  DATABASE_PATH: optional(z.string()).transform((path) => path ?? './data/customertype.db'),
  /** PostgreSQL, which several instances can share; unset keeps the embedded SQLite file at DATABASE_PATH. */
  DATABASE_URL: optional(
    z.string().refine(isPostgresUrl, { error: 'is not valid: expected a PostgreSQL URL such as postgres://user:password@host:5432/customertype' }),
  ),
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

type ParsedEnv = z.infer<typeof envSchema>;

/** The app's Slack credentials for an install through Slack OAuth (many workspaces). */
export interface OAuthConfig {
  clientId: string;
  clientSecret: string;
  stateSecret: string;
  encryptionKey: string;
  previousEncryptionKey: string | undefined;
}

/**
 * One of two ways in: a single workspace's bot token (`SLACK_BOT_TOKEN`), or Slack OAuth, where
 * each workspace that installs the app gets its own token (`oauth` is set, SLACK_BOT_TOKEN is not).
 */
export type Config = ParsedEnv & { socketMode: boolean } & (
    | { SLACK_BOT_TOKEN: string; oauth: undefined }
    | { SLACK_BOT_TOKEN: undefined; oauth: OAuthConfig }
  );

export class ConfigError extends ProblemsError {
  constructor(problems: string[]) {
    super(problems, 'See "Configuration" in README.md.');
  }
}

/** Parses the environment once; every problem is reported at the same time, one line each. */
export function parseConfig(env: NodeJS.ProcessEnv): Config {
  const result = envSchema.safeParse(env);
  // Which way in comes first: it names SLACK_BOT_TOKEN when nothing at all is set.
  const problems = [...installProblems(env), ...(result.success ? [] : problemLines(result.error.issues))];
  // Socket Mode connections are authenticated by the app token; only HTTP mode checks signatures.
  if (!env.SLACK_APP_TOKEN && !env.SLACK_SIGNING_SECRET) {
    problems.push(
      'SLACK_SIGNING_SECRET is missing: expected the signing secret from Basic Information > App Credentials (required unless SLACK_APP_TOKEN is set)',
    );
  }
  if (isSet(env, 'DATABASE_URL') && isSet(env, 'DATABASE_PATH')) {
    problems.push('DATABASE_PATH cannot be set together with DATABASE_URL: the bot keeps its data in PostgreSQL (DATABASE_URL) or in a SQLite file (DATABASE_PATH), not both');
  }
  if (!result.success || problems.length > 0) throw new ConfigError(problems);
  const data = result.data;
  const socketMode = data.SLACK_APP_TOKEN !== undefined;
  if (data.SLACK_BOT_TOKEN !== undefined) return { ...data, socketMode, SLACK_BOT_TOKEN: data.SLACK_BOT_TOKEN, oauth: undefined };
  const oauth: OAuthConfig = {
    clientId: data.SLACK_CLIENT_ID!,
    clientSecret: data.SLACK_CLIENT_SECRET!,
    stateSecret: data.SLACK_STATE_SECRET!,
    encryptionKey: data.TOKEN_ENCRYPTION_KEY!,
    previousEncryptionKey: data.TOKEN_ENCRYPTION_KEY_PREVIOUS,
  };
  return { ...data, socketMode, SLACK_BOT_TOKEN: undefined, oauth };
}

const isSet = (env: NodeJS.ProcessEnv, name: string) => emptyIsUnset(env[name]) !== undefined;

/** Which way in the environment asks for, and what is missing or in conflict: one line each. */
function installProblems(env: NodeJS.ProcessEnv): string[] {
  const oauthSet = OAUTH_VARIABLES.filter((name) => isSet(env, name));
  const botToken = isSet(env, 'SLACK_BOT_TOKEN');
  if (oauthSet.length === 0) {
    return botToken
      ? []
      : ['SLACK_BOT_TOKEN is missing: expected a bot token starting with xoxb- (or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET to install through Slack OAuth)'];
  }
  if (botToken) {
    return [`SLACK_BOT_TOKEN cannot be set together with ${oauthSet.join(', ')}: set the bot token for one workspace, or the OAuth variables to install in many, not both`];
  }
  const problems = OAUTH_VARIABLES.filter((name) => !isSet(env, name)).map(
    (name) => `${name} is missing: installing through Slack OAuth needs ${OAUTH_VARIABLES.join(', ')} (${oauthSet.join(', ')} ${oauthSet.length === 1 ? 'is' : 'are'} set)`,
  );
  if (isSet(env, 'SLACK_APP_TOKEN')) {
    problems.push('SLACK_APP_TOKEN cannot be used with Slack OAuth: installs arrive at GET /slack/oauth_redirect, which needs HTTP mode; leave SLACK_APP_TOKEN empty');
  }
  if (!isSet(env, 'TOKEN_ENCRYPTION_KEY')) {
    problems.push('TOKEN_ENCRYPTION_KEY is missing: expected 32 random bytes in base64, as `openssl rand -base64 32` prints them (installed tokens are encrypted with it)');
  }
  if (isSet(env, 'QUIZ_CHANNEL')) {
    problems.push('QUIZ_CHANNEL cannot be used with Slack OAuth: it names one workspace\'s channel; each workspace sets up its quiz with /customertype quiz setup');
  }
  return problems;
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
