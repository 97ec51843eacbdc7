import { createHmac, createSign, generateKeyPairSync } from 'node:crypto';
import { startMain, stopMain } from '../support/mainProcess';
import { message, type RunningApp, startApp } from '../support/testApp';
import { webVisitor } from './webVisitor';

const APP_ID = '2f1c6a9e-4b7d-4e21-9a3c-5d8e7f6a1b2c';
const APP_PASSWORD = 'not-a-real-password-for-tests';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A JWT that looks like the Bot Framework's but is signed with a key we just made up. */
function selfSignedJwt(claims: Record<string, unknown>, header: Record<string, unknown> = {}): string {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const head = b64({ alg: 'RS256', typ: 'JWT', kid: 'made-up-key-id', x5t: 'made-up', ...header });
  const body = b64(claims);
  const signature = createSign('RSA-SHA256').update(`${head}.${body}`).sign(privateKey).toString('base64url');
  return `${head}.${body}.${signature}`;
}

const now = () => Math.floor(Date.now() / 1000);
const channelClaims = () => ({
  iss: 'https://api.botframework.com',
  aud: APP_ID,
  serviceurl: 'http://127.0.0.1:9/',
  nbf: now() - 60,
  exp: now() + 3600,
});

describe('authentication', () => {
  describe('when MicrosoftAppId is set', () => {
    let bot: RunningApp;
    beforeAll(async () => {
      bot = await startApp({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: APP_PASSWORD });
    });
    afterAll(async () => {
      await bot.stop();
    });

    const post = async (authorization?: string) => {
      const res = await fetch(`${bot.baseUrl}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
        body: JSON.stringify({ ...message('when is the booking line open?'), deliveryMode: 'expectReplies' }),
      });
      return { status: res.status, body: await res.text() };
    };

    const FORGERIES: [string, () => string | undefined][] = [
      ['no token', () => undefined],
      ['an empty bearer', () => 'Bearer '],
      ['a token that is not a JWT', () => 'Bearer hello'],
      ['a self-signed JWT with channel claims', () => `Bearer ${selfSignedJwt(channelClaims())}`],
      [
        'a self-signed JWT claiming to come from the Emulator',
        () =>
          `Bearer ${selfSignedJwt({ ...channelClaims(), iss: 'https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/', ver: '1.0', appid: APP_ID })}`,
      ],
      [
        'an expired self-signed JWT',
        () => `Bearer ${selfSignedJwt({ ...channelClaims(), nbf: now() - 7200, exp: now() - 3600 })}`,
      ],
      [
        'an unsigned JWT (alg none)',
        () => `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${b64(channelClaims())}.`,
      ],
      [
        'a JWT signed with HS256 and the app password',
        () => {
          const unsigned = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(channelClaims())}`;
          return `Bearer ${unsigned}.${createHmac('sha256', APP_PASSWORD).update(unsigned).digest('base64url')}`;
        },
      ],
    ];

    test.each(FORGERIES)(
      '%s is refused with 401 or 403 and no reply content',
      async (_name, authorization) => {
        const res = await post(authorization());
        expect([401, 403]).toContain(res.status);
        expect(res.body).not.toContain('activities');
        expect(res.body).not.toMatch(/virtual assistant|booking|\+39/i);
        expect(JSON.parse(res.body)).toEqual(expect.objectContaining({ error: expect.any(String) }));
      },
    );

    test('the refusal says nothing about the bot’s internals', async () => {
      const res = await post(`Bearer ${selfSignedJwt(channelClaims())}`);
      expect(res.body).not.toMatch(/botframework\.com|getaddrinfo|ENOTFOUND|stack|at \w+ \(/i);
    });

    test('website visitors are still served through the web channel (its own tokens)', async () => {
      const visitor = await webVisitor(bot.baseUrl);
      const { status, activities } = await visitor.say('when is the booking line open?');
      expect(status).toBe(200);
      expect(activities.length).toBeGreaterThan(0);
    });
  });

  describe('when the built server starts without MicrosoftAppId (local mode)', () => {
    test('it says loudly, at warn level, that requests are not authenticated and this is for development', async () => {
      const { child, lines } = await startMain({});
      const code = await stopMain(child);
      const warning = lines.find((l) => l.level >= 40 && /LOCAL MODE/i.test(l.msg));
      expect(warning?.msg).toMatch(/not authenticated/i);
      expect(warning?.msg).toMatch(/development/i);
      expect(code).toBe(0);
    }, 90_000);

    test('with MicrosoftAppId set it does not', async () => {
      const { child, lines } = await startMain({
        MicrosoftAppId: APP_ID,
        MicrosoftAppPassword: APP_PASSWORD,
      });
      await stopMain(child);
      expect(lines.filter((l) => /LOCAL MODE/i.test(l.msg))).toEqual([]);
      expect(lines.some((l) => /listening/.test(l.msg))).toBe(true);
    }, 90_000);
  });
});
