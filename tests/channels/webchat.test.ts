import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { DateTime } from 'luxon';
import { ConfigError, loadConfig } from '../../src/config';
import { ConversationTokens, TokenStatus } from '../../src/channels/webchat/conversationTokens';
import { DIRECT_LINE_TOKEN_URL } from '../../src/channels/webchat/directLineTokens';
import { pageLanguage } from '../../src/channels/webchat/pageLanguage';
import type { Clock } from '../../src/time/clock';
import { OPEN_TUESDAY, type RunningApp, startApp } from '../support/testApp';

/** A clock the test can move forward. */
function movableClock(iso: string): Clock & { advance(seconds: number): void } {
  let now = DateTime.fromISO(iso, { zone: 'Europe/Rome' });
  return {
    now: () => now,
    advance: (seconds) => {
      now = now.plus({ seconds });
    },
  };
}

interface Session {
  conversationId: string;
  userId: string;
  token: string;
  expiresIn: number;
}

interface Reply {
  type: string;
  id: string;
  text?: string;
  from?: { role?: string };
  suggestedActions?: { actions: { type: string; title: string; value: string }[] };
}

/** A website visitor talking to the web-channel endpoint, as the page's script does. */
class Visitor {
  constructor(
    private readonly baseUrl: string,
    readonly session: Session,
  ) {}

  static async start(baseUrl: string): Promise<Visitor> {
    const res = await fetch(`${baseUrl}/api/webchat/conversations`, { method: 'POST' });
    expect(res.status).toBe(201);
    return new Visitor(baseUrl, (await res.json()) as Session);
  }

  post(body: unknown, options: { token?: string; conversationId?: string } = {}): Promise<Response> {
    const conversationId = options.conversationId ?? this.session.conversationId;
    return fetch(
      `${this.baseUrl}/api/webchat/conversations/${encodeURIComponent(conversationId)}/activities`,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${options.token ?? this.session.token}`,
        },
        body: JSON.stringify(body),
      },
    );
  }

  async say(text: string, extra: Record<string, unknown> = {}): Promise<Reply[]> {
    const res = await this.post({ type: 'message', text, locale: 'en-US', ...extra });
    expect(res.status).toBe(200);
    return ((await res.json()) as { activities: Reply[] }).activities;
  }

  async open(locale = 'en-US'): Promise<Reply[]> {
    const res = await this.post({ type: 'conversationUpdate', locale });
    expect(res.status).toBe(200);
    return ((await res.json()) as { activities: Reply[] }).activities;
  }
}

const textOf = (replies: readonly Reply[]) => replies.map((r) => r.text ?? '').join('\n');
const choicesOf = (replies: readonly Reply[]) =>
  replies.at(-1)?.suggestedActions?.actions.map((a) => a.title) ?? [];

describe('the website chat web channel (/api/webchat)', () => {
  const clock = movableClock(OPEN_TUESDAY);
  let bot: RunningApp;
  beforeAll(async () => {
    bot = await startApp({ WEBCHAT_TOKEN_SECRET: 'a-test-secret-that-is-long-enough-0123456789' }, clock);
  });
  afterAll(async () => {
    await bot.stop();
  });

  describe('when a visitor opens the chat', () => {
    let visitor: Visitor;
    let welcome: Reply[];
    beforeAll(async () => {
      visitor = await Visitor.start(bot.baseUrl);
      welcome = await visitor.open();
    });

    test('it gets a new conversation id, its own user id and a short-lived token', () => {
      expect(visitor.session.conversationId).toMatch(/^wc-[A-Za-z0-9_-]{22}$/);
      expect(visitor.session.userId).toContain(visitor.session.conversationId);
      expect(visitor.session.token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
      expect(visitor.session.expiresIn).toBe(900);
    });

    test('two visitors never get the same conversation', async () => {
      const other = await Visitor.start(bot.baseUrl);
      expect(other.session.conversationId).not.toBe(visitor.session.conversationId);
      expect(other.session.token).not.toBe(visitor.session.token);
    });

    test('the bot greets with the four doors in order, as buttons sent by the bot', () => {
      expect(textOf(welcome)).toMatch(/virtual assistant/i);
      expect(choicesOf(welcome).slice(0, 4)).toEqual([
        'I have a suspicious mole',
        'I received a tumour diagnosis',
        'I discovered I have a metastasis',
        'I have a lump or swelling',
      ]);
      expect(welcome.at(-1)?.suggestedActions?.actions.every((a) => a.type === 'imBack')).toBe(true);
      for (const reply of welcome) {
        expect(reply.from?.role).toBe('bot');
        expect(reply.id).toEqual(expect.any(String));
      }
    });

    test('a typed question is answered in the same response, with the id of the visitor message', async () => {
      const res = await visitor.post({
        type: 'message',
        text: 'when is the booking line open?',
        locale: 'en-US',
      });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { id: string; activities: Reply[] };
      expect(body.id).toEqual(expect.any(String));
      expect(textOf(body.activities)).toContain('+39 02 5748 9001');
      expect(textOf(body.activities)).toMatch(/open now until 16:00/i);
    });

    test('an Italian locale gets Italian replies', async () => {
      const italian = await Visitor.start(bot.baseUrl);
      const replies = await italian.open('it-IT');
      expect(textOf(replies)).toMatch(/assistente virtuale/i);
    });

    test('the visitor time zone is used to show the booking hours in their own time too', async () => {
      const abroad = await Visitor.start(bot.baseUrl);
      const replies = await abroad.say('when is the booking line open?', {
        localTimezone: 'America/New_York',
      });
      expect(textOf(replies)).toMatch(/until 16:00 in Rome, 10:00 your time/);
    });
  });

  describe('when the visitor switches language with the page switch (it sends the language command)', () => {
    test('the bot confirms in Italian and greets again in Italian', async () => {
      const visitor = await Visitor.start(bot.baseUrl);
      await visitor.open('en-GB');
      const replies = await visitor.say('Italiano', { locale: 'it-IT' });
      expect(textOf(replies)).toMatch(/D'ora in poi risponderò in italiano/);
      expect(textOf(replies)).toMatch(/assistente virtuale/);
    });

    test('a question typed right after the switch is answered in Italian', async () => {
      const visitor = await Visitor.start(bot.baseUrl);
      await visitor.open('en-GB');
      await visitor.say('Italiano', { locale: 'it-IT' });
      const replies = await visitor.say("Dove si trova l'ospedale?", { locale: 'it-IT' });
      expect(textOf(replies)).toContain('via Ripamonti 435, Milano');
    });
  });

  describe('when the token is missing, forged or expired', () => {
    let visitor: Visitor;
    beforeAll(async () => {
      visitor = await Visitor.start(bot.baseUrl);
    });

    test('no token: 401 with a Bearer challenge', async () => {
      const res = await fetch(
        `${bot.baseUrl}/api/webchat/conversations/${visitor.session.conversationId}/activities`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ type: 'message', text: 'hello' }),
        },
      );
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    });

    test('a token whose signature was altered: 401', async () => {
      const [payload, signature = ''] = visitor.session.token.split('.');
      const flipped = `${payload}.${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;
      const res = await visitor.post({ type: 'message', text: 'hello' }, { token: flipped });
      expect(res.status).toBe(401);
    });

    test('a token claiming another conversation with a made-up signature: 401', async () => {
      const other = await Visitor.start(bot.baseUrl);
      const [, signature] = visitor.session.token.split('.');
      const claims = Buffer.from(
        JSON.stringify({ v: 1, c: other.session.conversationId, e: 4102444800 }),
      ).toString('base64url');
      const res = await visitor.post(
        { type: 'message', text: 'hello' },
        { token: `${claims}.${signature}`, conversationId: other.session.conversationId },
      );
      expect(res.status).toBe(401);
    });

    test('a token signed with another server secret: 401', () => {
      const elsewhere = new ConversationTokens('another-secret-of-another-server-000000', 900, () =>
        clock.now().toSeconds(),
      );
      const { token } = elsewhere.issue(visitor.session.conversationId);
      return visitor
        .post({ type: 'message', text: 'hello' }, { token })
        .then((res) => expect(res.status).toBe(401));
    });

    test('a token past its lifetime: 401 token_expired, and a refreshed one works again', async () => {
      const late = await Visitor.start(bot.baseUrl);
      clock.advance(600);
      const refresh = await fetch(
        `${bot.baseUrl}/api/webchat/conversations/${late.session.conversationId}/token`,
        {
          method: 'POST',
          headers: { authorization: `Bearer ${late.session.token}` },
        },
      );
      expect(refresh.status).toBe(200);
      const refreshed = (await refresh.json()) as { token: string; conversationId: string };
      expect(refreshed.conversationId).toBe(late.session.conversationId);
      clock.advance(400);
      const expired = await late.post({ type: 'message', text: 'hello' });
      expect(expired.status).toBe(401);
      expect(((await expired.json()) as { error: string }).error).toBe('token_expired');
      const fresh = await late.post(
        { type: 'message', text: 'hello', locale: 'en-US' },
        { token: refreshed.token },
      );
      expect(fresh.status).toBe(200);
    });
  });

  describe('when one visitor tries to reach another conversation', () => {
    let alice: Visitor;
    let bob: Visitor;
    beforeAll(async () => {
      alice = await Visitor.start(bot.baseUrl);
      bob = await Visitor.start(bot.baseUrl);
    });

    test("posting to Bob's conversation with Alice's token is forbidden (403) and returns no replies", async () => {
      const res = await alice.post(
        { type: 'message', text: 'hello', locale: 'en-US' },
        { conversationId: bob.session.conversationId },
      );
      expect(res.status).toBe(403);
      const body = (await res.json()) as Record<string, unknown>;
      expect(body.activities).toBeUndefined();
    });

    test("refreshing a token for Bob's conversation with Alice's token is forbidden (403)", async () => {
      const res = await fetch(
        `${bot.baseUrl}/api/webchat/conversations/${bob.session.conversationId}/token`,
        {
          method: 'POST',
          headers: { authorization: `Bearer ${alice.session.token}` },
        },
      );
      expect(res.status).toBe(403);
    });

    test('there is no route that reads a conversation back', async () => {
      const res = await fetch(
        `${bot.baseUrl}/api/webchat/conversations/${bob.session.conversationId}/activities`,
        {
          headers: { authorization: `Bearer ${bob.session.token}` },
        },
      );
      expect([404, 405]).toContain(res.status);
    });

    test('the conversation id comes from the token, never from the body', async () => {
      const started = await bob.say('I have a suspicious mole');
      expect(textOf(started)).toMatch(/bleeding/i);
      // Alice names Bob's conversation and user in the body: she still talks in her own conversation.
      const replies = await alice.say('No', {
        conversation: { id: bob.session.conversationId },
        from: { id: bob.session.userId },
      });
      expect(textOf(replies)).not.toMatch(/new lump under the skin/i);
      // Bob's pathway was not moved by Alice's "No": his own "No" gets the next question.
      expect(textOf(await bob.say('No'))).toMatch(/new lump under the skin/i);
    });

    test("visitors talking at the same time each get only their own conversation's replies", async () => {
      const carol = await Visitor.start(bot.baseUrl);
      const dave = await Visitor.start(bot.baseUrl);
      const [carolReplies, daveReplies] = await Promise.all([
        carol.say('I have a suspicious mole'),
        dave.say('when is the booking line open?'),
      ]);
      expect(textOf(carolReplies)).toMatch(/bleeding/i);
      expect(textOf(carolReplies)).not.toContain('+39 02 5748 9001');
      expect(textOf(daveReplies)).toContain('+39 02 5748 9001');
      expect(textOf(daveReplies)).not.toMatch(/bleeding/i);
    });
  });

  describe('when the browser tries to ask for the staff operator mode', () => {
    test('the turn stays public whatever channelData, value or channelId the body carries', async () => {
      const visitor = await Visitor.start(bot.baseUrl);
      const res = await visitor.post({
        type: 'conversationUpdate',
        locale: 'en-US',
        channelId: 'msteams',
        channelData: { mode: 'operator', tenant: { id: '00000000-0000-0000-0000-000000000000' } },
        value: { mode: 'operator' },
      });
      const replies = ((await res.json()) as { activities: Reply[] }).activities;
      expect(textOf(replies)).toMatch(/virtual assistant/i);
      expect(textOf(replies)).not.toMatch(/call script/i);
    });
  });

  describe('when the request is malformed', () => {
    let visitor: Visitor;
    beforeAll(async () => {
      visitor = await Visitor.start(bot.baseUrl);
    });

    test.each([
      ['an unknown activity type', { type: 'invoke', name: 'x' }, /type must be/],
      ['a message without text', { type: 'message', text: '   ' }, /needs text/],
      ['a message that is too long', { type: 'message', text: 'a'.repeat(5001) }, /at most 5000/],
    ])('%s gets 400 with a reason', async (_what, body, reason) => {
      const res = await visitor.post(body);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { message: string }).message).toMatch(reason);
    });

    test('a body that is not JSON gets 415', async () => {
      const res = await fetch(
        `${bot.baseUrl}/api/webchat/conversations/${visitor.session.conversationId}/activities`,
        {
          method: 'POST',
          headers: { 'content-type': 'text/plain', authorization: `Bearer ${visitor.session.token}` },
          body: 'hello',
        },
      );
      expect(res.status).toBe(415);
    });

    test('an invalid time zone or locale is dropped and the turn still runs', async () => {
      const replies = await visitor.say('when is the booking line open?', {
        locale: 'en-US',
        localTimezone: 'Mars/Olympus_Mons',
      });
      expect(textOf(replies)).toContain('+39 02 5748 9001');
    });
  });

  describe('the Web Chat page', () => {
    test('it carries a Content-Security-Policy that runs only our own scripts and frames only for FRAME_ANCESTORS', async () => {
      const res = await fetch(`${bot.baseUrl}/`);
      expect(res.status).toBe(200);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:\/\/(?!directline)/);
      expect(csp).toContain("frame-ancestors 'self'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    });

    test('it has no inline script: every script is a served file or a JSON data block', async () => {
      const html = await (await fetch(`${bot.baseUrl}/`)).text();
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
      expect(scripts.length).toBeGreaterThanOrEqual(2);
      for (const [, attributes = '', body = ''] of scripts) {
        if (/type="application\/json"/.test(attributes)) continue;
        expect(attributes).toMatch(/src="\/webchat\/start\.js"/);
        expect(body.trim()).toBe('');
      }
    });

    test.each([
      [
        'it',
        'Buongiorno, sono l&#39;assistente virtuale',
        'Una breve nota sulla privacy',
        'Ho un neo sospetto',
      ],
      ['en', 'Hello, I am the virtual assistant', 'A short note on privacy', 'I have a suspicious mole'],
    ])(
      'in %s its own HTML holds the welcome, the privacy note and the doors, before any script runs',
      async (lang, welcome, privacy, door) => {
        const html = await (await fetch(`${bot.baseUrl}/?lang=${lang}`)).text();
        const screen = html.slice(html.indexOf('id="first-screen"'), html.indexOf('id="webchat"'));
        expect(screen).toContain(welcome);
        expect(screen).toContain(privacy);
        expect(screen).toContain(
          `<button type="button" class="lite-choice" data-say="${door}">${door}</button>`,
        );
        expect(screen).toContain('<a href="tel:112">112</a>');
        // Web Chat's bundle is not in the page: the first script loads it afterwards.
        expect(html).not.toContain('/webchat/webchat.js');
      },
    );

    test('it is sent compressed to browsers that accept gzip', async () => {
      const raw = await import('node:http').then(
        (http) =>
          new Promise<{ encoding?: string; body: Buffer }>((resolve) => {
            http.get(`${bot.baseUrl}/?lang=it`, { headers: { 'accept-encoding': 'gzip, br' } }, (r) => {
              const chunks: Buffer[] = [];
              r.on('data', (c: Buffer) => chunks.push(c));
              r.on('end', () =>
                resolve({ encoding: r.headers['content-encoding'], body: Buffer.concat(chunks) }),
              );
            });
          }),
      );
      expect(raw.encoding).toBe('gzip');
      expect(gunzipSync(raw.body).toString('utf8')).toContain('Ho un neo sospetto');
    });

    test('a site not in FRAME_ANCESTORS is told it may not frame the chat, in a response it can read', async () => {
      const res = await fetch(`${bot.baseUrl}/api/webchat/frame-check`, {
        headers: { origin: 'https://www.hospital.example' },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
      expect(await res.json()).toEqual({ allowed: false, setting: 'FRAME_ANCESTORS' });
    });

    test.each([
      ['it-IT,it;q=0.9,en;q=0.8', undefined, 'it', 'Sarcomi dei tessuti molli e tumori rari'],
      ['en-GB,en;q=0.9', undefined, 'en', 'Soft Tissue Sarcoma and Rare Tumours'],
      ['en-GB,en;q=0.9', 'it', 'it', 'Sarcomi dei tessuti molli e tumori rari'],
    ])(
      'with Accept-Language %s and ?lang=%s it is in %s',
      async (acceptLanguage, lang, expected, heading) => {
        const res = await fetch(`${bot.baseUrl}/${lang ? `?lang=${lang}` : ''}`, {
          headers: { 'accept-language': acceptLanguage },
        });
        const html = await res.text();
        expect(html).toContain(`<html lang="${expected}"`);
        expect(html).toContain(heading);
      },
    );

    test("Web Chat's bundle is served from the installed package, compressed for browsers that accept gzip", async () => {
      const res = await fetch(`${bot.baseUrl}/webchat/webchat.js`, {
        headers: { 'accept-encoding': 'identity' },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('javascript');
      const installed = readFileSync(
        join(dirname(require.resolve('botframework-webchat')), '../dist/webchat.js'),
      );
      expect(Buffer.from(await res.arrayBuffer()).equals(installed)).toBe(true);
      const raw = await import('node:http').then(
        (http) =>
          new Promise<{ encoding?: string; body: Buffer }>((resolve) => {
            http.get(`${bot.baseUrl}/webchat/webchat.js`, { headers: { 'accept-encoding': 'gzip' } }, (r) => {
              const chunks: Buffer[] = [];
              r.on('data', (c: Buffer) => chunks.push(c));
              r.on('end', () =>
                resolve({ encoding: r.headers['content-encoding'], body: Buffer.concat(chunks) }),
              );
            });
          }),
      );
      expect(raw.encoding).toBe('gzip');
      expect(raw.body.length).toBeLessThan(installed.length / 2);
      expect(gunzipSync(raw.body).equals(installed)).toBe(true);
    });

    test('the widget script carries its button labels and may be loaded by other sites', async () => {
      const res = await fetch(`${bot.baseUrl}/widget.js`);
      expect(res.status).toBe(200);
      expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
      const js = await res.text();
      expect(js).toContain('Apri la chat');
      expect(js).toContain('Open the chat');
      expect(js).not.toContain('/*WIDGET_STRINGS*/');
    });
  });

  describe('when Direct Line is not configured', () => {
    test('the token exchange route answers 404', async () => {
      const res = await fetch(`${bot.baseUrl}/api/directline/token`, { method: 'POST' });
      expect(res.status).toBe(404);
    });
  });
});

describe('the website chat with Azure Direct Line and framing by the hospital site', () => {
  const secret = 'direct-line-secret-never-in-the-browser';
  const realFetch = globalThis.fetch;
  const calls: { url: string; authorization?: string; body?: string }[] = [];
  let answer: () => Response = () =>
    new Response(JSON.stringify({ token: 'dl-token', expires_in: 1800, conversationId: 'dl-conv' }));
  let bot: RunningApp;
  beforeAll(async () => {
    globalThis.fetch = (async (input: string | URL | Request, init?: RequestInit) => {
      const url = String(input instanceof Request ? input.url : input);
      if (url !== DIRECT_LINE_TOKEN_URL) return realFetch(input, init);
      calls.push({
        url,
        authorization: new Headers(init?.headers).get('authorization') ?? undefined,
        body: String(init?.body),
      });
      return answer();
    }) as typeof fetch;
    bot = await startApp({ DIRECT_LINE_SECRET: secret, FRAME_ANCESTORS: "'self' https://www.ieo.it" });
  });
  afterAll(async () => {
    await bot.stop();
    globalThis.fetch = realFetch;
  });

  test('the page is told to use Direct Line, may connect to it, and may be framed by the listed site', async () => {
    const res = await realFetch(`${bot.baseUrl}/`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain(
      "connect-src 'self' https://directline.botframework.com wss://directline.botframework.com",
    );
    expect(csp).toContain("frame-ancestors 'self' https://www.ieo.it");
    expect(res.headers.get('x-frame-options')).toBeNull();
    const html = await res.text();
    expect(html).toContain('"channel":"directline"');
    expect(html).not.toContain(secret);
  });

  test('the token route exchanges the secret server side and hands back only the token', async () => {
    const res = await realFetch(`${bot.baseUrl}/api/directline/token`, { method: 'POST' });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toContain(secret);
    const body = JSON.parse(text) as { token: string; userId: string };
    expect(body.token).toBe('dl-token');
    expect(body.userId).toMatch(/^dl_[0-9a-f]{32}$/);
    expect(calls.at(-1)?.authorization).toBe(`Bearer ${secret}`);
    expect(JSON.parse(calls.at(-1)?.body ?? '{}')).toEqual({ user: { id: body.userId } });
  });

  test.each([
    ['https://www.ieo.it', true],
    ['http://www.ieo.it', false],
    ['https://intranet.ieo.it', false],
  ])('the widget on %s is told whether it may frame the chat (%s)', async (origin, allowed) => {
    const res = await realFetch(`${bot.baseUrl}/api/webchat/frame-check`, { headers: { origin } });
    expect(await res.json()).toEqual({ allowed, setting: 'FRAME_ANCESTORS' });
  });

  test('when Azure refuses, the browser gets 502 and no detail', async () => {
    answer = () => new Response('{"error":{"code":"BadArgument"}}', { status: 403 });
    const res = await realFetch(`${bot.baseUrl}/api/directline/token`, { method: 'POST' });
    expect(res.status).toBe(502);
    expect(await res.text()).not.toContain('BadArgument');
  });
});

describe('the web channel when the bot has Bot Framework credentials (deployed on Azure)', () => {
  let bot: RunningApp;
  beforeAll(async () => {
    bot = await startApp({
      MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
      MicrosoftAppPassword: 'not-a-real-password',
    });
  });
  afterAll(async () => {
    await bot.stop();
  });

  test('/api/messages refuses a request without a Bot Framework token, but the web chat visitor is answered', async () => {
    const direct = await bot.send({
      type: 'message',
      text: 'hello',
      channelId: 'webchat',
      serviceUrl: 'http://127.0.0.1:9/',
      from: { id: 'u' },
      recipient: { id: 'b' },
      conversation: { id: 'c' },
    });
    expect(direct.status).toBe(401);
    const visitor = await Visitor.start(bot.baseUrl);
    expect(textOf(await visitor.open())).toMatch(/virtual assistant/i);
    expect(textOf(await visitor.say('when is the booking line open?'))).toContain('+39 02 5748 9001');
  });
});

describe('the web chat settings', () => {
  const load = (env: Record<string, string>) => loadConfig(env, '/project');

  test('by default tokens live 15 minutes, are signed with a per-process key, and only our own site may frame the page', () => {
    const c = load({});
    expect(c.webChat).toEqual({
      tokenSecret: undefined,
      tokenTtlSeconds: 900,
      directLineSecret: undefined,
      frameAncestors: ["'self'"],
    });
  });

  test.each([
    ['WEBCHAT_TOKEN_SECRET', 'short', /at least 32 characters/],
    ['WEBCHAT_TOKEN_TTL_SECONDS', '10', /WEBCHAT_TOKEN_TTL_SECONDS must be a whole number from 60/],
    ['FRAME_ANCESTORS', "'self'; script-src *", /FRAME_ANCESTORS must be/],
    ['FRAME_ANCESTORS', "'none' https://a.example", /FRAME_ANCESTORS must be/],
  ])('%s=%s is refused with a message naming the variable', (name, value, message) => {
    expect(() => load({ [name]: value })).toThrow(ConfigError);
    expect(() => load({ [name]: value })).toThrow(message);
  });

  test('FRAME_ANCESTORS accepts origins separated by spaces or commas', () => {
    expect(
      load({ FRAME_ANCESTORS: "'self', https://www.ieo.it https://*.ieo.it" }).webChat.frameAncestors,
    ).toEqual(["'self'", 'https://www.ieo.it', 'https://*.ieo.it']);
  });
});

describe('the conversation tokens', () => {
  let now = 1_000_000;
  const tokens = new ConversationTokens('x'.repeat(32), 60, () => now);

  test('a token names its conversation until it expires', () => {
    const { token } = tokens.issue('wc-abc');
    expect(tokens.verify(token)).toEqual({
      status: TokenStatus.Valid,
      conversationId: 'wc-abc',
      expiresAt: 1_000_060,
    });
    now += 60;
    expect(tokens.verify(token).status).toBe(TokenStatus.Expired);
  });

  test.each([undefined, '', 'abc', 'a.b.c', '.', 'eyJ2IjoxfQ.'])('%p is refused as forged', (token) => {
    expect(tokens.verify(token).status).toBe(TokenStatus.Forged);
  });
});

describe('the page language', () => {
  test.each([
    [undefined, undefined, 'it'],
    [undefined, 'de-DE,de;q=0.9', 'en'],
    [undefined, 'de-DE,it;q=0.5,en;q=0.7', 'en'],
    [undefined, 'de-DE,it;q=0.8,en;q=0.7', 'it'],
    ['en', 'it-IT', 'en'],
    ['xx', 'it-IT', 'it'],
  ])('?lang=%p with Accept-Language %p is %p', (query, accept, expected) => {
    expect(pageLanguage(query, accept)).toBe(expected);
  });
});
