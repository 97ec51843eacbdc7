import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ConfigurationBotFrameworkAuthentication,
  type Storage,
  type TurnContext,
  UserState,
} from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import type { Logger } from 'pino';
import type { Server } from 'restify';
import { AudienceResolver } from './bot/audienceResolver';
import { ClientReusingAuthentication } from './bot/clientReusingAuthentication';
import { TriageAdapter } from './bot/triageAdapter';
import { FORGOTTEN, TriageBot } from './bot/triageBot';
import { createTurnApology } from './bot/turnApology';
import { createTurnErrorHandler } from './bot/turnErrorHandler';
import { agentRoutes } from './channels/agent/agentRoutes';
import { OperatorTurnRunner } from './channels/agent/operatorTurnRunner';
import { addresseeOf, renderReplies } from './channels/replyRenderer';
import { createWebChatChannel } from './channels/webchat/webChatChannel';
import type { WelcomeView } from './channels/webchat/webChatPage';
import { WEBCHAT_CHANNEL_ID } from './channels/webchat/webChatTurns';
import { type Config, loadConfig, StorageKind } from './config';
import { loadContent } from './content/contentLoader';
import type { Language } from './content/language';
import { Messages } from './content/messages';
import type { ConversationData } from './dialogs/conversationData';
import { AnswerReader } from './dialogs/answerReader';
import { ReplyBuilder } from './dialogs/replyBuilder';
import { RootDialog } from './dialogs/rootDialog';
import type { TriageServices } from './dialogs/triageServices';
import { Readiness } from './health/readiness';
import { CuratorLog } from './knowledge/curatorLog';
import { KnowledgeMatcher } from './knowledge/knowledgeMatcher';
import { detectLanguage } from './knowledge/languageDetector';
import { createLogger } from './logging/createLogger';
import { loadEnvFileIfPresent } from './runtime/envFile';
import { CommandRecognizer } from './safety/commandRecognizer';
import { RedFlagScreen } from './safety/redFlagScreen';
import { createServer, type InFlight, type RouteInstaller } from './server';
import { ConversationTurnGuard } from './state/conversationTurnGuard';
import { createStorage } from './state/createStorage';
import { OptimisticStorage } from './state/optimisticStorage';
import { ResilientStorage } from './state/resilientStorage';
import { SnapshotConversationState } from './state/snapshotConversationState';
import { BookingLineClock } from './time/bookingLineClock';
import { type Clock, epochMillis, systemClock } from './time/clock';
import { LiveBookingLine } from './time/liveBookingLine';

/** The project root (this file is compiled to dist/src/index.js, or run from src/ by ts-jest). */
const PROJECT_ROOT = join(__dirname, __dirname.includes(`${join('dist', 'src')}`) ? '../..' : '..');

/** What tests and `main` may replace when building the application. */
export interface AppOptions {
  /** Environment variables (default `process.env`). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** The clock (default: the system clock). */
  readonly clock?: Clock;
  /** The real state storage (default: from configuration); the app wraps it for health and eTags. */
  readonly storage?: Storage;
  /** Logger (default: pino on stdout at `LOG_LEVEL`). */
  readonly logger?: Logger;
}

/** A built application: the server (not listening yet) and its parts. */
export interface App {
  /** Validated configuration. */
  readonly config: Config;
  /** The restify server, not yet listening. */
  readonly server: Server;
  /** Requests in flight. */
  readonly inFlight: InFlight;
  /** Readiness reported by `/healthz`. */
  readonly readiness: Readiness;
  /** Resolves once content is loaded and the bot can answer; rejects with a ContentError. */
  readonly ready: Promise<void>;
  /** Logger. */
  readonly logger: Logger;
  /** Stops accepting requests, waits for in-flight turns (bounded), closes the server. */
  close(): Promise<void>;
}

/** The application version from package.json. */
export function appVersion(): string {
  const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

/**
 * The composition root: builds configuration, adapter, storage, state, content, dialogs, bot and server,
 * passing each into the next. Nothing else constructs collaborators.
 */
export function createApp(options: AppOptions = {}): App {
  const config = loadConfig(options.env ?? process.env, PROJECT_ROOT);
  const logger = options.logger ?? createLogger(config);
  const clock = options.clock ?? systemClock;
  const readiness = new Readiness();

  const auth = new ClientReusingAuthentication(
    new ConfigurationBotFrameworkAuthentication({
      MicrosoftAppId: config.bot.appId,
      MicrosoftAppPassword: config.bot.appPassword,
      MicrosoftAppType: config.bot.appType,
      MicrosoftAppTenantId: config.bot.tenantId,
    }),
  );
  const adapter = new TriageAdapter(auth);
  adapter.use(new ConversationTurnGuard({ logger }));
  const millis = epochMillis(clock);
  const memory =
    options.storage ??
    (config.storage.kind === StorageKind.Memory ? createStorage(config, millis) : undefined);
  const resilient = new ResilientStorage(() => memory ?? createStorage(config), {
    health: readiness,
    logger,
  });
  const storage = new OptimisticStorage(resilient);
  const conversationState = new SnapshotConversationState(storage);
  const userState = new UserState(storage);
  const dialogState = conversationState.createProperty<DialogState>('dialogState');
  const conversationData = conversationState.createProperty<ConversationData>('conversationData');

  let bot: TriageBot | undefined;
  const routes: RouteInstaller[] = [];
  routes.push(
    agentRoutes({
      runner: new OperatorTurnRunner(adapter, auth, config.bot.appId),
      bot: () => bot,
      accessKeyHash: config.staff.accessKeyHash,
      now: millis,
      logger,
    }),
  );
  let welcome: ((lang: Language) => WelcomeView) | undefined;
  const webChat = createWebChatChannel({
    config: config.webChat,
    appId: config.bot.appId,
    adapter,
    auth,
    bot: () => bot,
    welcome: (lang) => welcome?.(lang),
    clock,
    logger,
  });
  routes.push(webChat.install);
  const { server, inFlight } = createServer({
    adapter,
    bot: () => bot,
    readiness,
    version: appVersion(),
    logger,
    routes,
    homePage: webChat.homePage,
    localMode: !config.bot.appId,
  });

  let curatorLog: CuratorLog | undefined;
  const ready = loadContent(config.contentRoot).then(async (content) => {
    const messages = new Messages(content.messages);
    const bookingLine = new LiveBookingLine(
      content.bookingLine,
      new BookingLineClock(content.bookingLine),
      messages,
      clock,
    );
    const curator = new CuratorLog({
      path: config.curatorLog.path,
      retentionDays: config.curatorLog.retentionDays,
      now: () => new Date(millis()),
      onError: (err) => logger.warn({ err: { message: (err as Error).message } }, 'curator log write failed'),
    });
    await curator.start();
    curatorLog = curator;
    const services: TriageServices = {
      content,
      messages,
      matcher: KnowledgeMatcher.build(content.entries, content.pathways, content.synonyms),
      detectLanguage,
      redFlags: new RedFlagScreen(content.redFlags),
      answers: new AnswerReader(content.answerWords),
      commands: new CommandRecognizer(content.commands),
      bookingLine,
      curator,
      forget: async (context: TurnContext) => {
        await conversationState.delete(context);
        await userState.delete(context);
        context.turnState.set(FORGOTTEN, true);
      },
      idleMinutes: config.conversationIdleMinutes,
      now: () => new Date(millis()),
      logger,
    };
    const send = async (context: TurnContext, replies: Parameters<typeof renderReplies>[0]) => {
      // The operator page shows text as plain text: links are written out there.
      const plainText = context.turnState.get(AudienceResolver.operatorGrant) === true;
      await context.sendActivities(
        renderReplies(replies, context.activity.channelId ?? '', {
          plainText,
          addressee: addresseeOf(context.activity),
        }),
      );
    };
    const root = new RootDialog(services, conversationData, send);
    const firstScreen = new ReplyBuilder(services);
    welcome = (lang) => {
      const [activity] = renderReplies([firstScreen.firstWelcome(lang)], WEBCHAT_CHANNEL_ID);
      return {
        text: activity?.text ?? '',
        choices: (activity?.suggestedActions?.actions ?? []).map((a) => a.title),
      };
    };
    adapter.onTurnError = createTurnErrorHandler(
      logger,
      conversationState,
      createTurnApology({
        messages,
        bookingLine,
        redFlags: services.redFlags,
        detectLanguage: services.detectLanguage,
      }),
    );
    const audience = new AudienceResolver(config.staff.tenantIds, conversationData);
    bot = new TriageBot(root, dialogState, [conversationState, userState], logger, audience);
    readiness.markReady(content.versions);
    logger.info(
      { content: content.versions, entries: content.entries.length, pathways: content.pathways.length },
      'content loaded; ready',
    );
  });

  const close = async () => {
    const drained = await inFlight.drain(config.shutdownGraceMs);
    if (!drained)
      logger.warn({ inFlight: inFlight.size }, 'shutdown grace period ended with turns in flight');
    server.close();
    resilient.dispose();
    await curatorLog?.flush();
  };
  return { config, server, inFlight, readiness, ready, logger, close };
}

/** Starts the bot: reads `.env` if there is one, listens, loads content, stops gracefully on SIGTERM/SIGINT. */
export async function main(): Promise<void> {
  const envFile = loadEnvFileIfPresent();
  if ('problem' in envFile) {
    process.stderr.write(`Could not read ${envFile.path}: ${envFile.problem}\n`);
    process.exit(1);
  }
  let app: App;
  try {
    app = createApp();
  } catch (err) {
    const from = envFile.read ? ` (settings read from ${envFile.path} and the environment)` : '';
    process.stderr.write(`${(err as Error).message}${from}\n`);
    process.exit(1);
  }
  const { config, logger, server } = app;
  if (envFile.read) {
    logger.info(
      { envFile: envFile.path },
      `settings read from ${envFile.path}; variables already set in the environment take precedence`,
    );
  }
  if (!config.bot.appId) {
    logger.warn(
      'LOCAL MODE: MicrosoftAppId is not set, so requests are not authenticated. Use this for development only.',
    );
    if (config.staff.tenantIds.length > 0) {
      logger.warn(
        'LOCAL MODE: STAFF_TENANT_IDS is set, but without authentication anyone can claim a staff tenant.',
      );
    }
  }
  server.listen(config.port, config.host, () => {
    const address = server.address();
    logger.info({ port: address.port, host: config.host }, `listening on http://localhost:${address.port}`);
  });
  app.ready.catch((err: Error) => {
    logger.fatal({ err: { name: err.name } }, 'content could not be loaded');
    process.stderr.write(`${err.message}\n`);
    process.exit(1);
  });
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    void app.close().then(() => process.exit(0));
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

if (require.main === module) void main();
