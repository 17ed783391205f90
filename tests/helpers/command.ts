import { expect } from 'vitest';
import type { BootedApp } from './boot.js';
import { slashCommandBody } from './slack-request.js';

let counter = 0;

/**
 * Sends `/customertype <text>` and returns the private answer: from the acknowledgement itself
 * when the bot answers at once, or from the response URL when it answers later (quiz commands).
 */
export async function commandReply(booted: BootedApp, text: string, user = 'U0AGENT'): Promise<{ body: any; ackMs: number }> {
  const id = `cmd-${(counter += 1)}`;
  const started = Date.now();
  const res = await booted.post(slashCommandBody({ text, user_id: user, response_url: booted.slack.responseUrl(id) }));
  const ackMs = Date.now() - started;
  expect(res.status).toBe(200);
  const raw = await res.text();
  if (raw !== '') return { body: JSON.parse(raw), ackMs };
  return { body: (await booted.slack.responseTo(id)).body, ackMs };
}
