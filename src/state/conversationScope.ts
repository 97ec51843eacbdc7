import type { Activity } from 'botbuilder';

/** Teams conversation types in which several people talk to the bot in one conversation. */
const SHARED_CONVERSATION_TYPES: ReadonlySet<string> = new Set(['groupChat', 'channel']);

/**
 * True when several people share the conversation (a Teams group chat or a channel thread): there the
 * conversation's state belongs to each person, never to the whole conversation.
 */
export function isSharedConversation(activity: { readonly conversation?: object }): boolean {
  const conversation = activity.conversation as { isGroup?: unknown; conversationType?: unknown } | undefined;
  if (!conversation) return false;
  const type = conversation.conversationType;
  return conversation.isGroup === true || (typeof type === 'string' && SHARED_CONVERSATION_TYPES.has(type));
}

/**
 * The storage key of the conversation state a turn reads and writes: the conversation's in a personal chat
 * (botbuilder's own key), the person's within the conversation in a shared one.
 * @remarks In a group chat or a channel thread one member's answers, pathway and "forget me" must never reach
 * another's, so the key adds the sender's id. A Teams channel reply carries its thread in the conversation id
 * (`…;messageid=…`), so each thread is its own conversation. Returns undefined when the activity lacks the ids
 * (the HTTP layer refuses such activities before they get here).
 */
export function conversationStateKey(activity: Partial<Activity>): string | undefined {
  const channelId = activity.channelId;
  const conversationId = activity.conversation?.id;
  if (!channelId || !conversationId) return undefined;
  const base = `${channelId}/conversations/${conversationId}/`;
  if (!isSharedConversation(activity)) return base;
  const person = activity.from?.id;
  return person ? `${base}users/${person}/` : undefined;
}
