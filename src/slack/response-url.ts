/** Where Slack's response URLs live. */
const SLACK_RESPONSE_ORIGIN = 'https://hooks.slack.com';

function originOf(url: unknown): string | undefined {
  if (typeof url !== 'string') return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/**
 * The origins a response URL may point at: Slack's, and that of `SLACK_API_URL` when it is set (a
 * proxy, or a fake Slack in tests). Bolt posts to whatever URL a payload names, so a signed payload
 * naming an address inside our network would make the bot post there.
 */
export function responseUrlOrigins(slackApiUrl: string | undefined): ReadonlySet<string> {
  const own = originOf(slackApiUrl);
  return new Set(own ? [SLACK_RESPONSE_ORIGIN, own] : [SLACK_RESPONSE_ORIGIN]);
}

/**
 * Removes from a parsed payload every response URL outside `allowed`, so Bolt builds no `respond`
 * for it, and returns the origins removed (never the whole URL: its path and query are a credential).
 */
export function dropForeignResponseUrls(body: Record<string, unknown>, allowed: ReadonlySet<string>): string[] {
  const dropped: string[] = [];
  const isAllowed = (url: unknown) => {
    const origin = originOf(url);
    if (origin !== undefined && allowed.has(origin)) return true;
    dropped.push(origin ?? 'an unparsable URL');
    return false;
  };
  if ('response_url' in body && !isAllowed(body.response_url)) delete body.response_url;
  if (Array.isArray(body.response_urls)) {
    const kept = body.response_urls.filter((entry) => isAllowed((entry as { response_url?: unknown } | null)?.response_url));
    if (kept.length === 0) delete body.response_urls;
    else body.response_urls = kept;
  }
  return dropped;
}
