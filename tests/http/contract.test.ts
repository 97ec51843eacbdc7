import { choicesOf, message, newConversationId, type RunningApp, startApp, textOf } from '../support/testApp';

describe('the HTTP contract of /api/messages, /healthz and /', () => {
  let bot: RunningApp;
  beforeAll(async () => {
    bot = await startApp();
  });
  afterAll(async () => {
    await bot.stop();
  });

  describe('when the bot is ready', () => {
    test('GET /healthz answers 200 with status, version and content versions', async () => {
      const res = await fetch(`${bot.baseUrl}/healthz`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as {
        status: string;
        version: string;
        content: { knowledge: string; dialogs: string };
      };
      expect(body.status).toBe('ok');
      expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
      expect(body.content.knowledge).toMatch(/^[0-9a-f]{12}$/);
      expect(body.content.dialogs).toMatch(/^[0-9a-f]{12}$/);
    });

    test('GET / serves an HTML page', async () => {
      const res = await fetch(`${bot.baseUrl}/`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/html');
      expect(await res.text()).toContain('<html');
    });
  });

  describe('when a visitor opens the chat (conversationUpdate)', () => {
    test('it greets them with the four doors, in order, as suggested actions', async () => {
      const conversationId = newConversationId();
      const { status, activities } = await bot.send({
        ...message('', { conversationId }),
        type: 'conversationUpdate',
        text: undefined,
        locale: 'en-US',
        membersAdded: [{ id: 'user-1' }],
      });
      expect(status).toBe(200);
      expect(textOf(activities)).toMatch(/virtual assistant/i);
      expect(choicesOf(activities).slice(0, 4)).toEqual([
        'I have a suspicious mole',
        'I received a tumour diagnosis',
        'I discovered I have a metastasis',
        'I have a lump or swelling',
      ]);
    });
  });

  describe('when the first message is a plain question', () => {
    test('it is answered directly, in the language of the locale', async () => {
      const { status, activities } = await bot.send(
        message('when is the booking line open?', { locale: 'en-US' }),
      );
      expect(status).toBe(200);
      expect(textOf(activities)).toContain('+39 02 5748 9001');
      expect(textOf(activities)).toMatch(/open now until 16:00/i);
    });

    test('an Italian question without a locale is answered in Italian', async () => {
      const { activities } = await bot.send(message('quali sono gli orari per prenotare una visita?'));
      expect(textOf(activities)).toMatch(/lunedì al venerdì/i);
    });
  });

  describe('when the channel is Microsoft Teams', () => {
    test('choices come as an Adaptive Card whose Action.Submit carries an msteams imBack', async () => {
      const { status, activities } = await bot.send(
        message('I have a suspicious mole', { channelId: 'msteams', locale: 'en-US' }),
      );
      expect(status).toBe(200);
      const card = activities
        .flatMap((a) => a.attachments ?? [])
        .find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive');
      expect(card).toBeDefined();
      const actions = (card?.content.actions ?? []) as {
        type: string;
        data: { msteams: { type: string; value: string } };
      }[];
      expect(actions.length).toBeGreaterThanOrEqual(2);
      for (const a of actions) {
        expect(a.type).toBe('Action.Submit');
        expect(a.data.msteams.type).toBe('imBack');
      }
    });
  });

  describe('when the request is malformed', () => {
    const post = (body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
      fetch(`${bot.baseUrl}/api/messages`, { method: 'POST', headers, body });

    test('invalid JSON gets 400 with a short JSON error', async () => {
      const res = await post('{"type": "message",');
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual(expect.objectContaining({ error: 'invalid_json' }));
    });

    test('JSON that is not an activity gets 400', async () => {
      for (const body of [
        '[]',
        'null',
        '42',
        '{"text":"hi"}',
        '{"type":"message","conversation":{"id":"x"}}',
      ]) {
        const res = await post(body);
        expect(res.status).toBe(400);
      }
    });

    test('a body over 256 KB gets 413', async () => {
      const res = await post(JSON.stringify(message('x'.repeat(300 * 1024))));
      expect(res.status).toBe(413);
    });

    test('GET on /api/messages gets 405', async () => {
      const res = await fetch(`${bot.baseUrl}/api/messages`);
      expect(res.status).toBe(405);
    });

    test('a wrong content type gets 415', async () => {
      const res = await post(JSON.stringify(message('hello')), { 'content-type': 'text/plain' });
      expect(res.status).toBe(415);
    });

    test('the next real visitor is still served normally', async () => {
      const { status, activities } = await bot.send(message('hello', { locale: 'en-US' }));
      expect(status).toBe(200);
      expect(activities.length).toBeGreaterThan(0);
    });
  });
});

describe('when MicrosoftAppId is set', () => {
  let bot: RunningApp;
  beforeAll(async () => {
    bot = await startApp({
      MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
      MicrosoftAppPassword: 'not-a-real-secret',
    });
  });
  afterAll(async () => {
    await bot.stop();
  });

  test('a request without a token gets 401 and no reply content', async () => {
    const { status, activities } = await bot.send(message('hello'));
    expect(status).toBe(401);
    expect(activities).toEqual([]);
  });
});

describe('in local mode (no MicrosoftAppId), where requests are not authenticated', () => {
  let bot: RunningApp;
  beforeAll(async () => {
    bot = await startApp();
  });
  afterAll(async () => {
    await bot.stop();
  });

  test('a request asking the bot to post its replies to an outside address is refused with 400', async () => {
    const res = await fetch(`${bot.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(message('hello', { serviceUrl: 'http://169.254.169.254/' })),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toMatch(/expectReplies/);
  });

  test('the same request with expectReplies is answered in the response', async () => {
    const { status, activities } = await bot.send(
      message('hello', { serviceUrl: 'http://169.254.169.254/' }),
    );
    expect(status).toBe(200);
    expect(activities.length).toBeGreaterThan(0);
  });
});
