import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, ErrorCode, LogLevel } from '@slack/bolt';
import { Classifier } from './classifier/classifier.js';
import { ClassifierHost } from './service/classifier-host.js';
import type { Config } from './config/config.js';
import type { PlaybookSet } from './playbooks/playbook-set.js';
import { InFlight } from './http/in-flight.js';
import { closeServer, createLimitedServer, healthListener, listen, type HealthCheck } from './http/server.js';
import { GuardedHttpReceiver } from './slack/receiver.js';
import type { Logger } from './logging/logger.js';
import { asBoltLogger } from './slack/bolt-logger.js';
import { verifyBotToken } from './slack/verify-token.js';
import { registerListeners } from './slack/listeners/index.js';
import { ClassificationService } from './service/classification-service.js';
import { retryWhileBusy } from './store/busy.js';
import type { SqlDatabase } from './store/sql.js';
import { Store } from './store/store.js';
import { QuizService } from './quiz/quiz-service.js';
import { QuizScheduler } from './quiz/scheduler.js';
import { QuizStore } from './store/quiz-store.js';
import { AgentStore } from './store/agent-store.js';
import { AgentLanguages } from './service/agent-language.js';
import { slackLocaleLookup } from './slack/user-locale.js';
import { WriteHealth } from './store/write-health.js';
import { ClassificationLog } from './store/classification-log.js';
import { HandledRequests } from './store/handled-requests.js';
import { oncePerRequest } from './slack/once-per-request.js';
import { InsightsService } from './insights/insights-service.js';
import { InsightsStore } from './store/insights-store.js';
import type { DigestContent } from './insights/digest-service.js';
import { createWeeklyDigest } from './slack/weekly-digest.js';
import { insightsDigest } from './slack/insights-digest.js';
import { chartOfReport } from './slack/insights-chart.js';
import { trainInBackground } from './classifier/background.js';
import { typeDefinitions } from './playbooks/training.js';
import { TeamExampleWatch } from './teaching/team-example-watch.js';
import { PendingTeachingStore } from './store/pending-teaching-store.js';
import { TeamExampleStore } from './store/team-example-store.js';
import { PendingTexts } from './teaching/pending-texts.js';
import { TeamModels, type TrainClassifier } from './teaching/team-models.js';
import { TeachingService } from './teaching/teaching-service.js';
import { clientsForToken, currentTeam, installedClients, singleTokenClients, type WorkspaceClients } from './slack/workspace-clients.js';
import { WorkspaceQuizPublisher } from './slack/workspace-posters.js';
import { createOAuthInstall, type OAuthInstall } from './slack/oauth-install.js';
import { SqlInstallationStore } from './store/installation-store.js';
import { TokenCipher } from './secrets/token-cipher.js';
import { WorkspaceDataStore } from './store/workspace-data-store.js';
import { WorkspaceDepartures } from './service/workspace-departures.js';
import { WorkspaceErasure } from './service/workspace-erasure.js';
import { registerUninstall } from './slack/listeners/events/uninstall.js';

export interface AppDependencies {
  config: Config;
  logger: Logger;
  db: SqlDatabase;
  playbooks: PlaybookSet;
  /** A trained classifier, or the host a classifier learning in the background will be put in. */
  classifier: Classifier | ClassifierHost;
  /** Retries of Slack Web API calls; tests turn them off to see failures at once. */
  slackRetries?: number;
  /** The time, for request timestamps, quiz days and answer timing; tests move it. */
  clock?: () => Date;
  /** The quiz's randomness; tests seed it. */
  random?: () => number;
  /** The weekly digest's message: the week's insights unless a test gives another. */
  digestContent?: DigestContent;
  /** How a workspace's model is learned from its team examples: in a child process unless a test says otherwise. */
  trainClassifier?: TrainClassifier;
  /** How often to look for team examples taught through another instance (tests shorten it). */
  teamExampleCheckMs?: number;
}

export interface RunningApp {
  /** Where HTTP is served (Slack requests in HTTP mode, `/healthz` in both). */
  address: AddressInfo;
  stop(): Promise<void>;
}

const SHUTDOWN_GRACE_MS = 10_000;
/** Slack retries an event within minutes and a signature is good for five: a day is plenty. */
const HANDLED_REQUESTS_KEPT_MS = 86_400_000;
const HANDLED_REQUESTS_PRUNE_EVERY_MS = 3_600_000;

/**
 * Builds the Bolt app for either mode and starts it. Stopping closes the listener first, then waits
 * for requests and listener work in flight, then closes the database: nothing half-answered is cut off.
 */
export async function startApp(deps: AppDependencies): Promise<RunningApp> {
  const { config, logger, db } = deps;
  const classifier = deps.classifier instanceof Classifier ? new ClassifierHost(deps.classifier) : deps.classifier;
  const writes = new WriteHealth(db);
  const health: HealthCheck = async () => {
    const database = await writes.state();
    if (!database.ok) return database;
    if (!classifier.ready) return { ok: false, reason: 'learning the customer types' };
    return { ok: true };
  };
  const inFlight = new InFlight();
  const clientOptions = {
    ...(config.SLACK_API_URL ? { slackApiUrl: config.SLACK_API_URL } : {}),
    // A few quick retries, not the client's default of ten over half an hour: an agent waiting on an
    // answer should hear within seconds that it failed, and the quiz scheduler retries on its own.
    // Rate-limited calls wait for Slack's Retry-After before each retry.
    retryConfig: { retries: deps.slackRetries ?? 3, factor: 2, minTimeout: 500, maxTimeout: 4000 },
  };
  const logLevel = config.LOG_LEVEL as LogLevel;
  const loggedClientOptions = { ...clientOptions, logger: asBoltLogger(logger), logLevel };
  // One workspace's token, or (Slack OAuth) each installed workspace's token from the installation store.
  let oauthInstall: OAuthInstall | undefined;
  let installations: SqlInstallationStore | undefined;
  let teamId: string | undefined;
  let authorizeInstalled: Parameters<typeof installedClients>[0] | undefined;
  let departures: WorkspaceDepartures | undefined;
  const workspaceData = new WorkspaceDataStore(db, deps.clock);
  let auth;
  if (config.oauth) {
    installations = new SqlInstallationStore(db, new TokenCipher(config.oauth.encryptionKey, config.oauth.previousEncryptionKey), deps.clock);
    if (config.oauth.previousEncryptionKey) logger.info(`Encrypted ${await installations.reencryptUnderCurrentKey()} installation(s) again with the current TOKEN_ENCRYPTION_KEY`);
    departures = new WorkspaceDepartures({ data: workspaceData, installations, retentionDays: config.DATA_RETENTION_DAYS, logger });
    oauthInstall = createOAuthInstall({
      oauth: config.oauth,
      store: installations,
      clientOptions,
      logger,
      lang: config.DEFAULT_LANGUAGE,
      // Installing again within the retention period keeps the workspace's data.
      onInstalled: async ({ teamId: installed }) => {
        if (installed) await retryWhileBusy(() => workspaceData.cancelDeletion(installed));
      },
    });
    const { installer } = oauthInstall;
    const store = installations;
    // Renews a rotating token before it expires (InstallProvider#authorize); a workspace of an
    // org-wide install is remembered with its org, for the scheduler's posts.
    authorizeInstalled = async (source) => {
      if (source.isEnterpriseInstall && source.teamId && source.enterpriseId) {
        // Only a hint for later: a moment's lock is no reason to fail the request.
        try {
          if ((await store.orgOf(source.teamId)) !== source.enterpriseId) await store.rememberOrgOf(source.teamId, source.enterpriseId);
        } catch (error) {
          logger.warn(`Could not note the org of workspace ${source.teamId}: ${(error as Error).message}`);
        }
      }
      return installer.authorize(source);
    };
    auth = { authorize: authorizeInstalled };
  } else {
    const identity = await verifyBotToken(config.SLACK_BOT_TOKEN, clientOptions, logger);
    teamId = identity.teamId;
    auth = {
      token: config.SLACK_BOT_TOKEN,
      botId: identity.botId,
      botUserId: identity.botUserId,
      // Verified above, with a clear message on failure; Bolt's own check would crash on it instead.
      tokenVerificationEnabled: false,
    };
  }
  const boltOptions = {
    ...auth,
    clientOptions,
    logger: asBoltLogger(logger),
    logLevel,
    // No conversation store: nothing here keeps per-conversation state, and it costs every request.
    convoStore: false as const,
  };

  let app: App;
  let healthServer: Server | undefined;
  let receiver: GuardedHttpReceiver | undefined;
  if (config.socketMode) {
    app = new App({ ...boltOptions, appToken: config.SLACK_APP_TOKEN, socketMode: true });
  } else {
    receiver = new GuardedHttpReceiver({
      signingSecret: config.SLACK_SIGNING_SECRET!,
      slackApiUrl: config.SLACK_API_URL,
      logger,
      health,
      ...(deps.clock ? { now: () => deps.clock!().getTime() } : {}),
      oauth: oauthInstall,
    });
    app = new App({ ...boltOptions, receiver });
  }

  app.use(async ({ next }) => {
    await inFlight.track(next);
  });
  app.use(async ({ context, next }) => {
    await currentTeam.run(context.teamId, next);
  });
  const buildClients = clientsForToken(loggedClientOptions);
  const workspaces: WorkspaceClients = config.oauth
    ? installedClients(authorizeInstalled!, buildClients)
    : singleTokenClients({ ...buildClients(config.SLACK_BOT_TOKEN), calls: app.client });
  const clock = deps.clock ?? (() => new Date());
  const handledRequests = new HandledRequests(db, clock);
  app.use(oncePerRequest(handledRequests, logger));
  const quizStore = new QuizStore(db, clock);
  const quiz = new QuizService({
    store: quizStore,
    playbooks: deps.playbooks,
    classifier,
    // Posts go through a client that never retries by itself; the publisher retries once it knows a
    // post did not land. Each workspace's quiz is posted with its own token.
    publisher: new WorkspaceQuizPublisher(workspaces, (deps.slackRetries ?? 3) + 1),
    logger,
    clock,
    ...(deps.random ? { random: deps.random } : {}),
    defaultTimeZone: config.QUIZ_TZ,
    defaultLanguage: config.DEFAULT_LANGUAGE,
  });
  const languages = new AgentLanguages({
    choices: new AgentStore(db, clock),
    // No retries and a few seconds at most: an answer waits a few hundred milliseconds for this, then
    // goes on without it, and the locale lands in the cache for the agent's next answer.
    // The workspace whose request asked: its token reads its agents (no team, as in the digest: none is looked up).
    lookupLocale: async (userId) => {
      const team = currentTeam.getStore();
      if (config.oauth && !team) return undefined;
      return slackLocaleLookup((await workspaces.forTeam(team)).lookups)(userId);
    },
    defaultLanguage: config.DEFAULT_LANGUAGE,
    logger,
    ...(deps.clock ? { now: () => deps.clock!().getTime() } : {}),
  });
  // Quizzes are counted per workspace; ones stored without it (older versions) are this token's workspace's.
  if (teamId) await retryWhileBusy(() => quizStore.adoptUnownedQuizzes(teamId));
  if (config.QUIZ_CHANNEL && !(await quizStore.hasSchedule(config.QUIZ_CHANNEL))) {
    // Environment defaults seed the schedule once; after that the stored settings (setup, off) rule.
    await quizStore.saveSchedule(
      { channelId: config.QUIZ_CHANNEL, teamId, postTime: config.QUIZ_TIME, timeZone: config.QUIZ_TZ, days: config.QUIZ_DAYS, closeTime: null, enabled: true },
      'environment',
    );
  }
  const store = new Store(db, clock);
  const classificationLog = new ClassificationLog(store, writes, logger, clock);
  const teamExamples = new TeamExampleStore(db, clock);
  const teamModels = new TeamModels({
    builtIn: classifier,
    types: typeDefinitions(deps.playbooks.all),
    examplesOf: (teamId) => teamExamples.list(teamId),
    train: deps.trainClassifier ?? ((types) => trainInBackground(types).then((trained) => trained.classifier)),
    logger,
  });
  // One SQLite process keeps texts waiting for the tick in memory; instances sharing PostgreSQL keep them where any of them can take them.
  const pendingTexts = db.engine === 'postgres' ? new PendingTeachingStore(db, clock) : new PendingTexts();
  const teaching = new TeachingService(teamExamples, teamModels, pendingTexts, writes, logger);
  const teamExampleWatch = new TeamExampleWatch(teamExamples, teamModels, logger, deps.teamExampleCheckMs);
  const pruneHandled = setInterval(() => {
    handledRequests
      .prune(new Date(clock().getTime() - HANDLED_REQUESTS_KEPT_MS))
      .catch((error: unknown) => logger.warn(`Could not prune handled requests: ${(error as Error).message}`));
  }, HANDLED_REQUESTS_PRUNE_EVERY_MS);
  pruneHandled.unref();
  // Workspaces that left: their data goes once DATA_RETENTION_DAYS have passed (checked at start and hourly).
  const pruneDeparted = () =>
    departures?.prune().catch((error: unknown) => logger.warn(`Could not delete the data of departed workspaces: ${(error as Error).message}`));
  await pruneDeparted();
  const pruneDepartedTimer = setInterval(pruneDeparted, HANDLED_REQUESTS_PRUNE_EVERY_MS);
  pruneDepartedTimer.unref();
  const leads = config.LEADS.length > 0 ? config.LEADS : config.QUIZ_ADMINS;
  const insights = new InsightsService({ store: new InsightsStore(db), clock, timeZone: config.QUIZ_TZ });
  const digest = createWeeklyDigest({
    db,
    clock,
    workspaces,
    postAttempts: (deps.slackRetries ?? 3) + 1,
    quizStore,
    leads,
    languages,
    defaultLanguage: config.DEFAULT_LANGUAGE,
    defaultTimeZone: config.QUIZ_TZ,
    logger,
    content: deps.digestContent ?? insightsDigest(insights, deps.playbooks),
  });
  const erasure = new WorkspaceErasure({ data: workspaceData, forgetModel: (teamId) => teamModels.forget(teamId), writes, logger });
  registerListeners(app, {
    logger,
    playbooks: deps.playbooks,
    classification: new ClassificationService(teamModels, store, classificationLog, writes, logger, clock, teaching),
    teaching,
    erasure,
    classifierReady: async (waitMs) => classifier.ready || (await classifier.whenReady(waitMs)) !== undefined,
    quiz,
    quizStore,
    languages,
    quizAdmins: config.QUIZ_ADMINS,
    insights,
    renderInsightsChart: chartOfReport,
    leads,
    digest: digest.settings,
    // Neither waits out a rate limit nor hangs: the modal fallback has the rest of 3 seconds.
    clientWithoutRetries: async (team) => (await workspaces.forTeam(team)).quick,
  });
  if (departures) registerUninstall(app, departures, logger);
  const scheduler = new QuizScheduler(quiz, quizStore, logger);
  app.error(async (error) => {
    // A request from a workspace with no installation (it uninstalled; Slack may still retry an event): one line, no stack.
    if (error.code === ErrorCode.AuthorizationError) {
      logger.warn(`Ignored a request no installation answers for: ${(error as { original?: Error }).original?.message ?? error.message}`);
      return;
    }
    // The stack says which listener failed; the logger redacts personal data from it like any line.
    const cause = (error as { original?: unknown }).original;
    logger.error(`Unhandled listener error: ${cause instanceof Error ? cause.stack ?? cause.message : error.stack ?? error.message}`);
  });

  let address: AddressInfo;
  if (receiver) {
    await receiver.start({ port: config.PORT });
    address = receiver.address!;
  } else {
    await app.start();
    const answerHealth = healthListener(health);
    healthServer = createLimitedServer((req, res) => {
      if (!answerHealth(req, res)) res.writeHead(404).end();
    });
    address = await listen(healthServer, { port: config.PORT });
  }
  // The scheduler chooses questions with the classifier: it starts once learning has ended.
  let stopped = false;
  void classifier.whenReady().then(() => {
    if (stopped) return;
    scheduler.start();
    // Until its own model is learned, a workspace with team examples is answered by the built-in one.
    void teamExamples
      .teamsWithExamples()
      .then((teams) => teamModels.retrainAll(teams))
      .catch((error: unknown) => logger.error(`Could not read which workspaces have team examples: ${(error as Error).message}`))
      .then(() => {
        if (!stopped) teamExampleWatch.start();
      });
  });
  digest.scheduler.start();
  logger.info(
    `customertype is running in ${config.socketMode ? 'Socket Mode' : 'HTTP mode'}; ` +
      `${config.socketMode ? 'health check' : 'Slack requests'} on port ${address.port}`,
  );

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      stopped = true;
      if (receiver) await receiver.stop();
      else await app.stop();
      if (healthServer) await closeServer(healthServer);
      await scheduler.stop();
      await digest.scheduler.stop();
      quiz.stop();
      await teamExampleWatch.stop();
      teamModels.stop();
      const drained = await inFlight.idle(SHUTDOWN_GRACE_MS);
      if (!drained) logger.warn(`Stopped with ${inFlight.size} listener(s) still running after ${SHUTDOWN_GRACE_MS} ms`);
      clearInterval(pruneHandled);
      clearInterval(pruneDepartedTimer);
      await teamModels.idle();
      await classificationLog.close();
      await db.close();
    })();
    return stopping;
  };
  return { address, stop };
}
