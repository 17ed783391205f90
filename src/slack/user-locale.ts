import type { webApi } from '@slack/bolt';
import type { LocaleLookup } from '../service/agent-language.js';

/**
 * An agent's Slack locale (`zh-CN`, `en-US`), from `users.info` with `include_locale`. Needs the
 * `users:read` scope. The client should not retry: the answer that asked has moved on long before
 * a retry would end, and the next one asks again.
 */
export function slackLocaleLookup(client: webApi.WebClient): LocaleLookup {
  return async (userId) => {
    const info = await client.users.info({ user: userId, include_locale: true });
    return info.user?.locale;
  };
}
