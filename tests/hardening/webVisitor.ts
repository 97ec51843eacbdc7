import type { ReplyActivity } from '../support/testApp';

/** A website visitor talking to the web-channel API, as the Web Chat page does. */
export interface WebVisitor {
  readonly conversationId: string;
  readonly token: string;
  /** Posts a message; returns the status and the bot's message replies. */
  say(
    text: string,
    extra?: Record<string, unknown>,
  ): Promise<{ status: number; activities: ReplyActivity[] }>;
}

/** Starts a web-channel conversation (POST /api/webchat/conversations) and returns its visitor. */
export async function webVisitor(baseUrl: string, locale = 'en-US'): Promise<WebVisitor> {
  const res = await fetch(`${baseUrl}/api/webchat/conversations`, { method: 'POST' });
  if (res.status !== 201 && res.status !== 200)
    throw new Error(`starting a web conversation answered HTTP ${res.status}`);
  const { conversationId, token } = (await res.json()) as { conversationId: string; token: string };
  return {
    conversationId,
    token,
    async say(text, extra = {}) {
      const reply = await fetch(`${baseUrl}/api/webchat/conversations/${conversationId}/activities`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ type: 'message', text, locale, ...extra }),
      });
      const body = (await reply.json()) as { activities?: ReplyActivity[] };
      return {
        status: reply.status,
        activities: (body.activities ?? []).filter((a) => a.type === 'message'),
      };
    },
  };
}
