import type { Activity } from 'botbuilder';
import type { Logger } from 'pino';
import { createServer as createRestify, type Request, type Response, type Server } from 'restify';
import type { TriageAdapter } from './bot/triageAdapter';
import type { TriageBot } from './bot/triageBot';
import type { Readiness } from './health/readiness';
import { activityProblem } from './http/activityShape';
import { httpErrors } from './http/httpErrors';
import { clientAddress, RATE_LIMITS, RateLimiter } from './http/rateLimiter';
import { readJsonBody } from './http/readJsonBody';
import { type AdapterOutcome, type AdapterTurn, sendTurnResponse } from './http/turnResponse';

/** Adds routes to the server (channels bring their own: Web Chat page, web-channel API, operator page). */
export type RouteInstaller = (server: Server) => void;

/** What the HTTP server needs. */
export interface ServerDeps {
  /** The Bot Framework adapter. */
  readonly adapter: TriageAdapter;
  /** Available once content is loaded; until then `/api/messages` answers 503. */
  readonly bot: () => TriageBot | undefined;
  /** Readiness for `/healthz`. */
  readonly readiness: Readiness;
  /** The application version. */
  readonly version: string;
  /** Logger. */
  readonly logger: Logger;
  /** Extra routes. */
  readonly routes?: readonly RouteInstaller[];
  /**
   * True without `MicrosoftAppId`: requests are not authenticated, so replies are only ever posted to a loopback
   * `serviceUrl` (the Emulator); anyone else must ask for `expectReplies`.
   */
  readonly localMode?: boolean;
  /** The page served at `/` (until the channels bring Web Chat). */
  readonly homePage?: (req: Request, res: Response) => Promise<void>;
  /** Rate limits (default: {@link RATE_LIMITS}, in memory). */
  readonly limits?: Readonly<{
    /** Per client address on the web-channel routes (`/api/webchat/…`). */
    webClient?: RateLimiter;
    /** Per conversation id on turns (`/api/messages` and the `…/:id/activities` routes). */
    conversationTurns?: RateLimiter;
  }>;
}

/**
 * In local mode, why replies could not be delivered safely: an unauthenticated request must not make the bot
 * post to an address it names (other than this machine), so it must use `expectReplies`.
 */
export function unsafeReplyTarget(body: unknown): string | undefined {
  const activity = body as { deliveryMode?: unknown; serviceUrl?: unknown };
  if (activity.deliveryMode === 'expectReplies') return undefined;
  let host = '';
  try {
    host = new URL(String(activity.serviceUrl ?? '')).hostname;
  } catch {
    return 'serviceUrl: in local mode, use deliveryMode "expectReplies" or a loopback serviceUrl';
  }
  const loopback =
    host === 'localhost' || host === '[::1]' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
  return loopback
    ? undefined
    : 'serviceUrl: in local mode, use deliveryMode "expectReplies" or a loopback serviceUrl';
}

/** Path prefixes of the public web-channel routes, limited per client address. */
export const WEB_CHANNEL_PREFIXES: readonly string[] = Object.freeze(['/api/webchat/', '/api/directline/']);

/** The security headers of `/healthz` and the fallback page: nothing may load, frame or sniff them. */
const LOCKED_DOWN_HEADERS = Object.freeze({
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Content-Security-Policy':
    "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
});

/**
 * How long a client may take to send its headers and its whole request before it is cut off (Node.js waits
 * 1 and 5 minutes by default, which lets a few slow clients hold many connections open). Replies are not
 * limited: a turn may take as long as it needs.
 */
const SLOW_CLIENT_TIMEOUTS = Object.freeze({ headersMs: 15_000, requestMs: 30_000 });

function lockDown(res: Response): void {
  for (const [name, value] of Object.entries(LOCKED_DOWN_HEADERS)) res.setHeader(name, value);
}

/** Counts requests in flight, for graceful shutdown. */
export class InFlight {
  private count = 0;
  private draining = false;
  private waiters: (() => void)[] = [];

  /** Requests being handled now. */
  get size(): number {
    return this.count;
  }

  /** True once shutdown began: new requests are refused with 503. */
  get closing(): boolean {
    return this.draining;
  }

  /** Records the start of a request; returns its end. */
  begin(): () => void {
    this.count += 1;
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.count -= 1;
      if (this.count === 0) for (const w of this.waiters.splice(0)) w();
    };
  }

  /** Stops accepting and resolves when nothing is in flight or `ms` elapsed; true if drained. */
  async drain(ms: number): Promise<boolean> {
    this.draining = true;
    if (this.count === 0) return true;
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), ms);
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }
}

/**
 * Builds the restify app with every route of the contract, without listening (tests start it on port 0).
 */
export function createServer(deps: ServerDeps): { server: Server; inFlight: InFlight } {
  const server = createRestify({ name: 'sarcoma-triage-bot', handleUncaughtExceptions: false });
  server.server.headersTimeout = SLOW_CLIENT_TIMEOUTS.headersMs;
  server.server.requestTimeout = SLOW_CLIENT_TIMEOUTS.requestMs;
  const inFlight = new InFlight();
  const webClient = deps.limits?.webClient ?? new RateLimiter(RATE_LIMITS.webClient);
  const conversationTurns = deps.limits?.conversationTurns ?? new RateLimiter(RATE_LIMITS.conversationTurns);

  server.pre((_req, res, next) => {
    // No header names the product (it only helps whoever looks for its weaknesses), and no response of any route,
    // JSON errors included, may be sniffed as another type.
    res.removeHeader('Server');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    const end = inFlight.begin();
    res.once('finish', end);
    res.once('close', end);
    if (inFlight.closing) {
      res.header('Connection', 'close');
      res.send(503, httpErrors.shuttingDown());
      return next(false);
    }
    return next();
  });

  // After routing, on the matched route's path, so that case, slashes or encoding cannot dodge the limits.
  const routePath = (req: Request) => String(req.getRoute()?.path ?? '');
  server.use(
    webClient.middleware((req) =>
      WEB_CHANNEL_PREFIXES.some((prefix) => routePath(req).startsWith(prefix))
        ? clientAddress(req)
        : undefined,
    ),
  );
  server.use(
    conversationTurns.middleware((req) => {
      if (!routePath(req).endsWith('/activities')) return undefined;
      const params = (req.params ?? {}) as Record<string, unknown>;
      const id = params.conversationId ?? params.id;
      return typeof id === 'string' ? id : undefined;
    }),
  );

  server.on(
    'restifyError',
    (
      _req: Request,
      _res: Response,
      err: Error & { statusCode?: number; toJSON?: () => unknown },
      cb: () => void,
    ) => {
      const status = err.statusCode ?? 500;
      err.toJSON = () =>
        status === 404
          ? httpErrors.notFound()
          : status === 405
            ? httpErrors.methodNotAllowed('the documented method')
            : { error: err.name, message: status >= 500 ? 'Internal error.' : err.message };
      if (status >= 500)
        deps.logger.error(
          { err: { name: err.name, message: err.message, stack: err.stack } },
          'request failed',
        );
      cb();
    },
  );

  server.get('/healthz', async (_req: Request, res: Response) => {
    res.header('Cache-Control', 'no-store');
    lockDown(res);
    res.send(deps.readiness.ready ? 200 : 503, deps.readiness.report(deps.version));
  });

  server.post('/api/messages', async (req: Request, res: Response) => {
    const bot = deps.bot();
    if (!bot || !deps.readiness.ready) {
      res.header('Retry-After', '2');
      res.send(503, httpErrors.notReady());
      return;
    }
    const body = await readJsonBody(req, res);
    if (body === undefined) return;
    const problem = activityProblem(body) ?? (deps.localMode ? unsafeReplyTarget(body) : undefined);
    if (problem) {
      res.send(400, httpErrors.notAnActivity(problem));
      return;
    }
    const turn: AdapterTurn = { started: false };
    const authorization = req.headers.authorization;
    let outcome: AdapterOutcome;
    try {
      const result = await deps.adapter.handle(
        typeof authorization === 'string' ? authorization : '',
        body as Activity,
        async (context) => {
          turn.started = true;
          // Counted once authenticated, so forged requests cannot use up a real conversation's allowance.
          const decision = conversationTurns.take(context.activity.conversation.id);
          if (!decision.allowed) {
            turn.limited = decision;
            return;
          }
          await bot.run(context);
        },
      );
      outcome = { result };
    } catch (error) {
      outcome = { error };
    }
    sendTurnResponse(res, turn, outcome, deps.logger);
  });

  server.get('/', async (req: Request, res: Response) => {
    if (deps.homePage) {
      await deps.homePage(req, res);
      return;
    }
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    lockDown(res);
    res.sendRaw(
      200,
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sarcoma triage assistant</title></head><body><h1>Sarcoma and rare tumours: triage assistant</h1><p>The bot listens at /api/messages.</p></body></html>',
    );
  });

  for (const install of deps.routes ?? []) install(server);
  return { server, inFlight };
}
