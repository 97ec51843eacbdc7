import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { CloudAdapter } from 'botbuilder';
import type { BotFrameworkAuthentication } from 'botframework-connector';
import type { Logger } from 'pino';
import type { Request, Response, Server } from 'restify';
import type { Config } from '../../config';
import type { Language } from '../../content/language';
import { httpErrors } from '../../http/httpErrors';
import { readJsonBody } from '../../http/readJsonBody';
import type { RouteInstaller } from '../../server';
import { type Clock, epochMillis } from '../../time/clock';
import { ConversationTokens, TokenStatus } from './conversationTokens';
import { DirectLineTokens } from './directLineTokens';
import { frameAncestorsAllow } from './frameAncestors';
import { PageChannel } from './pageChannel';
import { pageLanguage } from './pageLanguage';
import { BASE_SECURITY_HEADERS, pageSecurityHeaders } from './securityHeaders';
import { StaticAsset } from './staticAsset';
import { readVisitorActivity } from './visitorActivity';
import { webChannelErrors } from './webChannelErrors';
import { renderWebChatPage, type WelcomeView } from './webChatPage';
import { WEB_CHAT_STRINGS } from './webChatStrings';
import { type TurnHandler, WebChatTurns } from './webChatTurns';

/** What the website chat needs from the composition root. */
export interface WebChatChannelDeps {
  /** The `webChat` section of the configuration. */
  readonly config: Config['webChat'];
  /** The bot's Microsoft App ID, when configured. */
  readonly appId?: string;
  /** The same adapter as `/api/messages`. */
  readonly adapter: CloudAdapter;
  /** The adapter's authentication. */
  readonly auth: BotFrameworkAuthentication;
  /** The bot, once content is loaded. */
  readonly bot: () => TurnHandler | undefined;
  /** The bot's welcome as this channel sends it, for the page's first screen; undefined until content is loaded. */
  readonly welcome: (lang: Language) => WelcomeView | undefined;
  /** The clock (token expiry, timestamps). */
  readonly clock: Clock;
  /** Logger. */
  readonly logger: Logger;
  /** `fetch` for the Direct Line token exchange (tests replace it). */
  readonly fetch?: typeof fetch;
}

/** The website chat: the page at `/` and the routes it needs. */
export interface WebChatChannel {
  /** Serves the Web Chat page (the server's `homePage`). */
  readonly homePage: (req: Request, res: Response) => Promise<void>;
  /** Installs the widget, the page's assets, the web-channel API and the Direct Line token route. */
  readonly install: RouteInstaller;
}

/** The route prefix of our own web channel. */
export const WEB_CHANNEL_BASE = '/api/webchat/conversations';

/** Where the widget asks whether its page may show the chat in a frame (`FRAME_ANCESTORS`). */
export const FRAME_CHECK_PATH = '/api/webchat/frame-check';

/** How many refused embedding sites are remembered, so each is logged once (and the set stays small). */
const MAX_LOGGED_ORIGINS = 100;

/** Where the page's own files live (next to this file in src/, also when running the compiled dist/). */
function publicDir(): string {
  const beside = join(__dirname, 'public');
  return existsSync(beside) ? beside : join(__dirname, '../../../../src/channels/webchat/public');
}

/** Web Chat's self-contained browser bundle, from the installed package (never a CDN). */
function webChatBundlePath(): string {
  return join(dirname(require.resolve('botframework-webchat')), '../dist/webchat.js');
}

/** Reads `Authorization: Bearer <token>`. */
function bearer(req: Request): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(String(req.headers.authorization ?? ''));
  return match?.[1];
}

/**
 * Builds the website visitors' channel: Web Chat page, floating widget, and a small web-channel endpoint of
 * our own (signed per-conversation tokens, turns run through the same adapter and bot with `expectReplies`),
 * or Azure Direct Line through a server-side token exchange when `DIRECT_LINE_SECRET` is set.
 * @remarks Always the public audience: nothing here sets the operator mode, and the browser chooses
 * neither the conversation id nor the user id.
 */
export function createWebChatChannel(deps: WebChatChannelDeps): WebChatChannel {
  const { config, logger } = deps;
  const nowMs = epochMillis(deps.clock);
  const tokens = new ConversationTokens(config.tokenSecret, config.tokenTtlSeconds, () => nowMs() / 1000);
  if (!config.tokenSecret) {
    logger.info(
      'WEBCHAT_TOKEN_SECRET is not set: web chat tokens are signed with a random key of this process (fine for one instance).',
    );
  }
  const turns = new WebChatTurns({
    adapter: deps.adapter,
    auth: deps.auth,
    appId: deps.appId,
    bot: deps.bot,
    now: () => new Date(nowMs()),
  });
  const directLine = config.directLineSecret
    ? new DirectLineTokens(config.directLineSecret, deps.fetch)
    : undefined;
  const channel = directLine ? PageChannel.DirectLine : PageChannel.WebChannel;

  const dir = publicDir();
  const revalidate = 'no-cache';
  const assets = {
    start: new StaticAsset(join(dir, 'start.js'), {
      contentType: 'text/javascript; charset=utf-8',
      cacheControl: revalidate,
    }),
    app: new StaticAsset(join(dir, 'app.js'), {
      contentType: 'text/javascript; charset=utf-8',
      cacheControl: revalidate,
    }),
    css: new StaticAsset(join(dir, 'page.css'), {
      contentType: 'text/css; charset=utf-8',
      cacheControl: revalidate,
    }),
    webChat: new StaticAsset(webChatBundlePath(), {
      contentType: 'text/javascript; charset=utf-8',
      cacheControl: 'public, max-age=86400',
    }),
    widget: new StaticAsset(join(dir, 'widget.js'), {
      contentType: 'text/javascript; charset=utf-8',
      cacheControl: revalidate,
      crossOrigin: true,
      transform: (text) =>
        text.replace(
          '/*WIDGET_STRINGS*/ {}',
          JSON.stringify(
            Object.fromEntries(
              Object.entries(WEB_CHAT_STRINGS).map(([lang, s]) => [
                lang,
                {
                  open: s.openChat,
                  close: s.closeChat,
                  button: s.widgetButton,
                  title: s.chatLabel,
                  blocked: s.frameBlocked,
                  blockedOpen: s.frameBlockedOpen,
                  blockedOwner: s.frameBlockedOwner,
                },
              ]),
            ),
          ),
        ),
    }),
  };

  const sendJson = (res: Response, status: number, body: unknown, headers: Record<string, string> = {}) => {
    for (const [name, value] of Object.entries({
      ...BASE_SECURITY_HEADERS,
      'Cache-Control': 'no-store',
      ...headers,
    })) {
      res.setHeader(name, value);
    }
    res.send(status, body);
  };

  /** Verifies the bearer token against the conversation in the path; answers 401/403 itself. */
  const authorise = (req: Request, res: Response): { conversationId: string } | undefined => {
    const token = bearer(req);
    const check = tokens.verify(token);
    const challenge = { 'WWW-Authenticate': 'Bearer realm="webchat"' };
    if (check.status !== TokenStatus.Valid) {
      req.resume();
      const body = !token
        ? webChannelErrors.missingToken()
        : check.status === TokenStatus.Expired
          ? webChannelErrors.expiredToken()
          : webChannelErrors.invalidToken();
      sendJson(res, 401, body, challenge);
      return undefined;
    }
    if (check.conversationId !== req.params?.conversationId) {
      req.resume();
      sendJson(res, 403, webChannelErrors.otherConversation());
      return undefined;
    }
    return { conversationId: check.conversationId };
  };

  const homePage = async (req: Request, res: Response) => {
    const query = new URL(req.url ?? '/', 'http://page.invalid').searchParams;
    const lang = pageLanguage(query.get('lang') ?? undefined, req.headers['accept-language']);
    const nonce = randomBytes(16).toString('base64');
    const html = renderWebChatPage({
      lang,
      nonce,
      channel,
      embed: query.get('embed') === '1',
      welcome: deps.welcome(lang),
    });
    const headers = pageSecurityHeaders({
      styleNonce: nonce,
      frameAncestors: config.frameAncestors,
      directLine: Boolean(directLine),
    });
    // Compressed: the page is the whole first screen, and on a slow phone every kilobyte shows.
    const gzipped = /\bgzip\b/i.test(String(req.headers['accept-encoding'] ?? ''));
    for (const [name, value] of Object.entries({
      ...headers,
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Language': lang,
      Vary: 'Accept-Language, Accept-Encoding',
      ...(gzipped ? { 'Content-Encoding': 'gzip' } : {}),
    })) {
      res.setHeader(name, value);
    }
    res.sendRaw(200, gzipped ? gzipSync(html) : html);
  };

  const refusedOrigins = new Set<string>();
  /** Answers the widget: may a page of this origin show the chat in a frame? (CORS-readable, no credentials.) */
  const frameCheck = async (req: Request, res: Response) => {
    req.resume();
    const origin = String(req.headers.origin ?? '');
    const host = String(req.headers.host ?? '');
    // Without an Origin header the request came from the chat server's own pages.
    const allowed = origin === '' || frameAncestorsAllow(config.frameAncestors, origin, host);
    if (!allowed && !refusedOrigins.has(origin) && refusedOrigins.size < MAX_LOGGED_ORIGINS) {
      refusedOrigins.add(origin);
      logger.warn(
        { origin, frameAncestors: config.frameAncestors.join(' ') },
        `the chat widget on ${origin} cannot show the chat: add ${origin} to FRAME_ANCESTORS`,
      );
    }
    sendJson(
      res,
      200,
      { allowed, setting: 'FRAME_ANCESTORS' },
      { 'Access-Control-Allow-Origin': '*', 'Cross-Origin-Resource-Policy': 'cross-origin', Vary: 'Origin' },
    );
  };

  const install = (server: Server) => {
    server.get('/webchat/start.js', async (req: Request, res: Response) => assets.start.serve(req, res));
    server.get('/webchat/app.js', async (req: Request, res: Response) => assets.app.serve(req, res));
    server.get(FRAME_CHECK_PATH, frameCheck);
    server.get('/webchat/page.css', async (req: Request, res: Response) => assets.css.serve(req, res));
    server.get('/webchat/webchat.js', async (req: Request, res: Response) => assets.webChat.serve(req, res));
    server.get('/widget.js', async (req: Request, res: Response) => assets.widget.serve(req, res));

    server.post(WEB_CHANNEL_BASE, async (req: Request, res: Response) => {
      req.resume();
      const conversationId = `wc-${randomBytes(16).toString('base64url')}`;
      const issued = tokens.issue(conversationId);
      sendJson(res, 201, { conversationId, userId: WebChatTurns.visitorId(conversationId), ...issued });
    });

    server.post(`${WEB_CHANNEL_BASE}/:conversationId/token`, async (req: Request, res: Response) => {
      const who = authorise(req, res);
      if (!who) return;
      req.resume();
      sendJson(res, 200, { conversationId: who.conversationId, ...tokens.issue(who.conversationId) });
    });

    server.post(`${WEB_CHANNEL_BASE}/:conversationId/activities`, async (req: Request, res: Response) => {
      const who = authorise(req, res);
      if (!who) return;
      const body = await readJsonBody(req, res);
      if (body === undefined) return;
      const read = readVisitorActivity(body);
      if ('problem' in read) {
        sendJson(res, 400, webChannelErrors.invalidActivity(read.problem));
        return;
      }
      let result;
      try {
        result = await turns.run(who.conversationId, read.activity);
      } catch (err) {
        logger.error(
          { err: { name: (err as Error).name, message: (err as Error).message } },
          'web chat turn failed',
        );
        sendJson(res, 500, webChannelErrors.turnFailed());
        return;
      }
      if (!result) {
        sendJson(res, 503, httpErrors.notReady(), { 'Retry-After': '2' });
        return;
      }
      sendJson(res, 200, result);
    });

    server.post('/api/directline/token', async (req: Request, res: Response) => {
      req.resume();
      if (!directLine) {
        sendJson(res, 404, webChannelErrors.directLineOff());
        return;
      }
      try {
        sendJson(res, 200, await directLine.generate());
      } catch (err) {
        logger.warn(
          { err: { name: (err as Error).name, message: (err as Error).message } },
          'Direct Line token exchange failed',
        );
        sendJson(res, 502, webChannelErrors.directLineFailed());
      }
    });
  };

  return { homePage, install };
}
