import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { staffHash } from '../../scripts/staffHash';
import { OperatorTokens } from '../../src/channels/agent/operatorTokens';
import { StaffKeyHash } from '../../src/channels/agent/staffKeyHash';
import { ConfigError, loadConfig } from '../../src/config';
import type { Content } from '../../src/content/content';
import { loadContent } from '../../src/content/contentLoader';
import type { Pathway, QuestionNode } from '../../src/content/pathwaySchema';
import type { Clock } from '../../src/time/clock';
import {
  message,
  newConversationId,
  type ReplyActivity,
  type RunningApp,
  startApp,
  textOf,
} from '../support/testApp';

const STAFF_KEY = 'correct horse battery staple 2026';
const STAFF_TENANT = '6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f';
const OTHER_TENANT = '11111111-2222-4333-8444-555555555555';
const ENV = {
  STAFF_ACCESS_KEY_HASH: `sha256:${createHash('sha256').update(STAFF_KEY).digest('hex')}`,
  STAFF_TENANT_IDS: ` ${STAFF_TENANT.toUpperCase()} , `,
};

/** A clock the tests can move forward (10:00 on an open Tuesday in Rome to start with). */
const start = DateTime.fromISO('2026-12-01T10:00:00', { zone: 'Europe/Rome' });
let instant = start;
const movableClock: Clock = { now: () => instant };

/** The longest walk of a pathway: the question nodes and the choice picked at each. */
function longestWalk(p: Pathway): { question: QuestionNode; choice: QuestionNode['choices'][number] }[] {
  let best: { question: QuestionNode; choice: QuestionNode['choices'][number] }[] = [];
  const visit = (id: string, walk: typeof best) => {
    const node = p.nodes[id]!;
    if (node.type === 'info') return visit(node.next, walk);
    if (node.type === 'disposition') {
      if (walk.length > best.length) best = walk;
      return;
    }
    for (const choice of node.choices) visit(choice.next, [...walk, { question: node, choice }]);
  };
  visit(p.start, []);
  return best;
}

/** What the public sees when a pathway starts: its first question as worded for the visitor. */
function firstQuestion(p: Pathway): QuestionNode {
  let node = p.nodes[p.start]!;
  while (node.type === 'info') node = p.nodes[node.next]!;
  return node as QuestionNode;
}

describe('call-centre operator mode', () => {
  let bot: RunningApp;
  let content: Content;
  let mole: Pathway;

  const post = async (path: string, body: unknown, token?: string) => {
    const res = await fetch(`${bot.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    return {
      status: res.status,
      headers: res.headers,
      body: (text ? JSON.parse(text) : {}) as Record<string, unknown>,
    };
  };
  const signIn = async (locale = 'en-GB') => {
    const res = await post('/agent/api/session', { key: STAFF_KEY, locale, localTimezone: 'Europe/Rome' });
    expect(res.status).toBe(200);
    return res.body as {
      token: string;
      conversationId: string;
      expiresAt: string;
      activities: ReplyActivity[];
    };
  };
  const say = async (session: { token: string; conversationId: string }, text: string, locale = 'en-GB') => {
    const res = await post(
      `/agent/api/conversations/${session.conversationId}/activities`,
      { text, locale },
      session.token,
    );
    return { status: res.status, activities: (res.body.activities ?? []) as ReplyActivity[] };
  };
  const teams = (
    text: string,
    conversationId: string,
    tenant: { conversation?: string; channelData?: string },
  ) =>
    message(text, {
      conversationId,
      channelId: 'msteams',
      locale: 'en-US',
      serviceUrl: 'https://smba.trafficmanager.net/emea/',
      from: { id: '29:1a2b3c', name: 'Giulia Rossi', aadObjectId: '0b1c2d3e-aaaa-4bbb-8ccc-123456789abc' },
      recipient: { id: '28:bot-app-id', name: 'Sarcoma triage' },
      conversation: { id: conversationId, conversationType: 'personal', tenantId: tenant.conversation },
      channelData: tenant.channelData ? { tenant: { id: tenant.channelData } } : {},
    });

  beforeAll(async () => {
    content = await loadContent(join(__dirname, '..', '..'));
    mole = content.pathways.find((p) => p.id === 'suspicious-mole')!;
    bot = await startApp(ENV, movableClock);
  });
  afterAll(async () => {
    await bot.stop();
  });
  afterEach(() => {
    instant = start;
  });

  describe('when a public visitor tries to become an operator', () => {
    const publicQuestion = () => firstQuestion(mole).text.en;
    const operatorQuestion = () => firstQuestion(mole).operatorText.en;

    test.each([
      ['types "operator mode"', { text: 'operator mode' }],
      ['types "modalità operatore"', { text: 'modalità operatore' }],
      ['posts channelData { mode: "operator" }', { channelData: { mode: 'operator', operator: true } }],
      [
        'posts a web chat activity claiming a staff tenant',
        { conversation: { tenantId: STAFF_TENANT }, channelData: { tenant: { id: STAFF_TENANT } } },
      ],
    ])('it stays public when the visitor %s', async (_what, extra) => {
      const conversationId = newConversationId();
      const { text, ...rest } = extra as { text?: string } & Record<string, unknown>;
      const withConversation = (t: string) => {
        const base = message(t, { conversationId, locale: 'en-US' });
        const conversation = { ...(base.conversation as object), ...((rest.conversation as object) ?? {}) };
        return { ...base, ...rest, conversation };
      };
      if (text) await bot.send(withConversation(text));
      const { activities } = await bot.send(withConversation('I have a suspicious mole'));
      expect(textOf(activities)).toContain(publicQuestion());
      expect(textOf(activities)).not.toContain(operatorQuestion());
    });

    test('a Teams user from a tenant not in STAFF_TENANT_IDS gets the public conversation', async () => {
      const conversationId = newConversationId();
      const { activities } = await bot.send(
        teams('I have a suspicious mole', conversationId, {
          conversation: OTHER_TENANT,
          channelData: OTHER_TENANT,
        }),
      );
      expect(textOf(activities)).toContain(publicQuestion());
      expect(textOf(activities)).not.toContain(operatorQuestion());
    });

    test('a Teams activity whose two tenant ids disagree gets the public conversation', async () => {
      const conversationId = newConversationId();
      const { activities } = await bot.send(
        teams('I have a suspicious mole', conversationId, {
          conversation: OTHER_TENANT,
          channelData: STAFF_TENANT,
        }),
      );
      expect(textOf(activities)).toContain(publicQuestion());
    });

    test("reusing an operator's conversation id on /api/messages does not inherit operator mode", async () => {
      const session = await signIn();
      await say(session, 'I have a suspicious mole');
      const { activities } = await bot.send(
        message('start over', { conversationId: session.conversationId, locale: 'en-US' }),
      );
      expect(textOf(activities)).not.toMatch(/call script/i);
      const again = await bot.send(
        message('I have a suspicious mole', { conversationId: session.conversationId, locale: 'en-US' }),
      );
      expect(textOf(again.activities)).toContain(publicQuestion());
    });

    test('the public web chat hands out no operator token: its token is refused by the operator API, and its turns stay public', async () => {
      const opened = await post('/api/webchat/conversations', {});
      expect(opened.status).toBe(201);
      const visitor = opened.body as { conversationId: string; token: string };
      const refused = await say(visitor, 'I have a suspicious mole');
      expect(refused.status).toBe(401);
      const res = await post(
        `/api/webchat/conversations/${visitor.conversationId}/activities`,
        {
          type: 'message',
          text: 'I have a suspicious mole',
          locale: 'en-US',
          channelData: { mode: 'operator', tenant: { id: STAFF_TENANT } },
          conversation: { tenantId: STAFF_TENANT },
        },
        visitor.token,
      );
      expect(res.status).toBe(200);
      const replies = (Array.isArray(res.body) ? res.body : res.body.activities) as ReplyActivity[];
      expect(textOf(replies)).toContain(publicQuestion());
      expect(textOf(replies)).not.toContain(operatorQuestion());
    });

    test('a wrong staff key is refused and no token is given', async () => {
      const res = await post('/agent/api/session', { key: 'operator' });
      expect(res.status).toBe(401);
      expect(res.body.token).toBeUndefined();
    });

    test.each([
      ['no token', () => ''],
      ['a made-up token', () => 'op1.eyJyb2xlIjoib3BlcmF0b3IifQ.c2lnbmF0dXJl'],
      [
        'a token signed with another secret',
        (cid: string) => new OperatorTokens(() => Date.now()).mint('someone', cid).token,
      ],
      [
        'a genuine token whose claims were edited',
        (cid: string, token: string) => {
          const [v, payload, sig] = token.split('.');
          const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<string, unknown>;
          const edited = Buffer.from(JSON.stringify({ ...claims, cid: `${cid}-x` })).toString('base64url');
          return `${v}.${edited}.${sig}`;
        },
      ],
    ])('the operator API refuses %s', async (_what, forge) => {
      const session = await signIn();
      const token = forge(session.conversationId, session.token);
      const res = await say({ token, conversationId: session.conversationId }, 'I have a suspicious mole');
      expect(res.status).toBe(401);
      expect(res.activities).toEqual([]);
    });

    test("an operator token cannot post to another operator's conversation", async () => {
      const a = await signIn();
      const b = await signIn();
      const res = await say({ token: a.token, conversationId: b.conversationId }, 'I have a suspicious mole');
      expect(res.status).toBe(403);
    });

    test('a token stops working when the shift is over (10 hours)', async () => {
      const session = await signIn();
      instant = start.plus({ hours: 10, minutes: 1 });
      const res = await say(session, 'I have a suspicious mole');
      expect(res.status).toBe(401);
    });

    test('after five wrong keys from one address even the right key must wait', async () => {
      const wrong = await Promise.all(
        [1, 2, 3, 4, 5].map(() => post('/agent/api/session', { key: 'guess' })),
      );
      expect(wrong.map((r) => r.status)).toEqual([401, 401, 401, 401, 401]);
      const blocked = await post('/agent/api/session', { key: STAFF_KEY });
      expect(blocked.status).toBe(429);
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
      instant = start.plus({ minutes: 16 });
      const later = await post('/agent/api/session', { key: STAFF_KEY });
      expect(later.status).toBe(200);
    });
  });

  describe('when an operator signs in at /agent with the staff key', () => {
    test('the page is served with a strict Content-Security-Policy and no key in it', async () => {
      const res = await fetch(`${bot.baseUrl}/agent`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/html');
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
      const html = await res.text();
      expect(html).toContain('type="password"');
      expect(html).not.toContain(STAFF_KEY);
    });

    test('the bot greets the operator with the call script and the four situations', async () => {
      const session = await signIn();
      expect(session.token).toMatch(/^op1\./);
      expect(textOf(session.activities)).toMatch(/call script mode/i);
      const choices = session.activities.flatMap(
        (a) => a.suggestedActions?.actions.map((x) => x.title) ?? [],
      );
      expect(choices).toEqual(expect.arrayContaining(content.pathways.map((p) => p.title.en)));
    });

    test('every question is worded for the operator, the caller’s answers are the choices, and the call ends with a complete summary', async () => {
      const session = await signIn();
      const walk = longestWalk(mole);
      let replies = (await say(session, mole.title.en)).activities;
      for (const { question, choice } of walk) {
        expect(textOf(replies)).toContain(question.operatorText.en);
        expect(textOf(replies)).not.toContain(question.text.en);
        const offered = replies.at(-1)?.suggestedActions?.actions.map((a) => a.title) ?? [];
        expect(offered).toEqual(question.choices.map((c) => c.label.en));
        const res = await say(session, choice.label.en);
        expect(res.status).toBe(200);
        replies = res.activities;
      }
      const summary = replies.map((a) => a.text ?? '').find((t) => t.startsWith('Call summary'));
      expect(summary).toBeDefined();
      const lines = summary!.split('\n');
      expect(lines).toContain(`Situation: ${mole.situation.en}`);
      walk.forEach(({ question, choice }) =>
        expect(lines).toContain(`${question.summaryLabel.en}: ${(choice.summary ?? choice.label).en}`),
      );
      const leaf = mole.nodes[walk.at(-1)!.choice.next]!;
      expect(leaf.type).toBe('disposition');
      expect(summary).not.toContain((leaf as { code: string }).code);
      expect(summary).toMatch(/^Outcome: [A-Z][a-z]/m);
      expect(summary).toMatch(/^Urgency: [1-5] of 5, [a-z]/m);
      expect(summary).toMatch(/^Booking line: .*open.*16:00/im);
      expect(summary).toMatch(/^Time: 1 Dec 2026, 10:00 \(Europe\/Rome\)$/m);
    });

    test('a red flag is phrased for the operator: tell the caller to dial 112', async () => {
      const session = await signIn();
      await say(session, mole.title.en);
      const { activities } = await say(session, 'the caller says he has crushing chest pain right now');
      expect(textOf(activities)).toMatch(/RED FLAG/);
      expect(textOf(activities)).toMatch(/tell the caller .*112/i);
    });

    test('an urgent sign is phrased for the operator: a same-day call back, not 112 first', async () => {
      const session = await signIn();
      const asked = await say(session, 'the caller has spine mets and his back pain is much worse');
      expect(textOf(asked.activities)).toMatch(/Ask the caller whether there is any new weakness/);
      const { activities } = await say(session, 'no');
      expect(textOf(activities)).toMatch(/URGENT, SAME DAY \(not 112\)/);
      expect(textOf(activities)).not.toMatch(/RED FLAG/);
    });

    test('a caller in low spirits: the operator is told how to support them, and the script goes on', async () => {
      const session = await signIn();
      await say(session, mole.title.en);
      const { activities } = await say(session, 'the caller is so scared and cannot sleep');
      const text = textOf(activities);
      expect(text).toMatch(/psycho-oncologist/);
      expect(text).not.toMatch(/RED FLAG/);
      expect(text).toContain(mole.nodes[mole.start]!.operatorText.en);
    });

    test('"new call" opens a fresh conversation with a fresh token, and the old token cannot reach it', async () => {
      const first = await signIn();
      const res = await post('/agent/api/conversations', { locale: 'it-IT' }, first.token);
      expect(res.status).toBe(200);
      const second = res.body as { token: string; conversationId: string; activities: ReplyActivity[] };
      expect(second.conversationId).not.toBe(first.conversationId);
      expect(textOf(second.activities)).toMatch(/copione per le chiamate/i);
      expect(
        (await say({ token: first.token, conversationId: second.conversationId }, 'aiuto', 'it-IT')).status,
      ).toBe(403);
      expect((await say(second, 'aiuto', 'it-IT')).status).toBe(200);
    });
  });

  describe('when staff use the bot in Microsoft Teams from a tenant in STAFF_TENANT_IDS', () => {
    test('the call script ends with the summary as an Adaptive Card fact set, plus the text to paste', async () => {
      const conversationId = newConversationId();
      const walk = longestWalk(mole);
      const staff = { conversation: STAFF_TENANT, channelData: STAFF_TENANT };
      let { activities } = await bot.send(teams(mole.title.en, conversationId, staff));
      expect(textOf(activities)).toContain(walk[0]!.question.operatorText.en);
      for (const { choice } of walk)
        ({ activities } = await bot.send(teams(choice.label.en, conversationId, staff)));
      const withCard = activities.find((a) =>
        a.attachments?.some((x) => x.contentType === 'application/vnd.microsoft.card.adaptive'),
      );
      expect(withCard?.text).toMatch(/^Call summary/);
      const card = withCard!.attachments![0]!.content as {
        version: string;
        body: { type: string; facts?: { title: string; value: string }[] }[];
      };
      expect(Number(card.version)).toBeLessThanOrEqual(1.5);
      const facts = card.body.find((b) => b.type === 'FactSet')?.facts ?? [];
      expect(facts[0]).toEqual({ title: 'Situation', value: mole.situation.en });
      walk.forEach(({ question, choice }) =>
        expect(facts).toContainEqual({
          title: question.summaryLabel.en,
          value: (choice.summary ?? choice.label).en,
        }),
      );
      expect(facts.map((f) => f.title)).toEqual(
        expect.arrayContaining(['Outcome', 'Urgency', 'Booking line', 'Time']),
      );
    });

    test('the tenant is also recognised from channelData.tenant.id alone', async () => {
      const { activities } = await bot.send(
        teams(mole.title.en, newConversationId(), { channelData: STAFF_TENANT }),
      );
      expect(textOf(activities)).toContain(firstQuestion(mole).operatorText.en);
    });
  });
});

describe('the staff access key and tenants in the configuration', () => {
  test('`npm run staff:hash` output is accepted as STAFF_ACCESS_KEY_HASH and matches only its key', async () => {
    const hash = await staffHash('a-long-random-staff-key-123');
    expect(hash).toMatch(/^scrypt:32768:8:1:/);
    expect(loadConfig({ STAFF_ACCESS_KEY_HASH: hash }, '/p').staff.accessKeyHash).toBe(hash);
    const parsed = StaffKeyHash.parse(hash)!;
    await expect(parsed.matches('a-long-random-staff-key-123')).resolves.toBe(true);
    await expect(parsed.matches('a-long-random-staff-key-124')).resolves.toBe(false);
  });

  test('a short key is refused by the helper', async () => {
    await expect(staffHash('short')).rejects.toThrow(/at least 16 characters/);
  });

  test.each([
    [
      'STAFF_ACCESS_KEY_HASH',
      'plaintext-password',
      /STAFF_ACCESS_KEY_HASH must be scrypt:.*npm run --silent staff:hash/,
    ],
    ['STAFF_TENANT_IDS', 'contoso.onmicrosoft.com', /STAFF_TENANT_IDS must be Microsoft Entra tenant ids/],
  ])('a malformed %s stops start-up with the fix', (name, value, pattern) => {
    expect(() => loadConfig({ [name]: value }, '/p')).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value }, '/p')).toThrow(pattern);
  });

  test('tenant ids are read case-insensitively, without blanks or repeats', () => {
    const c = loadConfig(
      { STAFF_TENANT_IDS: `${STAFF_TENANT.toUpperCase()}, ${STAFF_TENANT},,${OTHER_TENANT}` },
      '/p',
    );
    expect(c.staff.tenantIds).toEqual([STAFF_TENANT, OTHER_TENANT]);
  });

  test('without STAFF_ACCESS_KEY_HASH the operator API gives no session to anyone', async () => {
    const app = await startApp({});
    try {
      const res = await fetch(`${app.baseUrl}/agent/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ key: STAFF_KEY }),
      });
      expect(res.status).toBe(403);
    } finally {
      await app.stop();
    }
  });
});

describe('when many wrong staff keys arrive at once (a real scrypt hash, whose checks take time)', () => {
  let bot: RunningApp;
  beforeAll(async () => {
    const hash = await StaffKeyHash.create(STAFF_KEY, { N: 2 ** 12, r: 8, p: 1 });
    bot = await startApp({ STAFF_ACCESS_KEY_HASH: hash });
  });
  afterAll(async () => {
    await bot.stop();
  });

  test('at most five are checked; the rest are throttled at once, before their key is read', async () => {
    const burst = await Promise.all(
      Array.from({ length: 30 }, () =>
        fetch(`${bot.baseUrl}/agent/api/session`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ key: 'guess' }),
        }),
      ),
    );
    const statuses = burst.map((r) => r.status);
    expect(statuses.filter((x) => x === 401)).toHaveLength(5);
    expect(statuses.filter((x) => x === 429)).toHaveLength(25);
  });
});
