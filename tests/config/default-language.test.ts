import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/config/config.js';
import { problemsOf } from '../helpers/problems.js';

const base = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'secret-0123456789' };

describe('DEFAULT_LANGUAGE', () => {
  it('is English unless set, and may be Chinese', () => {
    expect(parseConfig(base).DEFAULT_LANGUAGE).toBe('en');
    expect(parseConfig({ ...base, DEFAULT_LANGUAGE: '' }).DEFAULT_LANGUAGE).toBe('en');
    expect(parseConfig({ ...base, DEFAULT_LANGUAGE: 'zh' }).DEFAULT_LANGUAGE).toBe('zh');
  });

  it.each(['chinese', 'zh-CN', 'ZH', 'fr'])('refuses %j in one line that names it', (value) => {
    expect(problemsOf(() => parseConfig({ ...base, DEFAULT_LANGUAGE: value }), ConfigError)).toEqual([
      'DEFAULT_LANGUAGE is not valid: expected en (English) or zh (Chinese)',
    ]);
  });
});
