import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ContainerClient } from '@azure/storage-blob';
import { DateTime } from 'luxon';
import type { Clock } from '../../src/time/clock';
import { azuriteConnectionString, portOf, sharedAzurite } from '../support/azurite';
import { AzuriteProxy } from '../support/azuriteProxy';
import { dispositionOf } from '../support/conversation';
import {
  message,
  newConversationId,
  OPEN_TUESDAY,
  type ReplyActivity,
  type RunningApp,
  startApp,
  textOf,
} from '../support/testApp';

const azurite = sharedAzurite();
const describeWithAzurite = azurite ? describe : describe.skip;

/** Every engine sentence, to assert on what the user reads without copying it here. */
const MESSAGES: Record<string, { en: string; it: string }> = Object.assign(
  {},
  ...readdirSync(join(__dirname, '../../dialogs/messages')).map(
    (f) =>
      (JSON.parse(readFileSync(join(__dirname, '../../dialogs/messages', f), 'utf8')) as { messages: object })
        .messages,
  ),
);
const en = (key: string) => (MESSAGES[key]?.en ?? '').split('{')[0] ?? '';
const BOOKING_PHONE = (
  JSON.parse(readFileSync(join(__dirname, '../../knowledge/booking-line.json'), 'utf8')) as { phone: string }
).phone;

/** A mole conversation that ends with "urgent-call-today" only if every answer is remembered in order. */
const MOLE = ['strange mole on my back, should I worry?', 'No', 'No', 'It has changed', 'within weeks'];
const MOLE_OUTCOME = 'urgent-call-today';

/** A clock the test moves forward. */
class ManualClock implements Clock {
  private instant = DateTime.fromISO(OPEN_TUESDAY, { zone: 'Europe/Rome' });
  now(): DateTime {
    return this.instant;
  }
  advance(minutes: number): void {
    this.instant = this.instant.plus({ minutes });
  }
}

let containers = 0;
/** A fresh container per test, so tests never see each other's blobs. */
function blobEnv(connection: string): Record<string, string> {
  containers += 1;
  return {
    BOT_STORAGE: 'blob',
    AZURE_STORAGE_CONNECTION_STRING: connection,
    BOT_STORAGE_CONTAINER: `state-${process.pid}-${containers}`,
  };
}

/** The decoded names of the blobs in the app's container. */
async function blobNames(env: Record<string, string>): Promise<string[]> {
  const container = new ContainerClient(
    env.AZURE_STORAGE_CONNECTION_STRING ?? '',
    env.BOT_STORAGE_CONTAINER ?? '',
  );
  const names: string[] = [];
  for await (const blob of container.listBlobsFlat()) names.push(decodeURIComponent(blob.name));
  return names;
}

async function say(
  bot: RunningApp,
  conversationId: string,
  text: string,
  from = 'visitor-1',
): Promise<ReplyActivity[]> {
  const { status, activities } = await bot.send(
    message(text, { conversationId, locale: 'en-US', from: { id: from, name: 'Visitor' } }),
  );
  expect(status).toBe(200);
  return activities;
}

async function health(bot: RunningApp): Promise<{ code: number; body: { status: string; storage: string } }> {
  const res = await fetch(`${bot.baseUrl}/healthz`);
  return { code: res.status, body: (await res.json()) as { status: string; storage: string } };
}

describeWithAzurite('when state is kept in Azure Blob Storage (Azurite)', () => {
  const connection = azurite ?? '';
  const running: RunningApp[] = [];
  const start = async (env: Record<string, string>, clock?: Clock) => {
    const bot = await startApp(env, clock);
    running.push(bot);
    return bot;
  };
  afterEach(async () => {
    await Promise.all(running.splice(0).map((b) => b.stop()));
  });

  describe('when a pathway alternates between two bot instances sharing the storage', () => {
    test('it continues where the other instance left off and reaches the outcome', async () => {
      const env = blobEnv(connection);
      const [a, b] = [await start(env), await start(env)];
      const conversation = newConversationId();
      let last: ReplyActivity[] = [];
      for (const [i, text] of MOLE.entries()) last = await say(i % 2 === 0 ? a : b, conversation, text);
      expect(dispositionOf(last)).toBe(MOLE_OUTCOME);
    });

    test('it would not with memory storage, where each instance remembers only its own turns', async () => {
      const [a, b] = [await start({}), await start({})];
      const conversation = newConversationId();
      let last: ReplyActivity[] = [];
      for (const [i, text] of MOLE.entries()) last = await say(i % 2 === 0 ? a : b, conversation, text);
      expect(dispositionOf(last)).not.toBe(MOLE_OUTCOME);
    });
  });

  describe('when the bot process restarts mid-conversation', () => {
    test('it picks the conversation up again from the storage', async () => {
      const env = blobEnv(connection);
      const conversation = newConversationId();
      const before = await start(env);
      for (const text of MOLE.slice(0, 3)) await say(before, conversation, text);
      await before.stop();
      running.splice(running.indexOf(before), 1);

      const after = await start(env);
      let last: ReplyActivity[] = [];
      for (const text of MOLE.slice(3)) last = await say(after, conversation, text);
      expect(dispositionOf(last)).toBe(MOLE_OUTCOME);
    });
  });

  describe('when the storage goes down mid-conversation and comes back', () => {
    test('it apologises with the booking line and its status, reports degraded, and then carries on', async () => {
      const proxy = await AzuriteProxy.start(portOf(connection));
      try {
        const env = blobEnv(azuriteConnectionString(proxy.port));
        const bot = await start(env);
        const conversation = newConversationId();
        for (const text of MOLE.slice(0, 2)) await say(bot, conversation, text);
        expect((await health(bot)).body.storage).toBe('ok');

        await proxy.cut();
        const during = await say(bot, conversation, MOLE[2] ?? '');
        expect(during).toHaveLength(1);
        expect(textOf(during)).toContain(en('error.storageUnavailable'));
        expect(textOf(during)).toContain(BOOKING_PHONE);
        expect(textOf(during)).toContain(en('line.afterNumber.openUntil'));
        expect(await health(bot)).toEqual({
          code: 200,
          body: expect.objectContaining({ status: 'degraded', storage: 'degraded' }),
        });

        const emergency = await say(bot, newConversationId(), 'I am bleeding heavily from the wound');
        expect(textOf(emergency)).toContain(en('emergency.redFlag'));
        expect(textOf(emergency)).toContain(BOOKING_PHONE);

        await proxy.restore();
        let last: ReplyActivity[] = [];
        for (const text of MOLE.slice(2)) last = await say(bot, conversation, text);
        expect(dispositionOf(last)).toBe(MOLE_OUTCOME);
        expect((await health(bot)).body).toMatchObject({ status: 'ok', storage: 'ok' });
      } finally {
        await proxy.cut();
      }
    });

    test('it starts without the storage and works once the storage appears, without a restart', async () => {
      const proxy = await AzuriteProxy.start(portOf(connection));
      try {
        await proxy.cut();
        const bot = await start(blobEnv(azuriteConnectionString(proxy.port)));
        const conversation = newConversationId();
        expect(textOf(await say(bot, conversation, MOLE[0] ?? ''))).toContain(en('error.storageUnavailable'));

        await proxy.restore();
        let last: ReplyActivity[] = [];
        for (const text of MOLE) last = await say(bot, conversation, text);
        expect(dispositionOf(last)).toBe(MOLE_OUTCOME);
      } finally {
        await proxy.cut();
      }
    });
  });

  describe('when two answers of one conversation arrive at the same moment', () => {
    /** Storage 40 ms away, so the two turns overlap for sure. */
    let slow: AzuriteProxy;
    beforeAll(async () => {
      slow = await AzuriteProxy.start(portOf(connection), 40);
    });
    afterAll(async () => {
      await slow.cut();
    });
    const APOLOGIES = ['error.apology', 'error.conflict', 'error.storageUnavailable'].map(en);

    test('on one instance, both are applied in order and the pathway stays coherent', async () => {
      const bot = await start(blobEnv(azuriteConnectionString(slow.port)));
      const conversation = newConversationId();
      await say(bot, conversation, MOLE[0] ?? '');
      const both = await Promise.all([say(bot, conversation, 'No'), say(bot, conversation, 'No')]);
      for (const apology of APOLOGIES) expect(both.map(textOf).join('\n')).not.toContain(apology);
      expect(textOf(both[1] ?? [])).not.toBe(textOf(both[0] ?? []));
      let last: ReplyActivity[] = [];
      for (const text of MOLE.slice(3)) last = await say(bot, conversation, text);
      expect(dispositionOf(last)).toBe(MOLE_OUTCOME);
    });

    test('on two instances, the one whose save lost the eTag race re-runs on fresh state: both answers count', async () => {
      const env = blobEnv(azuriteConnectionString(slow.port));
      const [a, b] = [await start(env), await start(env)];
      const conversation = newConversationId();
      await say(a, conversation, MOLE[0] ?? '');
      await say(b, newConversationId(), 'hello'); // b has opened the container too, so both are equally quick
      const both = await Promise.all([say(a, conversation, 'No'), say(b, conversation, 'No')]);
      for (const apology of APOLOGIES) expect(both.map(textOf).join('\n')).not.toContain(apology);
      expect(textOf(both[1] ?? [])).not.toBe(textOf(both[0] ?? []));
      let last: ReplyActivity[] = [];
      for (const text of MOLE.slice(3)) last = await say(a, conversation, text);
      expect(dispositionOf(last)).toBe(MOLE_OUTCOME);
    });
  });

  describe('when the visitor says "forget me"', () => {
    test('it deletes the conversation and user blobs from the container', async () => {
      const env = blobEnv(connection);
      const bot = await start(env);
      const conversation = newConversationId();
      const visitor = `visitor-${conversation}`;
      for (const text of MOLE.slice(0, 2)) await say(bot, conversation, text, visitor);
      expect((await blobNames(env)).filter((n) => n.includes(conversation))).toHaveLength(1);

      const replies = await say(bot, conversation, 'forget me', visitor);
      expect(textOf(replies)).toContain(en('forget.done'));
      const left = await blobNames(env);
      expect(left.filter((n) => n.includes(conversation) || n.includes(visitor))).toEqual([]);
    });
  });

  describe('when the visitor comes back after the idle time', () => {
    test('it says the conversation starts afresh instead of answering an old question', async () => {
      const clock = new ManualClock();
      const bot = await start({ ...blobEnv(connection), CONVERSATION_IDLE_MINUTES: '30' }, clock);
      const conversation = newConversationId();
      await say(bot, conversation, MOLE[0] ?? '');
      clock.advance(29);
      expect(textOf(await say(bot, conversation, 'No'))).not.toContain(en('session.expired'));
      clock.advance(31);
      const replies = await say(bot, conversation, 'No');
      expect(textOf(replies)).toContain(en('session.expired'));
      let last: ReplyActivity[] = [];
      for (const text of MOLE.slice(3)) last = await say(bot, conversation, text);
      expect(dispositionOf(last)).toBeUndefined();
    });
  });
});
