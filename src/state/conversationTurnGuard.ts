import {
  type Activity,
  DeliveryModes,
  type Middleware,
  type ResourceResponse,
  type TurnContext,
} from 'botbuilder';
import type { Logger } from 'pino';
import { conversationStateKey } from './conversationScope';
import { KeyedQueue } from './keyedQueue';
import { StorageConflictError } from './storageConflictError';

/** Options of {@link ConversationTurnGuard}. */
export interface ConversationTurnGuardOptions {
  /** Logs retried turns. */
  readonly logger: Logger;
  /** How many times a turn that lost an eTag race is run again on the fresh state (default 1). */
  readonly conflictRetries?: number;
}

/**
 * Adapter middleware that makes each turn's state change all-or-nothing:
 * turns of one conversation (of one person, in a shared conversation) run one at a time in this process, the bot's replies are held until its state
 * is saved, and a turn whose save lost an eTag race (another instance saved first) is run once more on
 * the fresh state, so the user sees one coherent set of replies and no write is silently lost.
 * @remarks When the turn fails for any other reason, the replies already produced are still delivered
 * (an emergency instruction must never be swallowed) and the error goes on to the turn-error handler.
 */
export class ConversationTurnGuard implements Middleware {
  private readonly queue = new KeyedQueue();
  private readonly retries: number;

  constructor(private readonly options: ConversationTurnGuardOptions) {
    this.retries = options.conflictRetries ?? 1;
  }

  /** Conversations with a turn running or waiting. */
  get busyConversations(): number {
    return this.queue.activeKeys;
  }

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    // One queue per stored state: a conversation, or one person of a shared conversation (members of a group
    // chat do not wait for each other, since their states are apart).
    const key = conversationStateKey(context.activity);
    if (!key) return next();
    return this.queue.run(key, () => this.guarded(context, next));
  }

  private async guarded(context: TurnContext, next: () => Promise<void>): Promise<void> {
    // With expectReplies the turn's replies are already held (in the turn's reply buffer) until the response,
    // which goes out after the state is saved: only a rerun needs to drop the first attempt's.
    const buffer = context.activity.deliveryMode === DeliveryModes.ExpectReplies;
    const bufferedBefore = context.bufferedReplyActivities.length;
    const held: Partial<Activity>[] = [];
    let holding = !buffer;
    if (!buffer) {
      context.onSendActivities(async (_ctx, activities, send): Promise<ResourceResponse[]> => {
        if (!holding) return send();
        held.push(...activities);
        return activities.map(() => ({ id: '' }));
      });
    }
    const release = async () => {
      holding = false;
      if (held.length > 0) await context.sendActivities(held.splice(0));
    };

    const stateKeys = new Set(context.turnState.keys());
    const text = context.activity.text;
    for (let attempt = 0; ; attempt += 1) {
      try {
        await next();
      } catch (err) {
        if (err instanceof StorageConflictError && attempt < this.retries) {
          this.options.logger.warn(
            { attempt: attempt + 1, keys: err.keys },
            'state changed under this turn; running it again',
          );
          held.length = 0;
          if (buffer) context.bufferedReplyActivities.length = bufferedBefore;
          for (const key of [...context.turnState.keys()])
            if (!stateKeys.has(key)) context.turnState.delete(key);
          context.activity.text = text;
          continue;
        }
        await release().catch((sendErr: Error) =>
          this.options.logger.warn(
            { err: { message: sendErr.message } },
            'could not deliver the replies of a failed turn',
          ),
        );
        throw err;
      }
      await release();
      return;
    }
  }
}
