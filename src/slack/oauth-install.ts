import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { InstallProvider, type CallbackOptions, type InstallURLOptions } from '@slack/oauth';
import type { Logger as BoltLogger, webApi } from '@slack/bolt';
import type { OAuthConfig } from '../config/config.js';
import { catalogue } from '../i18n/index.js';
import type { Lang } from '../lang.js';
import type { Logger } from '../logging/logger.js';
import type { SqlInstallationStore } from '../store/installation-store.js';
import { asBoltLogger } from './bolt-logger.js';

export const INSTALL_PATH = '/slack/install';
export const REDIRECT_PATH = '/slack/oauth_redirect';

const MANIFEST = fileURLToPath(new URL('../../manifest.json', import.meta.url));

/** The bot scopes the app asks for: the manifest's, so the install and the app's settings cannot drift apart. */
export function manifestBotScopes(path = MANIFEST): string[] {
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as { oauth_config?: { scopes?: { bot?: unknown } } };
  const scopes = manifest.oauth_config?.scopes?.bot;
  if (!Array.isArray(scopes) || scopes.some((scope) => typeof scope !== 'string')) throw new Error(`${path} has no list of bot scopes`);
  return scopes as string[];
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

function page(lang: Lang, title: string, body: string, link?: { href: string; text: string }): string {
  const action = link ? `<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.text)}</a></p>` : '';
  return `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(body)}</p>${action}</body></html>`;
}

function sendPage(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html);
}

export interface OAuthInstall {
  installer: InstallProvider;
  /** `GET /slack/install`: the "Add to Slack" page, with a state cookie for the redirect. */
  handleInstall(req: IncomingMessage, res: ServerResponse): Promise<void>;
  /** `GET /slack/oauth_redirect`: exchanges the code, stores the installation, says in plain words what happened. */
  handleRedirect(req: IncomingMessage, res: ServerResponse): Promise<void>;
}

export interface OAuthInstallOptions {
  oauth: OAuthConfig;
  store: SqlInstallationStore;
  clientOptions: webApi.WebClientOptions;
  logger: Logger;
  lang: Lang;
  /** Told of each installation stored (a workspace installing again gets its data back). */
  onInstalled?: (teamIds: { teamId: string | undefined; enterpriseId: string | undefined }) => Promise<void>;
}

/**
 * InstallProvider logs every failed install (a forged or expired state, a cancelled install) with
 * its stack before it calls our failure page, which logs the reason in one line: drop the stack.
 */
function withoutOAuthFailureStacks(boltLogger: BoltLogger): BoltLogger {
  const isInstallFailure = (part: unknown) => part instanceof Error && /^slack_oauth_/.test(String((part as { code?: unknown }).code ?? ''));
  return { ...boltLogger, error: (...msg: unknown[]) => (msg.some(isInstallFailure) ? undefined : boltLogger.error(...msg)) } as BoltLogger;
}

/** Slack's own OAuth flow (`@slack/oauth`'s InstallProvider) on our installation store, with our pages. */
export function createOAuthInstall({ oauth, store, clientOptions, logger, lang, onInstalled }: OAuthInstallOptions): OAuthInstall {
  const t = catalogue(lang).install;
  const { logger: _unused, ...webClientOptions } = clientOptions;
  const installer = new InstallProvider({
    clientId: oauth.clientId,
    clientSecret: oauth.clientSecret,
    stateSecret: oauth.stateSecret,
    installationStore: store,
    logger: withoutOAuthFailureStacks(asBoltLogger(logger)),
    clientOptions: webClientOptions,
    renderHtmlForInstallPath: (url) => page(lang, t.title, t.intro, { href: url, text: t.button }),
  });
  const installOptions: InstallURLOptions = { scopes: manifestBotScopes() };
  const callback: CallbackOptions = {
    success: (installation, _options, _req, res) => {
      const where = installation.isEnterpriseInstall ? installation.enterprise?.name ?? installation.enterprise?.id : installation.team?.name ?? installation.team?.id;
      logger.info(`Installed in ${installation.isEnterpriseInstall ? `org ${installation.enterprise?.id}` : `workspace ${installation.team?.id}`}`);
      // The install is stored; a hiccup in what follows is logged and does not turn the page into an error.
      void onInstalled?.({ teamId: installation.team?.id, enterpriseId: installation.enterprise?.id }).catch((error: unknown) =>
        logger.warn(`After installing: ${(error as Error).message}`),
      );
      sendPage(res, 200, page(lang, t.succeededTitle, t.succeeded(where ?? 'your workspace')));
    },
    failure: (error, _options, _req, res) => {
      const cancelled = /cancelled/i.test(error.message);
      logger.warn(`An install through Slack OAuth did not finish: ${error.code ?? ''} ${error.message}`);
      const again = { href: INSTALL_PATH, text: t.startAgain };
      sendPage(res, cancelled ? 200 : 400, cancelled ? page(lang, t.cancelledTitle, t.cancelled, again) : page(lang, t.failedTitle, t.failed, again));
    },
  };
  return {
    installer,
    handleInstall: (req, res) => installer.handleInstallPath(req, res, undefined, installOptions),
    handleRedirect: (req, res) => installer.handleCallback(req, res, callback),
  };
}
