import { z } from 'zod';

/** The longest message a visitor may type. */
export const MAX_VISITOR_TEXT = 5000;

/** A BCP 47 language tag as browsers send it (`it-IT`, `en`, `zh-Hant-TW`). */
const LOCALE = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8}){0,3}$/;

/** True when `zone` is an IANA time zone this runtime knows. */
function isTimeZone(zone: string): boolean {
  if (zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Optional text that is kept only when `valid`; anything else is dropped (the turn still runs). */
const keptWhen = (valid: (v: string) => boolean) =>
  z
    .unknown()
    .optional()
    .transform((v) => (typeof v === 'string' && valid(v) ? v : undefined));

const common = {
  locale: keptWhen((v) => LOCALE.test(v)),
  localTimezone: keptWhen(isTimeZone),
};

/**
 * What the website chat may send: a typed (or clicked) message, or the conversation start. Every other
 * field of the posted activity (ids, `from`, `conversation`, `channelData`, `value`…) is ignored.
 */
export const visitorActivitySchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('message'),
    text: z
      .string({ message: 'a message needs text' })
      .trim()
      .min(1, 'a message needs text')
      .max(MAX_VISITOR_TEXT, `a message may be at most ${MAX_VISITOR_TEXT} characters`),
    ...common,
  }),
  z.object({ type: z.literal('conversationUpdate'), ...common }),
]);

/** A visitor's activity after the allow-list. */
export type VisitorActivity = z.infer<typeof visitorActivitySchema>;

/** Reads a posted activity; returns it or a short reason. */
export function readVisitorActivity(body: unknown): { activity: VisitorActivity } | { problem: string } {
  const parsed = visitorActivitySchema.safeParse(body);
  if (parsed.success) return { activity: parsed.data };
  const issue = parsed.error.issues[0];
  if (issue?.code === 'invalid_union') return { problem: 'type must be "message" or "conversationUpdate"' };
  return { problem: issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : 'invalid activity' };
}
