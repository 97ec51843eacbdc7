import { ActionTypes, type Activity, CardFactory, type CardAction } from 'botbuilder';
import type { Reply } from '../dialogs/reply';
import { buildChoiceCard, buildSummaryCard } from './teamsCards';

/** Channels whose clients show `suggestedActions` buttons. */
const SUGGESTED_ACTION_CHANNELS = new Set(['webchat', 'directline', 'emulator', 'test']);

/** How a channel shows text. */
export interface RenderOptions {
  /**
   * True when the page shows text as plain text (the operator page at `/agent`): links are written out
   * instead of as markdown.
   */
  readonly plainText?: boolean;
}

/**
 * Turns engine replies into activities for a channel: `suggestedActions` (imBack) on Web Chat and Direct
 * Line, Adaptive Cards whose `Action.Submit` carries `data.msteams` imBack on Teams, numbered text elsewhere.
 * An answer's source line goes below its text (markdown with a link, or plain on the operator page).
 */
export function renderReplies(
  replies: readonly Reply[],
  channelId: string,
  options: RenderOptions = {},
): Partial<Activity>[] {
  return replies.map((reply) => {
    const activity = renderReply(reply, channelId, options);
    return reply.disposition
      ? { ...activity, channelData: { triage: { disposition: reply.disposition } } }
      : activity;
  });
}

function withSource(text: string, source: string | undefined): string {
  return source ? `${text}\n\n${source}` : text;
}

function renderReply(reply: Reply, channelId: string, options: RenderOptions): Partial<Activity> {
  const choices = reply.choices ?? [];
  if (channelId === 'msteams') {
    const source = reply.source?.markdown;
    if (reply.summary) {
      return {
        type: 'message',
        text: withSource(reply.text, source),
        attachments: [CardFactory.adaptiveCard(buildSummaryCard(reply.summary, choices))],
      };
    }
    if (choices.length === 0) return { type: 'message', text: withSource(reply.text, source) };
    return {
      type: 'message',
      attachments: [CardFactory.adaptiveCard(buildChoiceCard(reply.text, choices, source))],
    };
  }
  const markdownChannel = SUGGESTED_ACTION_CHANNELS.has(channelId) || channelId === '';
  const source = markdownChannel && !options.plainText ? reply.source?.markdown : reply.source?.plain;
  const text = withSource(reply.text, source);
  if (choices.length === 0) return { type: 'message', text };
  if (markdownChannel) {
    const actions: CardAction[] = choices.map((c) => ({
      type: ActionTypes.ImBack,
      title: c.label,
      value: c.label,
    }));
    return { type: 'message', text, suggestedActions: { actions, to: [] } };
  }
  // Channels without buttons: list the choices; their numbers and texts are accepted as answers.
  const list = choices.map((c, i) => `${i + 1}. ${c.label}`).join('\n');
  return { type: 'message', text: `${text}\n\n${list}` };
}
