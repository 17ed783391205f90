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
