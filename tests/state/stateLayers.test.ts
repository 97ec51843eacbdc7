import {
  type Activity,
  ConversationState,
  MemoryStorage,
  type Storage,
  type StoreItems,
  TestAdapter,
  TurnContext,
} from 'botbuilder';
import pino from 'pino';
import { StorageHealth } from '../../src/health/readiness';
import { ConversationTurnGuard } from '../../src/state/conversationTurnGuard';
import { ExpiringStorage } from '../../src/state/expiringStorage';
import { KeyedQueue } from '../../src/state/keyedQueue';
import { OptimisticStorage } from '../../src/state/optimisticStorage';
import { ResilientStorage } from '../../src/state/resilientStorage';
import { StorageConflictError } from '../../src/state/storageConflictError';
import { StorageUnavailableError } from '../../src/state/storageUnavailableError';

const silent = pino({ level: 'silent' });

/** A storage that can be switched off, like a storage account during an outage. */
class SwitchableStorage implements Storage {
  down = false;
  constructor(readonly inner: Storage = new MemoryStorage()) {}
  private check(): void {
    if (this.down)
      throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:10000'), { code: 'ECONNREFUSED' });
  }
  async read(keys: string[]): Promise<StoreItems> {
    this.check();
    return this.inner.read(keys);
  }
  async write(changes: StoreItems): Promise<void> {
    this.check();
    return this.inner.write(changes);
  }
  async delete(keys: string[]): Promise<void> {
    this.check();
    return this.inner.delete(keys);
  }
}

/** Records what the storage wrapper reports to `/healthz`. */
class HealthLog {
  readonly seen: StorageHealth[] = [];
  setStorage(health: StorageHealth): void {
    this.seen.push(health);
  }
  get last(): StorageHealth | undefined {
    return this.seen[this.seen.length - 1];
  }
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

function turnOn(adapter: TestAdapter, conversation = 'conv-1', text = 'hello'): Partial<Activity> {
  return {
    type: 'message',
    text,
    channelId: 'test',
    from: { id: 'user-1', name: 'Visitor' },
    recipient: { id: 'bot', name: 'Bot' },
    conversation: { id: conversation, isGroup: false, conversationType: 'personal', name: '' },
    serviceUrl: adapter.conversation.serviceUrl,
  };
}

describe('when two turns read the same conversation state and both save', () => {
  const contextsFor = (storage: Storage) => {
    const adapter = new TestAdapter();
    const state = new ConversationState(storage);
    const count = state.createProperty<number>('count');
    const context = () => new TurnContext(adapter, turnOn(adapter));
    return { state, count, context };
  };

  test('it rejects the second write with a conflict instead of overwriting the first', async () => {
    const memory = new MemoryStorage();
    const { state, count, context } = contextsFor(
      new OptimisticStorage(new ResilientStorage(() => memory, { health: new HealthLog(), logger: silent })),
    );
    const first = context();
    await count.set(first, 1);
    await state.saveChanges(first);

    const a = context();
    const b = context();
    await count.set(a, (await count.get(a, 0)) + 10);
    await count.set(b, (await count.get(b, 0)) + 100);
    await state.saveChanges(a);
    await expect(state.saveChanges(b)).rejects.toBeInstanceOf(StorageConflictError);

    const after = context();
    expect(await count.get(after)).toBe(11);
  });

  test('it would silently lose the first write with botbuilder state alone (why OptimisticStorage exists)', async () => {
    const { state, count, context } = contextsFor(new MemoryStorage());
    const first = context();
    await count.set(first, 1);
    await state.saveChanges(first);
    const a = context();
    const b = context();
    await count.set(a, (await count.get(a, 0)) + 10);
    await count.set(b, (await count.get(b, 0)) + 100);
    await state.saveChanges(a);
    await state.saveChanges(b);
    expect(await count.get(context())).toBe(101);
  });
});

describe('when the storage goes down and comes back', () => {
  test('it throws a typed error, reports degraded, and works again without a restart', async () => {
    const real = new SwitchableStorage();
    const health = new HealthLog();
    let built = 0;
    const storage = new ResilientStorage(
      () => {
        built += 1;
        return real;
      },
      { health, logger: silent, probeIntervalMs: 0 },
    );
    await storage.write({ k: { v: 1, eTag: '*' } });
    expect(health.last).toBe(StorageHealth.Ok);

    real.down = true;
    const error = await storage.read(['k']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageUnavailableError);
    expect((error as StorageUnavailableError).operation).toBe('read');
    expect(health.last).toBe(StorageHealth.Degraded);
    await expect(storage.delete(['k'])).rejects.toBeInstanceOf(StorageUnavailableError);

    real.down = false;
    expect((await storage.read(['k'])).k).toMatchObject({ v: 1 });
    expect(health.last).toBe(StorageHealth.Ok);
    expect(built).toBe(3);
  });

  test('it checks in the background and reports ok again even when nobody chats', async () => {
    const real = new SwitchableStorage();
    const health = new HealthLog();
    const storage = new ResilientStorage(() => real, { health, logger: silent, probeIntervalMs: 20 });
    real.down = true;
    await expect(storage.read(['k'])).rejects.toBeInstanceOf(StorageUnavailableError);
    await pause(70);
    expect(health.last).toBe(StorageHealth.Degraded);
    real.down = false;
    await pause(70);
    expect(health.last).toBe(StorageHealth.Ok);
    expect(storage.status).toBe(StorageHealth.Ok);
    storage.dispose();
  });

  test('it reports a lost eTag race as a conflict, not as an outage', async () => {
    const health = new HealthLog();
    const memory = new MemoryStorage();
    const storage = new ResilientStorage(() => memory, { health, logger: silent });
    await memory.write({ k: { v: 1, eTag: '*' } });
    await expect(storage.write({ k: { v: 2, eTag: 'stale' } })).rejects.toBeInstanceOf(StorageConflictError);
    expect(health.last).toBe(StorageHealth.Ok);
  });
});

describe('when tasks are queued under keys', () => {
  test('it runs one key strictly in order and other keys alongside', async () => {
    const queue = new KeyedQueue();
    const log: string[] = [];
    const task = (name: string, ms: number) => async () => {
      log.push(`${name} start`);
      await pause(ms);
      log.push(`${name} end`);
    };
    await Promise.all([
      queue.run('a', task('a1', 30)),
      queue.run('a', task('a2', 1)),
      queue.run('b', task('b1', 1)),
    ]);
    expect(log.indexOf('a2 start')).toBeGreaterThan(log.indexOf('a1 end'));
    expect(log.indexOf('b1 end')).toBeLessThan(log.indexOf('a1 end'));
    expect(queue.activeKeys).toBe(0);
  });

  test('it keeps going after a task fails', async () => {
    const queue = new KeyedQueue();
    await expect(queue.run('a', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(queue.run('a', async () => 'next')).resolves.toBe('next');
  });
});

describe('when turns of one conversation arrive at once', () => {
  /** A bot that counts messages in conversation state, slowly, and says the count. */
  function countingBot(storage: Storage, options: { failAfterReply?: Error } = {}) {
    const adapter = new TestAdapter();
    const guard = new ConversationTurnGuard({ logger: silent });
    adapter.use(guard);
    const state = new ConversationState(storage);
    const count = state.createProperty<number>('count');
    let runs = 0;
    const logic = async (context: TurnContext) => {
      runs += 1;
      const n = (await count.get(context, 0)) + 1;
      await pause(5);
      await count.set(context, n);
      await context.sendActivity(`message number ${n}`);
      if (options.failAfterReply) throw options.failAfterReply;
      await state.saveChanges(context);
    };
    /** The stored count, read in a turn of its own. */
    const stored = async () => {
      let value: number | undefined;
      await adapter.processActivity(turnOn(adapter), async (context) => {
        value = await count.get(context);
      });
      return value;
    };
    return { adapter, logic, guard, runs: () => runs, stored };
  }

  test('it answers each in turn, so none of them is lost', async () => {
    const memory = new MemoryStorage();
    const storage = new OptimisticStorage(
      new ResilientStorage(() => memory, { health: new HealthLog(), logger: silent }),
    );
    const { adapter, logic, guard, stored } = countingBot(storage);
    await Promise.all([1, 2, 3, 4, 5].map(() => adapter.processActivity(turnOn(adapter), logic)));
    const replies = adapter.activeQueue.map((a) => a.text);
    expect(replies).toEqual([1, 2, 3, 4, 5].map((n) => `message number ${n}`));
    expect(await stored()).toBe(5);
    expect(guard.busyConversations).toBe(0);
  });

  /** Storage where another instance saves the conversation between a turn's read and write, once armed. */
  function racingStorage() {
    const memory = new MemoryStorage();
    let sabotage = false;
    const racing: Storage = {
      read: (keys) => memory.read(keys),
      delete: (keys) => memory.delete(keys),
      write: async (changes) => {
        if (sabotage) {
          sabotage = false;
          const key = Object.keys(changes)[0] ?? '';
          await memory.write({ [key]: { count: 40, eTag: '*' } });
        }
        return memory.write(changes);
      },
    };
    const storage = new OptimisticStorage(
      new ResilientStorage(() => racing, { health: new HealthLog(), logger: silent }),
    );
    return { storage, arm: () => (sabotage = true) };
  }

  test('it runs a turn that lost an eTag race once more and shows only the second run’s reply', async () => {
    const { storage, arm } = racingStorage();
    const { adapter, logic, runs, stored } = countingBot(storage);
    await adapter.processActivity(turnOn(adapter), logic);
    arm();
    await adapter.processActivity(turnOn(adapter), logic);
    expect(runs()).toBe(3);
    expect(adapter.activeQueue.map((a) => a.text)).toEqual(['message number 1', 'message number 41']);
    expect(await stored()).toBe(41);
  });

  test('with expectReplies too, a rerun turn returns only the second run’s reply', async () => {
    const { storage, arm } = racingStorage();
    const { adapter, logic, runs } = countingBot(storage);
    await adapter.processActivity(turnOn(adapter), logic);
    arm();
    let buffered: Partial<Activity>[] = [];
    await adapter.processActivity({ ...turnOn(adapter), deliveryMode: 'expectReplies' }, async (context) => {
      buffered = context.bufferedReplyActivities;
      await logic(context);
    });
    expect(runs()).toBe(3);
    expect(buffered.map((a) => a.text)).toEqual(['message number 41']);
  });

  test('it still delivers what the bot said before a failure, then lets the error handler apologise', async () => {
    const { adapter, logic } = countingBot(new MemoryStorage(), { failAfterReply: new Error('bug') });
    const handled: string[] = [];
    adapter.onTurnError = async (context, error) => {
      handled.push(error.message);
      await context.sendActivity('sorry');
    };
    await adapter.processActivity(turnOn(adapter), logic);
    expect(adapter.activeQueue.map((a) => a.text)).toEqual(['message number 1', 'sorry']);
    expect(handled).toEqual(['bug']);
  });
});

describe('when in-memory state is left alone for longer than its lifetime', () => {
  const HOUR = 3_600_000;

  test('it is deleted, while state written recently stays', async () => {
    let now = 0;
    const storage = new ExpiringStorage(new MemoryStorage(), 24 * HOUR, () => now);
    await storage.write({ old: { v: 1, eTag: '*' } });
    now += 20 * HOUR;
    await storage.write({ recent: { v: 2, eTag: '*' } });
    now += 5 * HOUR;
    const items = await storage.read(['old', 'recent']);
    expect(Object.keys(items)).toEqual(['recent']);
    expect(storage.size).toBe(1);
  });

  test('it keeps state that is written again, however old the conversation', async () => {
    let now = 0;
    const storage = new ExpiringStorage(new MemoryStorage(), 24 * HOUR, () => now);
    for (let day = 0; day < 5; day += 1) {
      await storage.write({ chat: { day, eTag: '*' } });
      now += 23 * HOUR;
    }
    expect(await storage.read(['chat'])).toMatchObject({ chat: { day: 4 } });
  });
});
