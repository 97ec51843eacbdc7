import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { MemoryStorage } from 'botbuilder';
import pino from 'pino';
import { type App, createApp } from '../../src/index';
import { fixedClock } from '../../src/time/clock';
import { message, newConversationId, OPEN_TUESDAY, type ReplyActivity, textOf } from '../support/testApp';
import { webVisitor } from './webVisitor';

const STAFF_KEY = 'hardening-privacy-staff-key-0123456789';

/** The personal data a visitor types; none of it may reach a log. */
const PERSON = Object.freeze({
  firstName: 'Giulietta',
  lastName: 'Bianchardi',
  phone: '+39 333 987 6543',
  phoneDigits: '3339876543',
  email: 'giulietta.bianchardi@example.com',
  taxCode: 'BNCGLT80A41F205X',
});

/** What must never be found in a log line, however it is spelt. */
const IDENTIFIERS = [
  PERSON.firstName,
  PERSON.lastName,
  PERSON.phone,
  PERSON.phone.replace(/\s/g, ''),
  PERSON.phoneDigits,
  '987 6543',
  PERSON.email,
  'giulietta.bianchardi',
  PERSON.taxCode,
];

/** Log lines collected in memory. */
class Sink extends Writable {
  text = '';
  override _write(chunk: Buffer, _enc: string, done: () => void): void {
    this.text += chunk.toString('utf8');
    done();
  }
  get lines(): Record<string, unknown>[] {
    return this.text
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  }
}

const found = (haystack: string) =>
  IDENTIFIERS.filter((id) => haystack.toLowerCase().includes(id.toLowerCase()));

async function started(env: Record<string, string>, logger: pino.Logger, storage?: MemoryStorage) {
  const app = createApp({ env, clock: fixedClock(OPEN_TUESDAY), logger, storage });
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', () => resolve()));
  await app.ready;
  const baseUrl = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const send = async (activity: Record<string, unknown>) => {
    const res = await fetch(`${baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...activity, deliveryMode: 'expectReplies' }),
    });
    const body = (await res.json()) as { activities?: ReplyActivity[] };
    return { status: res.status, activities: (body.activities ?? []).filter((a) => a.type === 'message') };
  };
  return { app, baseUrl, send };
}

describe('privacy', () => {
  describe('when visitors type their name, phone, e-mail and tax code on every channel', () => {
    const curatorPath = `/tmp/triage-hardening-privacy-curator-${process.pid}.jsonl`;
    const sink = new Sink();
    let app: App;
    let turns = 0;

    beforeAll(async () => {
      rmSync(curatorPath, { force: true });
      const running = await started(
        {
          LOG_LEVEL: 'info',
          CURATOR_LOG_PATH: curatorPath,
          STAFF_ACCESS_KEY_HASH: createHash('sha256').update(STAFF_KEY).digest('hex'),
        },
        // A plain pino at info, without the app's redaction paths: nothing may depend on them.
        pino({ level: 'info' }, sink),
      );
      app = running.app;
      const { baseUrl, send } = running;
      const who = `${PERSON.firstName} ${PERSON.lastName}`;
      const texts = [
        `My name is ${who}, my phone is ${PERSON.phone} and my e-mail is ${PERSON.email}. When is the booking line open?`,
        `Mi chiamo ${who}, codice fiscale ${PERSON.taxCode}, potete richiamarmi al ${PERSON.phoneDigits} per il rimborso del parcheggio?`,
        `I am ${who} and I want a refund for parking, write to ${PERSON.email}`,
        `${PERSON.taxCode} ${PERSON.email} ${PERSON.phone}`,
        `My name is ${who.toLowerCase()} and my mother is bleeding heavily, call ${PERSON.phone}`,
      ];
      for (const channelId of ['webchat', 'msteams', 'directline']) {
        const conversationId = newConversationId();
        const from = {
          id: `user-${channelId}`,
          name: who,
          aadObjectId: '00000000-0000-0000-0000-000000000001',
        };
        for (const text of [...texts, 'I have a suspicious mole', `${who}, ${PERSON.phone}`, 'forget me']) {
          const res = await send(message(text, { conversationId, channelId, from }));
          expect(res.status).toBe(200);
          turns += 1;
        }
      }
      const visitor = await webVisitor(baseUrl);
      for (const text of texts) {
        expect((await visitor.say(text)).status).toBe(200);
        turns += 1;
      }
      const session = await fetch(`${baseUrl}/agent/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ key: STAFF_KEY, locale: 'it-IT' }),
      });
      const { token, conversationId } = (await session.json()) as { token: string; conversationId: string };
      for (const text of texts) {
        const res = await fetch(`${baseUrl}/agent/api/conversations/${conversationId}/activities`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ text }),
        });
        expect(res.status).toBe(200);
        turns += 1;
      }
      await app.close();
    });
    afterAll(() => {
      rmSync(curatorPath, { force: true });
    });

    test('the log at info has a line for every turn', () => {
      expect(sink.lines.filter((l) => l.msg === 'turn').length).toBeGreaterThanOrEqual(turns);
    });

    test('no name, phone number, e-mail or tax code appears in the log at info', () => {
      expect(found(sink.text)).toEqual([]);
    });

    test('no message text appears in the log', () => {
      expect(sink.text).not.toMatch(
        /booking line open|rimborso del parcheggio|suspicious mole|bleeding heavily/i,
      );
    });

    test('the curator log recorded the unanswered questions, with none of those identifiers', () => {
      const log = readFileSync(curatorPath, 'utf8');
      const events = log
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l) as { type: string; text?: string });
      expect(
        events.filter((e) => e.type === 'unanswered' || e.type === 'low-confidence').length,
      ).toBeGreaterThan(0);
      expect(found(log)).toEqual([]);
    });
  });

  describe('when a visitor says "forget me"', () => {
    const memory: Record<string, string> = {};
    let app: App;
    let send: Awaited<ReturnType<typeof started>>['send'];
    let baseUrl: string;

    beforeAll(async () => {
      const running = await started(
        { LOG_LEVEL: 'silent', CURATOR_LOG_PATH: `/tmp/triage-hardening-forget-${process.pid}.jsonl` },
        pino({ level: 'silent' }),
        new MemoryStorage(memory),
      );
      ({ app, send, baseUrl } = running);
    });
    afterAll(async () => {
      await app.close();
    });

    /** Stored items whose key names one of `ids` (MemoryStorage marks a deleted item undefined). */
    const keysMentioning = (...ids: string[]) =>
      Object.keys(memory).filter((k) => memory[k] !== undefined && ids.some((id) => k.includes(id)));

    test.each(['webchat', 'msteams'])(
      'on %s, everything stored about them is deleted, and only theirs',
      async (channelId) => {
        const mine = newConversationId();
        const theirs = newConversationId();
        const me = { id: `forget-me-${channelId}-${mine}`, name: 'Visitor' };
        const other = { id: `keep-me-${channelId}-${theirs}`, name: 'Other' };
        await send(
          message('I have a suspicious mole', { conversationId: mine, channelId, from: me, locale: 'en-US' }),
        );
        await send(
          message('I have a suspicious mole', {
            conversationId: theirs,
            channelId,
            from: other,
            locale: 'en-US',
          }),
        );
        expect(keysMentioning(mine, me.id).length).toBeGreaterThan(0);

        const { activities } = await send(
          message('forget me', { conversationId: mine, channelId, from: me, locale: 'en-US' }),
        );
        expect(textOf(activities)).toMatch(/deleted/i);
        expect(keysMentioning(mine, me.id)).toEqual([]);
        expect(keysMentioning(theirs, other.id).length).toBeGreaterThan(0);
      },
    );

    test('the next message starts afresh: the pathway they were in is gone', async () => {
      const talk = (conversationId: string) => (text: string) =>
        send(message(text, { conversationId, from: { id: `fresh-${conversationId}` }, locale: 'en-US' }));
      const kept = talk(newConversationId());
      await kept('I have a suspicious mole');
      const continued = textOf((await kept('1')).activities);

      const forgotten = talk(newConversationId());
      await forgotten('I have a suspicious mole');
      await forgotten('forget me');
      const afresh = textOf((await forgotten('1')).activities);
      expect(afresh).not.toEqual(continued);
    });

    test('on the website chat, too', async () => {
      const visitor = await webVisitor(baseUrl);
      await visitor.say('I have a suspicious mole');
      expect(keysMentioning(visitor.conversationId).length).toBeGreaterThan(0);
      await visitor.say('forget me');
      expect(keysMentioning(visitor.conversationId)).toEqual([]);
    });
  });

  describe('the curator log has a retention limit', () => {
    test('events older than CURATOR_LOG_RETENTION_DAYS are gone once the app has started', async () => {
      const path = `/tmp/triage-hardening-retention-${process.pid}.jsonl`;
      const event = (at: string, text: string) =>
        JSON.stringify({ type: 'unanswered', at, lang: 'en', text, band: 'low' });
      writeFileSync(
        path,
        [
          event('2026-01-15T10:00:00.000Z', 'an old question'),
          event('2026-11-20T10:00:00.000Z', 'a recent question'),
        ].join('\n') + '\n',
      );
      const { app } = await started(
        { LOG_LEVEL: 'silent', CURATOR_LOG_PATH: path, CURATOR_LOG_RETENTION_DAYS: '30' },
        pino({ level: 'silent' }),
      );
      await app.close();
      const kept = readFileSync(path, 'utf8');
      rmSync(path, { force: true });
      expect(kept).not.toContain('an old question');
      expect(kept).toContain('a recent question');
    });
  });
});
