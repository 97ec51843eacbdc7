import type { Utterance } from './utterance';

/**
 * The JSON body of a Web Chat message activity with `expectReplies`, so replies come back in the HTTP response.
 * @remarks Each conversation has its own visitor id, as on the real channel (user state is per visitor).
 */
export function messageBody(utterance: Utterance, conversationId: string): string {
  return JSON.stringify({
    type: 'message',
    deliveryMode: 'expectReplies',
    channelId: 'webchat',
    serviceUrl: 'http://127.0.0.1:9/',
    locale: utterance.lang === 'it' ? 'it-IT' : 'en-GB',
    from: { id: `visitor-${conversationId}`, name: 'Visitor' },
    recipient: { id: 'bot', name: 'Bot' },
    conversation: { id: conversationId },
    text: utterance.text,
  });
}
