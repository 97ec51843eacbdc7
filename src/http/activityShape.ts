import { z } from 'zod';
import { isSharedConversation } from '../state/conversationScope';

const id = z.string().max(1024, 'ids may be at most 1024 characters');
const members = z.array(z.looseObject({ id: id.optional(), name: z.string().max(1024).optional() })).max(100);

/** A mention entity as botbuilder and Teams read it. */
const mentionSchema = z.looseObject({
  mentioned: z.looseObject({ id: id.min(1), name: z.string().max(1024).optional() }),
  text: z.string().max(1024).optional(),
});

/**
 * The minimum an incoming activity must have before it reaches the adapter; everything else is
 * passed through for botbuilder to interpret.
 */
export const incomingActivitySchema = z
  .object({
    type: z.string().min(1).max(64),
    id: id.optional(),
    channelId: z.string().max(64).optional(),
    serviceUrl: z.string().max(2048).optional(),
    text: z.string().max(100_000).optional(),
    locale: z.string().max(64).optional(),
    localTimezone: z.string().max(64).optional(),
    conversation: z.looseObject({ id: id.min(1) }),
    from: z.looseObject({ id: id.optional(), name: z.string().max(1024).optional() }),
    recipient: z.looseObject({ id: id.optional() }).optional(),
    deliveryMode: z.enum(['normal', 'notification', 'expectReplies', 'ephemeral']).optional(),
    // botbuilder walks these lists without checking them: a string or a null inside fails the turn.
    membersAdded: members.optional(),
    membersRemoved: members.optional(),
    entities: z
      .array(
        z.looseObject({ type: z.string().max(256).optional() }).superRefine((entity, ctx) => {
          // A mention is read to strip "@bot" from the text: a malformed one would fail the turn and its state.
          if (entity.type !== 'mention') return;
          const mention = mentionSchema.safeParse(entity);
          if (!mention.success)
            ctx.addIssue({
              code: 'custom',
              message: 'a mention needs "mentioned" with a string id, and a string "text" when it has one',
            });
        }),
      )
      .max(100)
      .optional(),
  })
  .loose();

/** Checks an incoming activity; returns a short reason when it is not one. */
export function activityProblem(body: unknown): string | undefined {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return 'expected a JSON object';
  const parsed = incomingActivitySchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : 'invalid';
  }
  // In a group chat or channel the state is the sender's own: without a sender there is nobody to keep it for.
  if (isSharedConversation(parsed.data) && !parsed.data.from.id)
    return 'from.id: a group conversation needs the sender';
  return undefined;
}
