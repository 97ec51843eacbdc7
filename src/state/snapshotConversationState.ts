import { ConversationState, type StatePropertyAccessor, type StoreItem, type TurnContext } from 'botbuilder';
import { conversationStateKey } from './conversationScope';

/** What a turn read: the state object the dialogs change in place, and its JSON as read or last saved. */
interface Snapshot {
  readonly state: StoreItem;
  json: string | undefined;
}

/** The JSON of a conversation nothing was stored for yet. */
const EMPTY = '{}';

/** The state's JSON, or undefined when it cannot be written as JSON (then it is always saved). */
function snapshotOf(state: StoreItem): string | undefined {
  try {
    return JSON.stringify(state);
  } catch {
    return undefined;
  }
}

/**
 * Conversation state that tells whether a turn changed it by comparing its JSON with the JSON read, instead of
 * botbuilder's SHA-256 of a replacer-driven stringify, computed three times a turn (on load, before saving and
 * after): about a tenth of a pathway turn's CPU (bench/results.md). After a save the turn's copy counts as
 * changed, so a second save in the same turn writes again.
 * @remarks Same contract as `ConversationState`: `load` reads once per turn and caches, `saveChanges` writes
 * only what changed (or everything when forced) with `eTag: '*'` (which `OptimisticStorage` turns back into the
 * eTag it read), `clear` forces the next save, `delete` removes the stored item and the turn's copy.
 *
 * In a shared conversation (a Teams group chat or channel thread) the state is the sender's own within it
 * ({@link conversationStateKey}): one member never reads, advances or deletes another's.
 */
export class SnapshotConversationState extends ConversationState {
  private readonly snapshotKey = Symbol('conversation state snapshot');

  /** The conversation's key in a personal chat, the person's within the conversation in a shared one. */
  override getStorageKey(context: TurnContext): string | undefined {
    return conversationStateKey(context.activity);
  }

  override async load(context: TurnContext, force = false): Promise<StoreItem> {
    const cached = context.turnState.get(this.snapshotKey) as Snapshot | undefined;
    if (!force && cached?.state) return cached.state;
    const key = await this.storageKey(context);
    const items = await this.storage.read([key]);
    const state = (items[key] as StoreItem | undefined) ?? {};
    context.turnState.set(this.snapshotKey, { state, json: snapshotOf(state) } satisfies Snapshot);
    return state;
  }

  override async saveChanges(context: TurnContext, force = false): Promise<void> {
    let cached = context.turnState.get(this.snapshotKey) as Snapshot | undefined;
    if (!force) {
      if (!cached) return;
      // A new conversation that now holds something has changed: no need to write its JSON out to see it.
      const grown = cached.json === EMPTY && Object.keys(cached.state).length > 0;
      if (!grown && cached.json !== undefined && cached.json === snapshotOf(cached.state)) return;
    }
    cached ??= { state: {}, json: undefined };
    const key = await this.storageKey(context);
    cached.state.eTag = '*';
    await this.storage.write({ [key]: cached.state });
    // A second save in the same turn (rare) writes again rather than paying for another snapshot now.
    cached.json = undefined;
    context.turnState.set(this.snapshotKey, cached);
  }

  override async clear(context: TurnContext): Promise<void> {
    context.turnState.set(this.snapshotKey, { state: {}, json: undefined } satisfies Snapshot);
  }

  override async delete(context: TurnContext): Promise<void> {
    context.turnState.delete(this.snapshotKey);
    const key = await this.storageKey(context);
    await this.storage.delete([key]);
  }

  override get(context: TurnContext): StoreItem | undefined {
    return (context.turnState.get(this.snapshotKey) as Snapshot | undefined)?.state;
  }

  /** A property of this state (same behaviour as botbuilder's accessor, without its generator-based steps). */
  override createProperty<T = unknown>(name: string): StatePropertyAccessor<T> {
    return new SnapshotProperty<T>(this, name);
  }
}

/**
 * A property of a {@link SnapshotConversationState}: reads load the state once per turn; a default value is
 * copied (through JSON, as botbuilder does) so that no two conversations share an object.
 */
class SnapshotProperty<T> implements StatePropertyAccessor<T> {
  constructor(
    private readonly state: SnapshotConversationState,
    readonly name: string,
  ) {}

  get(context: TurnContext): Promise<T | undefined>;
  get(context: TurnContext, defaultValue: T): Promise<T>;
  async get(context: TurnContext, defaultValue?: T): Promise<T | undefined> {
    const obj = await this.stateOf(context);
    if (!Object.hasOwn(obj, this.name) && defaultValue !== undefined) {
      obj[this.name] =
        typeof defaultValue === 'object' ? (JSON.parse(JSON.stringify(defaultValue)) as T) : defaultValue;
    }
    return obj[this.name] as T | undefined;
  }

  async set(context: TurnContext, value: T): Promise<void> {
    const obj = await this.stateOf(context);
    obj[this.name] = value;
  }

  async delete(context: TurnContext): Promise<void> {
    const obj = await this.stateOf(context);
    if (Object.hasOwn(obj, this.name)) delete obj[this.name];
  }

  /** The turn's state object, loaded on first use. */
  private async stateOf(context: TurnContext): Promise<Record<string, unknown>> {
    return (this.state.get(context) ?? (await this.state.load(context))) as Record<string, unknown>;
  }
}
