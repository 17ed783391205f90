import { expect } from 'vitest';
import type { BootedApp } from './boot.js';
import type { FakeInstall } from './fake-slack.js';
import { directMessageEvent } from './payloads.js';

export const OAUTH_ENV = {
  SLACK_BOT_TOKEN: '',
  SLACK_CLIENT_ID: '1111111111.2222222222',
  SLACK_CLIENT_SECRET: 'fake-client-secret',
  SLACK_STATE_SECRET: 'fake-state-secret-0123456789',
  TOKEN_ENCRYPTION_KEY: Buffer.alloc(32, 5).toString('base64'),
};

/** Goes through the install as a browser would: the install page (its state cookie), then Slack's redirect back with a code. */
export async function installThroughOAuth(booted: BootedApp, code: string, install: FakeInstall): Promise<Response> {
  booted.slack.addInstall(code, install);
  const page = await fetch(`${booted.baseUrl}/slack/install`);
  expect(page.status).toBe(200);
  const cookie = page.headers.get('set-cookie')!.split(';')[0]!;
  const href = /href="([^"]+)"/.exec(await page.text())![1]!.replace(/&amp;/g, '&');
  const state = new URL(href).searchParams.get('state')!;
  return fetch(`${booted.baseUrl}/slack/oauth_redirect?code=${code}&state=${encodeURIComponent(state)}`, { headers: { cookie } });
}

/** A DM to the bot from an agent of `teamId`, signed as Slack signs it. */
export function directMessageFrom(teamId: string, text: string, user = 'U0AGENT'): string {
  return JSON.stringify(directMessageEvent(text, user)).replaceAll('T0FAKE', teamId);
}

export const JSON_BODY = { contentType: 'application/json' };

