import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/config/config.js';
import { problemsOf } from '../helpers/problems.js';

const valid = { SLACK_BOT_TOKEN: 'xoxb-123-abc', SLACK_SIGNING_SECRET: '0123456789abcdef' };

const problemsFor = (env: Record<string, string>) => problemsOf(() => parseConfig(env), ConfigError);

describe('parseConfig', () => {
  it('applies defaults and picks HTTP mode without an app token', () => {
    const config = parseConfig(valid);
    expect(config).toMatchObject({ PORT: 3000, DATABASE_PATH: './data/customertype.db', LOG_LEVEL: 'info', socketMode: false });
    expect(config.SLACK_API_URL).toBeUndefined();
  });

  it('picks Socket Mode with an app token, and then needs no signing secret', () => {
    const config = parseConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1-abc' });
    expect(config.socketMode).toBe(true);
  });

  it('treats empty values as unset, as a copied .env.example leaves them', () => {
    const config = parseConfig({ ...valid, PORT: '', SLACK_APP_TOKEN: '', LOG_LEVEL: '', SLACK_API_URL: '' });
    expect(config).toMatchObject({ PORT: 3000, socketMode: false, LOG_LEVEL: 'info' });
  });

  it('reads a PostgreSQL DATABASE_URL, and refuses anything else or one set beside DATABASE_PATH', () => {
    expect(parseConfig({ ...valid, DATABASE_URL: 'postgres://bot:secret@db.internal:5432/customertype' }).DATABASE_URL).toBe('postgres://bot:secret@db.internal:5432/customertype');
    expect(parseConfig({ ...valid, DATABASE_URL: 'postgresql://db/customertype' }).DATABASE_URL).toBe('postgresql://db/customertype');
    for (const wrong of ['mysql://db/customertype', 'postgres://db', 'customertype.db', 'postgres://']) {
      expect(problemsFor({ ...valid, DATABASE_URL: wrong })).toEqual([expect.stringMatching(/^DATABASE_URL is not valid: expected a PostgreSQL URL such as postgres:\/\//)]);
    }
    expect(problemsFor({ ...valid, DATABASE_URL: 'postgres://db/customertype', DATABASE_PATH: './data/bot.db' })).toEqual([
      expect.stringMatching(/^DATABASE_PATH cannot be set together with DATABASE_URL: /),
    ]);
  });

  it('normalises SLACK_API_URL to end with a slash, as the Web API client needs', () => {
    expect(parseConfig({ ...valid, SLACK_API_URL: 'http://127.0.0.1:9999/api' }).SLACK_API_URL).toBe('http://127.0.0.1:9999/api/');
  });

  it('reads LEADS as a list of user ids and names it when one is malformed', () => {
    expect(parseConfig({ ...valid, LEADS: 'U012AB3CD, U045EF6GH' }).LEADS).toEqual(['U012AB3CD', 'U045EF6GH']);
    expect(parseConfig(valid).LEADS).toEqual([]);
    expect(problemsFor({ ...valid, LEADS: 'alice' })).toEqual([expect.stringMatching(/^LEADS is not valid: expected user ids separated by commas/)]);
  });

  it.each([
    ['nothing is set', {}],
    ['a copied .env.example leaves them empty', { SLACK_BOT_TOKEN: '', SLACK_SIGNING_SECRET: '' }],
  ])('names both required variables as missing when %s', (_case, env: Record<string, string>) => {
    expect(problemsFor(env)).toEqual([
      expect.stringMatching(/^SLACK_BOT_TOKEN is missing: expected a bot token starting with xoxb-/),
      expect.stringMatching(/^SLACK_SIGNING_SECRET is missing: .*required unless SLACK_APP_TOKEN is set/),
    ]);
  });

  it.each([
    ['SLACK_BOT_TOKEN', 'xoxp-user-token', /^SLACK_BOT_TOKEN is not valid: expected a bot token starting with xoxb-/],
    ['SLACK_SIGNING_SECRET', 'short', /^SLACK_SIGNING_SECRET is not valid: expected the signing secret/],
    ['SLACK_APP_TOKEN', 'xoxb-wrong-kind', /^SLACK_APP_TOKEN is not valid: expected an app-level token starting with xapp-/],
    ['PORT', 'eighty', /^PORT is not valid: expected a port number from 0 to 65535/],
    ['PORT', '70000', /^PORT is not valid: expected a port number from 0 to 65535/],
    ['PORT', '80.5', /^PORT is not valid: expected a whole port number/],
    ['SLACK_API_URL', 'not a url', /^SLACK_API_URL is not valid: expected an http\(s\) URL/],
    ['SLACK_API_URL', 'ftp://example.com/api/', /^SLACK_API_URL is not valid: expected an http\(s\) URL/],
    ['LOG_LEVEL', 'verbose', /^LOG_LEVEL is not valid: expected one of debug, info, warn, error/],
    ['QUIZ_DAYS', 'mon-fri', /^QUIZ_DAYS is not valid: expected cron days/],
    ['QUIZ_DAYS', '5-1', /^QUIZ_DAYS is not valid: expected cron days/],
  ])('rejects a malformed %s (%s) with one line naming it', (name, value, message) => {
    const problems = problemsFor({ ...valid, [name]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });

  it('reports every problem at once, one line each', () => {
    const problems = problemsFor({ SLACK_BOT_TOKEN: 'nope', PORT: '-1', LOG_LEVEL: 'loud' });
    expect(problems.map((line) => line.split(' ')[0])).toEqual(['SLACK_BOT_TOKEN', 'PORT', 'LOG_LEVEL', 'SLACK_SIGNING_SECRET']);
    for (const line of problems) expect(line).not.toContain('\n');
  });
});

describe('parseConfig for installs through Slack OAuth', () => {
  const key = Buffer.alloc(32, 7).toString('base64');
  const oauth = {
    SLACK_SIGNING_SECRET: '0123456789abcdef',
    SLACK_CLIENT_ID: '1234567890.0987654321',
    SLACK_CLIENT_SECRET: 'client-secret-abc',
    SLACK_STATE_SECRET: 'a-state-secret-of-some-length',
    TOKEN_ENCRYPTION_KEY: key,
  };

  it('reads the OAuth variables into one place and needs no bot token', () => {
    const config = parseConfig(oauth);
    expect(config.SLACK_BOT_TOKEN).toBeUndefined();
    expect(config.oauth).toEqual({ clientId: oauth.SLACK_CLIENT_ID, clientSecret: oauth.SLACK_CLIENT_SECRET, stateSecret: oauth.SLACK_STATE_SECRET, encryptionKey: key, previousEncryptionKey: undefined });
    expect(config.DATA_RETENTION_DAYS).toBe(30);
  });

  it('keeps a single-token install as it was: no OAuth, nothing new required', () => {
    expect(parseConfig(valid)).toMatchObject({ SLACK_BOT_TOKEN: 'xoxb-123-abc', oauth: undefined, DATA_RETENTION_DAYS: 30 });
  });

  it('reads DATA_RETENTION_DAYS and a previous key for rotation', () => {
    const previous = Buffer.alloc(32, 9).toString('base64');
    const config = parseConfig({ ...oauth, DATA_RETENTION_DAYS: '7', TOKEN_ENCRYPTION_KEY_PREVIOUS: previous });
    expect(config.DATA_RETENTION_DAYS).toBe(7);
    expect(config.oauth?.previousEncryptionKey).toBe(previous);
  });

  it('refuses a bot token together with OAuth variables, in one line naming both', () => {
    expect(problemsFor({ ...oauth, SLACK_BOT_TOKEN: 'xoxb-1-abc' })).toEqual([
      expect.stringMatching(/^SLACK_BOT_TOKEN cannot be set together with SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET: /),
    ]);
  });

  it('names each missing OAuth variable when only some are set', () => {
    const { SLACK_STATE_SECRET: _state, SLACK_CLIENT_SECRET: _secret, ...half } = oauth;
    expect(problemsFor(half)).toEqual([
      expect.stringMatching(/^SLACK_CLIENT_SECRET is missing: installing through Slack OAuth needs .*\(SLACK_CLIENT_ID is set\)/),
      expect.stringMatching(/^SLACK_STATE_SECRET is missing: /),
    ]);
  });

  it('refuses OAuth in Socket Mode', () => {
    expect(problemsFor({ ...oauth, SLACK_APP_TOKEN: 'xapp-1-abc' })).toEqual([expect.stringMatching(/^SLACK_APP_TOKEN cannot be used with Slack OAuth: .*HTTP mode/)]);
  });

  it('refuses QUIZ_CHANNEL with OAuth: it would not say which workspace it belongs to', () => {
    expect(problemsFor({ ...oauth, QUIZ_CHANNEL: 'C0123456789' })).toEqual([expect.stringMatching(/^QUIZ_CHANNEL cannot be used with Slack OAuth/)]);
  });

  it('names a missing encryption key', () => {
    const { TOKEN_ENCRYPTION_KEY: _key, ...withoutKey } = oauth;
    expect(problemsFor(withoutKey)).toEqual([expect.stringMatching(/^TOKEN_ENCRYPTION_KEY is missing: expected 32 random bytes in base64/)]);
  });

  it.each([
    ['too short', Buffer.alloc(16, 1).toString('base64')],
    ['too long', Buffer.alloc(48, 1).toString('base64')],
    ['not base64', '!'.repeat(43) + '='],
    ['hex instead of base64', 'ab'.repeat(32)],
    ['with spaces', ` ${key}`],
  ])('rejects a key that is %s, in one line that does not repeat it', (_case, value) => {
    const problems = problemsFor({ ...oauth, TOKEN_ENCRYPTION_KEY: value });
    expect(problems).toEqual([expect.stringMatching(/^TOKEN_ENCRYPTION_KEY is not valid: expected 32 random bytes in base64/)]);
    expect(problems[0]).not.toContain(value.trim());
  });

  it.each([
    ['SLACK_CLIENT_ID', 'not-a-client-id', /^SLACK_CLIENT_ID is not valid/],
    ['SLACK_STATE_SECRET', 'short', /^SLACK_STATE_SECRET is not valid: expected a random string of at least 16 characters/],
    ['DATA_RETENTION_DAYS', '-1', /^DATA_RETENTION_DAYS is not valid/],
    ['DATA_RETENTION_DAYS', 'a month', /^DATA_RETENTION_DAYS is not valid/],
    ['TOKEN_ENCRYPTION_KEY_PREVIOUS', 'nope', /^TOKEN_ENCRYPTION_KEY_PREVIOUS is not valid/],
  ])('rejects a malformed %s (%s) with one line naming it', (name, value, message) => {
    const problems = problemsFor({ ...oauth, [name]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });
});
