import { ActionTypes, type Activity, CardFactory, type CardAction } from 'botbuilder';
import type { Reply } from '../dialogs/reply';
import { buildChoiceCard, buildSummaryCard, previewOf } from './teamsCards';

/** Channels whose clients show `suggestedActions` buttons. */
const SUGGESTED_ACTION_CHANNELS = new Set(['webchat', 'directline', 'emulator', 'test']);

/**
 * Turns engine replies into activities for a channel: `suggestedActions` (imBack) on Web Chat and Direct
 * Line, Adaptive Cards whose `Action.Submit` carries `data.msteams` imBack on Teams (each card message with a
 * `summary` for notifications and previews), numbered text elsewhere.
 */
export function renderReplies(replies: readonly Reply[], channelId: string): Partial<Activity>[] {
  return replies.map((reply) => {
    const activity = renderReply(reply, channelId);
    return reply.disposition
      ? { ...activity, channelData: { triage: { disposition: reply.disposition } } }
      : activity;
  });
}

function renderReply(reply: Reply, channelId: string): Partial<Activity> {
  const choices = reply.choices ?? [];
  if (channelId === 'msteams') {
    if (reply.summary) {
      // Teams reads text as Markdown, where single line breaks run together: one paragraph per line.
      return {
        type: 'message',
        text: reply.summary.plainText.split('\n').join('\n\n'),
        summary: previewOf(reply.summary.alarm ?? reply.summary.title),
        attachments: [CardFactory.adaptiveCard(buildSummaryCard(reply.summary, choices, reply.card))],
      };
    }
    if (choices.length === 0) return { type: 'message', text: reply.text };
    return {
      type: 'message',
      summary: previewOf(reply.text),
      attachments: [CardFactory.adaptiveCard(buildChoiceCard(reply.text, choices, reply.card))],
    };
  }
  if (choices.length === 0) return { type: 'message', text: reply.text };
  if (SUGGESTED_ACTION_CHANNELS.has(channelId) || channelId === '') {
    const actions: CardAction[] = choices.map((c) => ({
      type: ActionTypes.ImBack,
      title: c.label,
      value: c.label,
    }));
    return { type: 'message', text: reply.text, suggestedActions: { actions, to: [] } };
  }
  // Channels without buttons: list the choices; their numbers and texts are accepted as answers.
  const list = choices.map((c, i) => `${i + 1}. ${c.label}`).join('\n');
  return { type: 'message', text: `${reply.text}\n\n${list}` };
}
