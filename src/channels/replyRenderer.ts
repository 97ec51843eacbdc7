import { ActionTypes, type Activity, CardFactory, type CardAction } from 'botbuilder';
import type { Reply } from '../dialogs/reply';
import { buildChoiceCard, buildSummaryCard } from './teamsCards';

/** Channels whose clients show `suggestedActions` buttons. */
const SUGGESTED_ACTION_CHANNELS = new Set(['webchat', 'directline', 'emulator', 'test']);

/**
 * Turns engine replies into activities for a channel: `suggestedActions` (imBack) on Web Chat and Direct
 * Line, Adaptive Cards whose `Action.Submit` carries `data.msteams` imBack on Teams, numbered text elsewhere.
 */
export function renderReplies(replies: readonly Reply[], channelId: string): Partial<Activity>[] {
  return replies.map((reply) => {
    const activity = renderReply(reply, channelId);
    if (!reply.disposition && !reply.match && !reply.safety) return activity;
    const triage = {
      ...(reply.disposition ? { disposition: reply.disposition } : {}),
      ...(reply.safety ? { safety: reply.safety } : {}),
      ...reply.match,
    };
    return { ...activity, channelData: { triage } };
  });
}

function renderReply(reply: Reply, channelId: string): Partial<Activity> {
  const choices = reply.choices ?? [];
  if (channelId === 'msteams') {
    if (reply.summary) {
      return {
        type: 'message',
        text: reply.text,
        attachments: [CardFactory.adaptiveCard(buildSummaryCard(reply.summary, choices))],
      };
    }
    if (choices.length === 0) return { type: 'message', text: reply.text };
    return { type: 'message', attachments: [CardFactory.adaptiveCard(buildChoiceCard(reply.text, choices))] };
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
