import { createHash } from 'node:crypto';
import type { ConversationData } from './conversationData';

/** Characters of the hashed user id that key a person's facts (enough to keep people of one chat apart). */
const USER_KEY_LENGTH = 16;

/**
 * What a person has already told the bot in this conversation: answers to pathway questions that name a fact
 * ("about" → "relative", "growing" → "yes"), kept in conversation state under a hash of the user's id, so that in a
 * Teams group chat each person's facts stay their own.
 * @remarks "Start over", "forget me" and an idle conversation clear them; a hedge is never kept as a fact.
 */
export class FactMemory {
  private constructor(
    private readonly data: ConversationData,
    private readonly key: string,
  ) {}

  /** The facts of one user in one conversation. */
  static of(data: ConversationData, userId: string | undefined): FactMemory {
    const key = createHash('sha256')
      .update(userId ?? '')
      .digest('base64url')
      .slice(0, USER_KEY_LENGTH);
    return new FactMemory(data, key);
  }

  /** The choice id kept for a fact, if any. */
  get(fact: string): string | undefined {
    return this.data.facts?.[this.key]?.[fact];
  }

  /** Keeps (or replaces) the choice id of a fact. */
  set(fact: string, choiceId: string): void {
    const all = (this.data.facts ??= {});
    (all[this.key] ??= {})[fact] = choiceId;
  }

  /** Forgets this user's facts. */
  clear(): void {
    if (!this.data.facts) return;
    delete this.data.facts[this.key];
    if (Object.keys(this.data.facts).length === 0) delete this.data.facts;
  }
}
