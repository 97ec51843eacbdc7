import { randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';
import type { Logger } from 'pino';
import type { Request, Response, Server } from 'restify';
import { readJsonBody } from '../../http/readJsonBody';
import type { RouteInstaller } from '../../server';
import { AgentPage } from './agentPage';
import { KeyAttemptLimiter } from './keyAttemptLimiter';
import { type OperatorClaims, OperatorTokens } from './operatorTokens';
import type { OperatorTurnRunner, TurnHandler } from './operatorTurnRunner';
import { StaffKeyHash } from './staffKeyHash';
import { readVisitorActivity, type VisitorActivity } from '../webchat/visitorActivity';

/** The channel id of operator turns: they render like Web Chat (suggested actions, plain-text summary). */
export const AGENT_CHANNEL_ID = 'webchat';

/** Longest accepted staff key. */
const MAX_KEY_LENGTH = 1024;

/** The short JSON error bodies of the `/agent` API. */
const agentErrors = Object.freeze({
  disabled: () => ({
    error: 'operator_access_disabled',
    message: 'Operator access is not configured on this server.',
  }),
  badKey: () => ({ error: 'unauthorized', message: 'The staff access key is not valid.' }),
  badToken: () => ({ error: 'unauthorized', message: 'A valid operator token is required.' }),
  otherConversation: () => ({ error: 'forbidden', message: 'The token belongs to another conversation.' }),
  throttled: () => ({ error: 'too_many_attempts', message: 'Too many wrong keys; try again later.' }),
  notReady: () => ({ error: 'not_ready', message: 'The bot is starting; try again in a moment.' }),
  badBody: (detail: string) => ({ error: 'invalid_request', message: `The body is not valid: ${detail}.` }),
  turnFailed: () => ({ error: 'turn_failed', message: 'The bot could not handle this message; try again.' }),
});

/** What the `/agent` page and API need. */
export interface AgentRouteDeps {
  /** Runs operator turns through the bot's adapter. */
  readonly runner: OperatorTurnRunner;
  /** The bot, once content is loaded. */
  readonly bot: () => TurnHandler | undefined;
  /** `STAFF_ACCESS_KEY_HASH`; without it the API refuses every session. */
  readonly accessKeyHash: string | undefined;
  /** Current time in milliseconds (replaceable in tests). */
  readonly now: () => number;
  /** Logger (never given keys, tokens or message texts). */
  readonly logger: Logger;
  /** Token signer (default: a fresh random secret). */
  readonly tokens?: OperatorTokens;
}

/** What an operator's turn may carry: the website chat's allow-list (text, locale, time zone); the rest is set here. */
type OperatorInput = VisitorActivity;

/** The locale and time zone of a conversation start (anything invalid is dropped). */
function readStart(body: unknown): OperatorInput {
  const fields = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const read = readVisitorActivity({
    type: 'conversationUpdate',
    locale: fields.locale,
    localTimezone: fields.localTimezone,
  });
  return 'activity' in read
    ? read.activity
    : { type: 'conversationUpdate', locale: undefined, localTimezone: undefined };
}

function bearer(req: Request): string {
  const header = String(req.headers.authorization ?? '');
  return /^Bearer\s+(\S+)$/i.exec(header)?.[1] ?? '';
}

function noStore(res: Response): void {
  res.header('Cache-Control', 'no-store');
}

/**
 * The call-centre operator page and API at `/agent`, behind the staff access key.
 * @remarks `POST /agent/api/session` checks the key against `STAFF_ACCESS_KEY_HASH` (constant time, wrong keys
 * throttled per address) and only then mints a signed operator token; the conversation routes accept
 * nothing else. Operator turns run through the same adapter and bot as `/api/messages`.
 */
export function agentRoutes(deps: AgentRouteDeps): RouteInstaller {
  const tokens = deps.tokens ?? new OperatorTokens(deps.now);
  /** The operator token's claims, or undefined after answering 401. */
  const verified = (req: Request, res: Response) => {
    const claims = tokens.verify(bearer(req));
    if (!claims) {
      res.send(401, agentErrors.badToken());
      req.resume();
    }
    return claims;
  };
  const keyHash = deps.accessKeyHash ? StaffKeyHash.parse(deps.accessKeyHash) : undefined;
  const limiter = new KeyAttemptLimiter(deps.now);

  const activityFor = (claims: OperatorClaims, input: OperatorInput): Partial<Activity> => ({
    type: input.type,
    id: randomUUID(),
    channelId: AGENT_CHANNEL_ID,
    serviceUrl: 'https://agent.invalid/',
    timestamp: new Date(deps.now()),
    from: { id: claims.sub, name: 'Operator' },
    recipient: { id: 'triage-bot', name: 'Triage bot' },
    conversation: { id: claims.cid, isGroup: false, conversationType: 'personal', name: 'agent' },
    locale: input.locale,
    localTimezone: input.localTimezone,
    ...(input.type === 'message'
      ? { text: input.text, textFormat: 'plain' }
      : { membersAdded: [{ id: claims.sub, name: 'Operator' }] }),
  });

  /** Runs an operator turn; on an unexpected failure answers 500 (without details) and resolves to undefined. */
  const runTurn = async (res: Response, activity: Partial<Activity>, bot: TurnHandler) => {
    try {
      return await deps.runner.run(activity, bot);
    } catch (err) {
      deps.logger.error(
        { err: { name: (err as Error).name, message: (err as Error).message } },
        'operator turn failed',
      );
      res.send(500, agentErrors.turnFailed());
      return undefined;
    }
  };

  /** Starts a conversation with the operator greeting; answers the new token with the replies. */
  const startConversation = async (res: Response, sub: string, input: OperatorInput, exp?: number) => {
    const bot = deps.bot();
    if (!bot) {
      res.header('Retry-After', '2');
      res.send(503, agentErrors.notReady());
      return;
    }
    const { token, claims } = tokens.mint(sub, `agent-${randomUUID()}`, exp);
    const activities = await runTurn(res, activityFor(claims, input), bot);
    if (!activities) return;
    noStore(res);
    res.send(200, {
      token,
      conversationId: claims.cid,
      expiresAt: new Date(claims.exp).toISOString(),
      activities,
    });
  };

  return (server: Server) => {
    server.get('/agent', async (_req: Request, res: Response) => {
      res.header(
        'Content-Security-Policy',
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
      );
      res.header('X-Frame-Options', 'DENY');
      res.header('Referrer-Policy', 'no-referrer');
      // A staff page: never kept by a shared browser's cache, and no device access.
      res.header('Cache-Control', 'no-store');
      res.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()');
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.sendRaw(200, AgentPage.html);
    });
    server.get('/agent/agent.js', async (_req: Request, res: Response) => {
      res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
      res.sendRaw(200, AgentPage.script);
    });
    server.get('/agent/agent.css', async (_req: Request, res: Response) => {
      res.setHeader('Content-Type', 'text/css; charset=utf-8');
      res.sendRaw(200, AgentPage.css);
    });

    server.post('/agent/api/session', async (req: Request, res: Response) => {
      noStore(res);
      if (!keyHash) {
        res.send(403, agentErrors.disabled());
        req.resume();
        return;
      }
      const address = req.socket.remoteAddress ?? 'unknown';
      const wait = limiter.waitMs(address);
      if (wait > 0) {
        res.header('Retry-After', String(Math.ceil(wait / 1000)));
        res.send(429, agentErrors.throttled());
        req.resume();
        return;
      }
      // Charged before anything is awaited (the body, scrypt): many wrong keys sent at once are not all checked
      // while the first are still being read. A right key refunds it.
      limiter.fail(address);
      const body = await readJsonBody(req, res);
      if (body === undefined) return;
      const given = (body as { key?: unknown } | null)?.key;
      const key = typeof given === 'string' ? given.trim() : '';
      if (key.length === 0 || key.length > MAX_KEY_LENGTH) {
        res.send(400, agentErrors.badBody('"key" must be the staff access key'));
        return;
      }
      const input = readStart(body);
      if (!(await keyHash.matches(key))) {
        deps.logger.warn({ address }, 'operator session refused: wrong staff key');
        res.send(401, agentErrors.badKey());
        return;
      }
      limiter.succeed(address);
      const sub = randomUUID();
      deps.logger.info({ operatorSession: sub }, 'operator session started');
      await startConversation(res, sub, input);
    });

    server.post('/agent/api/conversations', async (req: Request, res: Response) => {
      noStore(res);
      const claims = verified(req, res);
      if (!claims) return;
      const body = await readJsonBody(req, res);
      if (body === undefined) return;
      await startConversation(res, claims.sub, readStart(body), claims.exp);
    });

    server.post('/agent/api/conversations/:id/activities', async (req: Request, res: Response) => {
      noStore(res);
      const claims = verified(req, res);
      if (!claims) return;
      if (claims.cid !== (req.params as { id?: string }).id) {
        res.send(403, agentErrors.otherConversation());
        req.resume();
        return;
      }
      const bot = deps.bot();
      if (!bot) {
        res.header('Retry-After', '2');
        res.send(503, agentErrors.notReady());
        req.resume();
        return;
      }
      const body = await readJsonBody(req, res);
      if (body === undefined) return;
      const read = readVisitorActivity({
        ...(typeof body === 'object' && body !== null ? body : {}),
        type: 'message',
      });
      if ('problem' in read) {
        res.send(400, agentErrors.badBody(read.problem));
        return;
      }
      const input = read.activity;
      const activities = await runTurn(res, activityFor(claims, input), bot);
      if (!activities) return;
      res.send(200, { activities });
    });
  };
}
