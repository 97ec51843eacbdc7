import {
  type Activity,
  ConversationState,
  MemoryStorage,
  type Storage,
  type StoreItems,
  TestAdapter,
  TurnContext,
} from 'botbuilder';
import { OptimisticStorage } from '../../src/state/optimisticStorage';
import { SnapshotConversationState } from '../../src/state/snapshotConversationState';

/** Memory storage that counts the writes reaching it. */
class CountingStorage implements Storage {
  writes = 0;
  readonly inner = new MemoryStorage();
  read(keys: string[]): Promise<StoreItems> {
    return this.inner.read(keys);
  }
  async write(changes: StoreItems): Promise<void> {
    this.writes += 1;
    await this.inner.write(changes);
  }
  delete(keys: string[]): Promise<void> {
    return this.inner.delete(keys);
  }
}

const adapter = new TestAdapter();
const turn = (conversation = 'conv-1') =>
  new TurnContext(adapter, {
    type: 'message',
    text: 'hello',
    channelId: 'test',
    from: { id: 'user-1' },
    recipient: { id: 'bot' },
    conversation: { id: conversation },
    serviceUrl: adapter.conversation.serviceUrl,
  } as Partial<Activity>);

function setUp() {
  const storage = new CountingStorage();
  const state = new SnapshotConversationState(new OptimisticStorage(storage));
  const step = state.createProperty<number>('step');
  return { storage, state, step };
}

describe('conversation state saved by comparing what the turn read with what it leaves', () => {
  test('a turn that changes the state writes it once, and the next turn reads the change', async () => {
    const { storage, state, step } = setUp();
    const first = turn();
    await step.set(first, 1);
    await state.saveChanges(first);
    expect(storage.writes).toBe(1);
    expect(await step.get(turn())).toBe(1);
  });

  test('a turn that reads but changes nothing writes nothing', async () => {
    const { storage, state, step } = setUp();
    const first = turn();
    await step.set(first, 1);
    await state.saveChanges(first);
    const second = turn();
    expect(await step.get(second)).toBe(1);
    await step.set(second, 1);
    await state.saveChanges(second);
    expect(storage.writes).toBe(1);
  });

  test('a change nested deep inside the state (a dialog stack) is seen and saved', async () => {
    const { storage, state } = setUp();
    const stack = state.createProperty<{ frames: { id: string; step: number }[] }>('dialogState');
    const first = turn();
    await stack.set(first, { frames: [{ id: 'mole', step: 0 }] });
    await state.saveChanges(first);
    const second = turn();
    const read = await stack.get(second);
    read!.frames[0]!.step = 2;
    await state.saveChanges(second);
    expect(storage.writes).toBe(2);
    expect((await stack.get(turn()))?.frames[0]?.step).toBe(2);
  });

  test('a turn that never read the state writes nothing; a forced save writes even so', async () => {
    const { storage, state } = setUp();
    await state.saveChanges(turn());
    expect(storage.writes).toBe(0);
    await state.saveChanges(turn(), true);
    expect(storage.writes).toBe(1);
  });

  test('clear empties the state and the next save writes the empty state', async () => {
    const { storage, state, step } = setUp();
    const first = turn();
    await step.set(first, 3);
    await state.saveChanges(first);
    const second = turn();
    await state.clear(second);
    await state.saveChanges(second);
    expect(storage.writes).toBe(2);
    expect(await step.get(turn())).toBeUndefined();
  });

  test('delete removes the stored state and the turn’s copy', async () => {
    const { state, step } = setUp();
    const first = turn();
    await step.set(first, 3);
    await state.saveChanges(first);
    const second = turn();
    await step.get(second);
    await state.delete(second);
    expect(state.get(second)).toBeUndefined();
    expect(await step.get(turn())).toBeUndefined();
  });

  test('two turns that read the same state cannot both save: the later one gets a conflict', async () => {
    const { state, step } = setUp();
    const seed = turn();
    await step.set(seed, 1);
    await state.saveChanges(seed);
    const a = turn();
    const b = turn();
    await step.set(a, (await step.get(a))! + 1);
    await step.set(b, (await step.get(b))! + 1);
    await state.saveChanges(a);
    await expect(state.saveChanges(b)).rejects.toThrow();
  });

  test('a new conversation that only reads (no default) writes nothing; one given a default is saved', async () => {
    const { storage, state, step } = setUp();
    const reading = turn('new-1');
    expect(await step.get(reading)).toBeUndefined();
    await state.saveChanges(reading);
    expect(storage.writes).toBe(0);
    const defaulted = turn('new-2');
    expect(await step.get(defaulted, 0)).toBe(0);
    await state.saveChanges(defaulted);
    expect(storage.writes).toBe(1);
  });

  test('a default value is copied for each conversation, never shared between them', async () => {
    const { state } = setUp();
    const data = state.createProperty<{ offered: string[] }>('conversationData');
    const shared = { offered: [] as string[] };
    const a = await data.get(turn('a'), shared);
    const b = await data.get(turn('b'), shared);
    a.offered.push('Start over');
    expect(b.offered).toEqual([]);
    expect(shared.offered).toEqual([]);
  });

  test('a property can be deleted, and the deletion is saved', async () => {
    const { state, step } = setUp();
    const first = turn();
    await step.set(first, 2);
    await state.saveChanges(first);
    const second = turn();
    await step.delete(second);
    await state.saveChanges(second);
    expect(await step.get(turn())).toBeUndefined();
  });

  test('it saves exactly what botbuilder’s own ConversationState would, turn after turn', async () => {
    const ours = setUp();
    const reference = new CountingStorage();
    const theirs = new ConversationState(reference);
    const theirStep = theirs.createProperty<number>('step');
    for (const value of [1, 1, 2, 2, 2, 3]) {
      const a = turn();
      const b = turn();
      await ours.step.set(a, value);
      await theirStep.set(b, value);
      await ours.state.saveChanges(a);
      await theirs.saveChanges(b);
    }
    expect(ours.storage.writes).toBe(reference.writes);
    expect(await ours.step.get(turn())).toBe(await theirStep.get(turn()));
  });
});
