import { AsyncLocalStorage } from 'node:async_hooks';
import { webApi } from '@slack/bolt';
import type { AuthorizeResult, InstallationQuery } from '@slack/oauth';

/** The Web API clients the bot uses for one workspace, each tuned for one kind of call. */
export interface TeamClients {
  /** Retries a few times: joins, DM lookups, message updates (safe to repeat). */
  calls: webApi.WebClient;
  /** Never retries by itself, 10 s at most: posts, retried only once it is known they did not land. */
  posts: webApi.WebClient;
  /** No retries, 5 s at most: an agent's locale, which an answer waits for only briefly. */
  lookups: webApi.WebClient;
  /** No retries, 1.5 s at most, rate limits not waited out: the shortcut's ephemeral answer. */
  quick: webApi.WebClient;
}

/** Builds a workspace's clients around its bot token. */
export type ClientsForToken = (token: string) => TeamClients;

export function clientsForToken(options: webApi.WebClientOptions, withRetries?: webApi.WebClient): ClientsForToken {
  const noRetries = (timeout: number) => ({ ...options, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true, timeout });
  return (token) => ({
    calls: withRetries ?? new webApi.WebClient(token, options),
    posts: new webApi.WebClient(token, noRetries(10_000)),
    lookups: new webApi.WebClient(token, noRetries(5000)),
    quick: new webApi.WebClient(token, noRetries(1500)),
  });
}

/** A workspace's clients, by team id: the one token's in a single-workspace install, each installation's with Slack OAuth. */
export interface WorkspaceClients {
  forTeam(teamId: string | undefined): Promise<TeamClients>;
}

/** Single-workspace install: one set of clients for every team id. */
export function singleTokenClients(clients: TeamClients): WorkspaceClients {
  return { forTeam: async () => clients };
}

/** Bounds the clients kept: one set per token in use. */
const MAX_KEPT = 1000;

/**
 * Slack OAuth: a workspace's bot token comes from its installation through `authorize`
 * (`InstallProvider#authorize`, which renews a rotating token before it expires), so a token
 * renewed or revoked is seen on the next call. A workspace with no installation fails alone.
 */
export function installedClients(authorize: (query: InstallationQuery<boolean>) => Promise<AuthorizeResult>, build: ClientsForToken): WorkspaceClients {
  const byToken = new Map<string, TeamClients>();
  return {
    async forTeam(teamId) {
      if (!teamId) throw new Error('no workspace given for a Slack call');
      const { botToken } = await authorize({ teamId, enterpriseId: undefined, isEnterpriseInstall: false });
      if (!botToken) throw new Error(`workspace ${teamId} has no bot token`);
      let clients = byToken.get(botToken);
      if (!clients) {
        // A renewed token makes the old one useless: start over rather than keep it.
        if (byToken.size >= MAX_KEPT) byToken.clear();
        byToken.set(botToken, (clients = build(botToken)));
      }
      return clients;
    },
  };
}

/** The workspace a Slack request came from, for the work it starts (an agent's locale lookup). */
export const currentTeam = new AsyncLocalStorage<string | undefined>();
