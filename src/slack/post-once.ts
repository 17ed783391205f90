import type { webApi } from '@slack/bolt';
import { UncertainPostError } from '../quiz/uncertain-post.js';
import { describeError, slackErrorCode } from './slack-error.js';

type PostArguments = Parameters<webApi.WebClient['chat']['postMessage']>[0];

/** The Slack message metadata type the bot's own posts carry, with a key naming what each one is. */
export const POST_EVENT_TYPE = 'customertype_post';

/** How far back to look for a post that may have landed: it was made seconds ago. */
const HISTORY_LIMIT = 50;
/** A rate limit longer than this is not waited out here; the scheduler tries again later. */
const LONGEST_RATE_LIMIT_WAIT_MS = 30_000;

/**
 * Whether a failed post may still have been stored by Slack. Slack's own `ok: false` answer and a
 * rate limit say it was not; an HTTP error, a reset connection, a timeout or a broken reply leave it open.
 */
export function mayHaveLanded(error: unknown): boolean {
  if (slackErrorCode(error) !== undefined) return false;
  return (error as { code?: unknown } | null)?.code !== 'slack_webapi_rate_limited_error';
}

function rateLimitedForMs(error: unknown): number | undefined {
  const failure = error as { code?: unknown; retryAfter?: unknown } | null;
  if (failure?.code !== 'slack_webapi_rate_limited_error') return undefined;
  return typeof failure.retryAfter === 'number' ? failure.retryAfter * 1000 : 1000;
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface OncePosterOptions {
  /** Posts tried in all, the first included. */
  attempts: number;
  /** The pause after the first failure; doubled after each one. */
  pauseMs?: number;
}

/**
 * Posts a message at most once. The client given must not retry by itself (a Web API client retries
 * a 500 blindly): after a failure that may have landed, the channel's recent history is searched
 * for the message by its metadata key before posting again.
 */
export class OncePoster {
  private readonly attempts: number;
  private readonly pauseMs: number;

  constructor(
    private readonly client: webApi.WebClient,
    options: OncePosterOptions,
  ) {
    this.attempts = Math.max(1, options.attempts);
    this.pauseMs = options.pauseMs ?? 500;
  }

  /** The posted message's ts. `checkFirst`: an earlier attempt (another process, before a restart) may have landed. */
  async post(message: PostArguments & { channel: string }, key: string, { checkFirst = false } = {}): Promise<string> {
    let uncertain = checkFirst;
    let lastError: unknown;
    for (let attempt = 0; attempt < this.attempts; attempt += 1) {
      if (uncertain) {
        const found = await this.find(message.channel, key);
        if (found) return found;
      }
      try {
        const posted = await this.client.chat.postMessage({ ...message, metadata: { event_type: POST_EVENT_TYPE, event_payload: { key } } } as PostArguments);
        return posted.ts!;
      } catch (error) {
        lastError = error;
        const waitMs = rateLimitedForMs(error);
        if (waitMs !== undefined && waitMs <= LONGEST_RATE_LIMIT_WAIT_MS) {
          if (attempt + 1 < this.attempts) await pause(waitMs);
          continue;
        }
        if (!mayHaveLanded(error)) throw error;
        uncertain = true;
        if (attempt + 1 < this.attempts) await pause(this.pauseMs * 2 ** attempt);
      }
    }
    // Out of attempts: if the last one may have landed, look once more, so that a post Slack stored
    // is taken as posted rather than released and posted again later.
    if (uncertain) {
      const found = await this.find(message.channel, key);
      if (found) return found;
    }
    throw lastError;
  }

  /** The ts of the bot's message with this key among the channel's latest; throws UncertainPostError when history cannot be read. */
  private async find(channel: string, key: string): Promise<string | undefined> {
    try {
      const history = await this.client.conversations.history({ channel, limit: HISTORY_LIMIT, include_all_metadata: true });
      const mine = history.messages?.find((message) => {
        const metadata = message.metadata as { event_type?: string; event_payload?: { key?: unknown } } | undefined;
        return metadata?.event_type === POST_EVENT_TYPE && metadata.event_payload?.key === key;
      });
      return mine?.ts;
    } catch (error) {
      throw new UncertainPostError(`a post to ${channel} may have landed, and the channel's history could not be read to check (${describeError(error)})`, { cause: error });
    }
  }
}
