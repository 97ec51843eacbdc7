import { createHash, createHmac } from 'node:crypto';
import { ConversationTokens } from '../../src/channels/webchat/conversationTokens';
import { message, newConversationId, type RunningApp, startApp } from '../support/testApp';
import { jsonHeaders, type RawResponse, rawRequest } from './rawHttp';
import { webVisitor } from './webVisitor';

const TOKEN_SECRET = 'hardening-webchat-secret-0123456789-abcdefghijkl';
const STAFF_KEY = 'hardening-exposure-staff-key-0123456789';
const FRAMING_SITE = 'https://www.example-hospital.org';

/** The directives of a Content-Security-Policy header, by name. */
function directives(csp: string): Record<string, string[]> {
  return Object.fromEntries(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name = '', ...sources]) => [name.toLowerCase(), sources]),
  );
}

/** GET from a given loopback address, so tests that exhaust a client's limit do not disturb each other. */
function get(
  baseUrl: string,
  path: string,
  from?: string,
  headers: [string, string][] = [],
): Promise<RawResponse> {
  return rawRequest(baseUrl, { method: 'GET', path, from, headers });
}

function postJson(
  baseUrl: string,
  path: string,
  body: unknown,
  from?: string,
  auth: [string, string][] = [],
) {
  const b = JSON.stringify(body);
  return rawRequest(baseUrl, { method: 'POST', path, headers: jsonHeaders(b, auth), body: b, from });
}

describe('web exposure: headers, rate limits and tokens', () => {
  let bot: RunningApp;
  beforeAll(async () => {
    bot = await startApp({
      WEBCHAT_TOKEN_SECRET: TOKEN_SECRET,
      FRAME_ANCESTORS: FRAMING_SITE,
      STAFF_ACCESS_KEY_HASH: createHash('sha256').update(STAFF_KEY).digest('hex'),
    });
  });
  afterAll(async () => {
    await bot.stop();
  });

  describe('every HTML page', () => {
    const PAGES = ['/', '/?lang=it', '/?lang=en&embed=1', '/agent'];

    test.each(PAGES)(
      '%s runs only our own scripts, cannot be sniffed and sends no referrer',
      async (path) => {
        const res = await get(bot.baseUrl, path);
        expect(res.status).toBe(200);
        expect(res.headers['content-type']).toMatch(/^text\/html/);
        expect(res.headers['x-content-type-options']).toMatch(/^nosniff/);
        expect(res.headers['referrer-policy']).toMatch(/no-referrer|same-origin|strict-origin/);
        const csp = directives(res.headers['content-security-policy'] ?? '');
        expect(csp['default-src']).toEqual(["'none'"]);
        expect(csp['script-src']).toEqual(["'self'"]);
        expect(csp['base-uri']).toEqual(["'none'"]);
        expect(csp['object-src'] ?? csp['default-src']).toEqual(["'none'"]);
        for (const sources of Object.values(csp)) {
          expect(sources).not.toContain("'unsafe-inline'");
          expect(sources).not.toContain("'unsafe-eval'");
          expect(sources).not.toContain('*');
        }
      },
    );

    test.each(PAGES)('%s has no inline script and loads scripts only from this server', async (path) => {
      const html = (await get(bot.baseUrl, path)).body;
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
      expect(scripts.length).toBeGreaterThan(0);
      for (const [, attributes = '', content = ''] of scripts) {
        const src = /\bsrc="([^"]*)"/.exec(attributes)?.[1];
        if (src === undefined) {
          expect(attributes).toMatch(/type="application\/json"/);
        } else {
          expect(src).toMatch(/^\/[^/]/);
          expect(content.trim()).toBe('');
        }
      }
      expect(html).not.toMatch(/\son[a-z]+\s*=/i);
      expect(html).not.toMatch(/javascript:/i);
    });

    test('each script a page loads is served as JavaScript with nosniff', async () => {
      for (const page of PAGES) {
        const html = (await get(bot.baseUrl, page)).body;
        for (const [, src = ''] of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/gi)) {
          const res = await get(bot.baseUrl, src);
          expect({ src, status: res.status }).toEqual({ src, status: 200 });
          expect(res.headers['content-type']).toMatch(/^(text|application)\/javascript/);
          expect(res.headers['x-content-type-options']).toMatch(/^nosniff/);
        }
      }
    });

    test('the chat page may be framed only by the configured site', async () => {
      for (const path of ['/', '/?embed=1']) {
        const csp = directives((await get(bot.baseUrl, path)).headers['content-security-policy'] ?? '');
        expect(csp['frame-ancestors']).toEqual([FRAMING_SITE]);
      }
    });

    test('the operator page may never be framed', async () => {
      const res = await get(bot.baseUrl, '/agent');
      expect(directives(res.headers['content-security-policy'] ?? '')['frame-ancestors']).toEqual(["'none'"]);
      expect(res.headers['x-frame-options']).toBe('DENY');
    });

    test('a page reflects nothing from the query string', async () => {
      const probe = '"><script>alert(1)</script>';
      const res = await get(
        bot.baseUrl,
        `/?lang=${encodeURIComponent(probe)}&embed=${encodeURIComponent(probe)}`,
      );
      expect(res.status).toBeLessThan(500);
      expect(res.body).not.toContain('<script>alert(1)</script>');
    });
  });

  describe('JSON documents', () => {
    test('/healthz cannot be sniffed, framed or cached', async () => {
      const res = await get(bot.baseUrl, '/healthz');
      expect(res.status).toBe(200);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['cache-control']).toContain('no-store');
      expect(directives(res.headers['content-security-policy'] ?? '')['frame-ancestors']).toEqual(["'none'"]);
    });

    test('a malformed request is answered with JSON that cannot be sniffed, and no header names the product', async () => {
      const res = await rawRequest(bot.baseUrl, {
        method: 'POST',
        path: '/api/messages',
        headers: jsonHeaders('{bad'),
        body: '{bad',
      });
      expect(res.status).toBe(400);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['server']).toBeUndefined();
    });

    test('the staff page is never cached and asks for no device access', async () => {
      const res = await get(bot.baseUrl, '/agent');
      expect(res.headers['cache-control']).toContain('no-store');
      expect(res.headers['permissions-policy']).toContain('camera=()');
      expect(res.headers['server']).toBeUndefined();
    });

    test('the web-channel API grants no other site access (no CORS)', async () => {
      const origin: [string, string] = ['Origin', 'https://evil.example'];
      const preflight = await rawRequest(bot.baseUrl, {
        method: 'OPTIONS',
        path: '/api/webchat/conversations',
        headers: [origin, ['Access-Control-Request-Method', 'POST']],
      });
      expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
      const created = await rawRequest(bot.baseUrl, {
        method: 'POST',
        path: '/api/webchat/conversations',
        headers: [origin, ['Content-Length', '0']],
      });
      expect(created.headers['access-control-allow-origin']).toBeUndefined();
      expect(created.headers['cache-control']).toContain('no-store');
    });
  });

  describe('when one client floods the web-channel routes', () => {
    test('it gets 429 with Retry-After, while another client is still served', async () => {
      const flooder = '127.0.3.1';
      let limited: RawResponse | undefined;
      for (let i = 0; i < 1000 && !limited; i++) {
        const res = await rawRequest(bot.baseUrl, {
          method: 'POST',
          path: i % 2 ? '/api/webchat/conversations' : `/api/webchat/conversations?visit=${i}`,
          headers: [['Content-Length', '0']],
          from: flooder,
        });
        if (res.status === 429) limited = res;
        else expect(res.status).toBe(201);
      }
      expect(limited).toBeDefined();
      expect(Number(limited?.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(JSON.parse(limited?.body ?? '{}')).toEqual(
        expect.objectContaining({ error: 'too_many_requests' }),
      );

      const other = await rawRequest(bot.baseUrl, {
        method: 'POST',
        path: '/api/webchat/conversations',
        headers: [['Content-Length', '0']],
        from: '127.0.3.2',
      });
      expect(other.status).toBe(201);
      const health = await get(bot.baseUrl, '/healthz', flooder);
      expect(health.status).toBe(200);
    });
  });

  describe('when one conversation sends turns faster than anyone types', () => {
    test('on /api/messages it gets 429 with Retry-After, while other conversations are served', async () => {
      const conversationId = newConversationId();
      let limited: { status: number; retryAfter: string | null } | undefined;
      for (let i = 0; i < 200 && !limited; i++) {
        const res = await fetch(`${bot.baseUrl}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ ...message('hello', { conversationId }), deliveryMode: 'expectReplies' }),
        });
        await res.arrayBuffer();
        if (res.status === 429) limited = { status: res.status, retryAfter: res.headers.get('retry-after') };
        else expect(res.status).toBe(200);
      }
      expect(limited).toEqual({ status: 429, retryAfter: expect.stringMatching(/^[1-9]\d*$/) });
      const other = await bot.send(message('when is the booking line open?'));
      expect(other.status).toBe(200);
    });

    test('on the website chat it gets 429 with Retry-After, while other visitors are served', async () => {
      const visitor = await webVisitor(bot.baseUrl);
      let status = 0;
      for (let i = 0; i < 200 && status !== 429; i++) {
        status = (await visitor.say('hello')).status;
        if (status !== 429) expect(status).toBe(200);
      }
      expect(status).toBe(429);
      const other = await webVisitor(bot.baseUrl);
      expect((await other.say('when is the booking line open?')).status).toBe(200);
    });
  });

  describe('web-channel conversation tokens', () => {
    const activity = { type: 'message', text: 'when is the booking line open?' };
    const say = (conversationId: string, authorization: string) =>
      postJson(
        bot.baseUrl,
        `/api/webchat/conversations/${encodeURIComponent(conversationId)}/activities`,
        activity,
        '127.0.4.1',
        [['Authorization', authorization]],
      );
    const expectRefused = (res: RawResponse, status: number) => {
      expect(res.status).toBe(status);
      const body = JSON.parse(res.body) as Record<string, unknown>;
      expect(body).toEqual(expect.objectContaining({ error: expect.any(String) }));
      expect(body).not.toHaveProperty('activities');
    };

    test('a genuine token works for its own conversation', async () => {
      const visitor = await webVisitor(bot.baseUrl);
      expect((await say(visitor.conversationId, `Bearer ${visitor.token}`)).status).toBe(200);
    });

    test('a token cannot be reused for another conversation', async () => {
      const [a, b] = [await webVisitor(bot.baseUrl), await webVisitor(bot.baseUrl)];
      expectRefused(await say(b.conversationId, `Bearer ${a.token}`), 403);
      const renewed = await postJson(
        bot.baseUrl,
        `/api/webchat/conversations/${b.conversationId}/token`,
        {},
        undefined,
        [['Authorization', `Bearer ${a.token}`]],
      );
      expectRefused(renewed, 403);
    });

    test('a token signed with another key is refused', async () => {
      const visitor = await webVisitor(bot.baseUrl);
      const forged = new ConversationTokens(
        'another-secret-that-is-long-enough-0123456789',
        900,
        () => Date.now() / 1000,
      ).issue(visitor.conversationId);
      expectRefused(await say(visitor.conversationId, `Bearer ${forged.token}`), 401);
    });

    test('a genuine token whose conversation id was edited is refused', async () => {
      const [a, b] = [await webVisitor(bot.baseUrl), await webVisitor(bot.baseUrl)];
      const [payload = '', signature = ''] = a.token.split('.');
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<
        string,
        unknown
      >;
      const edited = Buffer.from(JSON.stringify({ ...claims, c: b.conversationId })).toString('base64url');
      expectRefused(await say(b.conversationId, `Bearer ${edited}.${signature}`), 401);
    });

    test('an expired token is refused even though it is genuine', async () => {
      const visitor = await webVisitor(bot.baseUrl);
      const longAgo = new ConversationTokens(
        TOKEN_SECRET,
        900,
        () => Date.parse('2020-01-01T00:00:00Z') / 1000,
      ).issue(visitor.conversationId);
      expectRefused(await say(visitor.conversationId, `Bearer ${longAgo.token}`), 401);
    });

    test.each([
      ['no Authorization header', undefined],
      ['an empty bearer', 'Bearer '],
      ['a random string', 'Bearer abcdef'],
      ['Basic credentials', `Basic ${Buffer.from('user:pass').toString('base64')}`],
      [
        'an unsigned JWT (alg none)',
        `Bearer ${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"c":"x"}').toString('base64url')}.`,
      ],
      [
        'a signature over nothing',
        `Bearer .${createHmac('sha256', TOKEN_SECRET).update('').digest('base64url')}`,
      ],
      ['a 100 KB token', `Bearer ${'a'.repeat(100 * 1024)}`],
    ])('%s is refused', async (_name, authorization) => {
      const visitor = await webVisitor(bot.baseUrl);
      const path = `/api/webchat/conversations/${visitor.conversationId}/activities`;
      const b = JSON.stringify(activity);
      const res = await rawRequest(bot.baseUrl, {
        method: 'POST',
        path,
        headers: jsonHeaders(b, authorization === undefined ? [] : [['Authorization', authorization]]),
        body: b,
        from: '127.0.4.2',
      });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.body).not.toContain('activities');
    });

    test('a website token does not open the operator API, nor an operator token the website chat', async () => {
      const visitor = await webVisitor(bot.baseUrl);
      const asOperator = await postJson(
        bot.baseUrl,
        `/agent/api/conversations/${visitor.conversationId}/activities`,
        { text: 'hello' },
        undefined,
        [['Authorization', `Bearer ${visitor.token}`]],
      );
      expectRefused(asOperator, 401);
      const session = JSON.parse(
        (await postJson(bot.baseUrl, '/agent/api/session', { key: STAFF_KEY })).body,
      ) as {
        token: string;
        conversationId: string;
      };
      expectRefused(await say(session.conversationId, `Bearer ${session.token}`), 401);
    });
  });
});
