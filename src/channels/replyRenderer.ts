import { ActionTypes, type Activity, CardFactory, type CardAction, type Entity } from 'botbuilder';
import type { Reply } from '../dialogs/reply';
import { isSharedConversation } from '../state/conversationScope';
import { buildChoiceCard, buildSummaryCard, previewOf, type TeamsMention } from './teamsCards';

/** Channels whose clients show `suggestedActions` buttons. */
const SUGGESTED_ACTION_CHANNELS = new Set(['webchat', 'directline', 'emulator', 'test']);

/** How a channel shows text, and whom a reply in a shared conversation is for. */
export interface RenderOptions {
  /**
   * True when the page shows text as plain text (the operator page at `/agent`): links are written out
   * instead of as markdown.
   */
  readonly plainText?: boolean;
  /** In a Teams group chat or channel, the person the replies are for (named with an @mention). */
  readonly addressee?: TeamsMention;
}

/**
 * The person replies in a Teams group chat or channel are for, to be named with an @mention at their start: there
 * several people may each be in their own pathway, and each must see which question is theirs.
 */
export function addresseeOf(activity: Partial<Activity>): TeamsMention | undefined {
  if (activity.channelId !== 'msteams' || !isSharedConversation(activity)) return undefined;
  const id = activity.from?.id;
  const name = (activity.from?.name ?? '').replace(/[<>]/g, '').trim();
  return id && name ? { id, name } : undefined;
}

/**
 * Turns engine replies into activities for a channel: `suggestedActions` (imBack) on Web Chat and Direct
 * Line, Adaptive Cards whose `Action.Submit` carries `data.msteams` imBack on Teams (each card message with a
 * `summary` for notifications and previews, and in a shared conversation an @mention of the person it is for),
 * numbered text elsewhere. An answer's source line goes below its text (markdown with a link, or plain on the
 * operator page).
 */
export function renderReplies(
  replies: readonly Reply[],
  channelId: string,
  options: RenderOptions = {},
): Partial<Activity>[] {
  return replies.map((reply) => {
    const activity =
      channelId === 'msteams'
        ? renderTeamsReply(reply, options.addressee)
        : renderReply(reply, channelId, options);
    if (!reply.disposition && !reply.match && !reply.safety) return activity;
    const triage = {
      ...(reply.disposition ? { disposition: reply.disposition } : {}),
      ...(reply.safety ? { safety: reply.safety } : {}),
      ...reply.match,
    };
    return { ...activity, channelData: { ...(activity.channelData as object | undefined), triage } };
  });
}

/** A Teams activity mentioning `to`: the `<at>` text and its entity. */
function mention(to: TeamsMention): { text: string; entities: Entity[] } {
  const text = `<at>${to.name}</at>`;
  return { text, entities: [{ type: 'mention', text, mentioned: { id: to.id, name: to.name } }] };
}

function withSource(text: string, source: string | undefined): string {
  return source ? `${text}\n\n${source}` : text;
}

function renderTeamsReply(reply: Reply, addressee: TeamsMention | undefined): Partial<Activity> {
  const choices = reply.choices ?? [];
  const source = reply.source?.markdown;
  const to = reply.everyone ? undefined : addressee;
  const at = to ? mention(to) : undefined;
  const entities = at ? { entities: at.entities } : {};
  if (reply.summary) {
    // Teams reads text as Markdown, where single line breaks run together: one paragraph per line.
    const lines = reply.summary.plainText.split('\n');
    return {
      type: 'message',
      text: (at ? [at.text, ...lines] : lines).join('\n\n'),
      summary: previewOf(reply.summary.alarm ?? reply.summary.title),
      attachments: [CardFactory.adaptiveCard(buildSummaryCard(reply.summary, choices, reply.card, to))],
      ...entities,
    };
  }
  if (choices.length === 0) {
    const text = withSource(reply.text, source);
    return { type: 'message', text: at ? `${at.text} ${text}` : text, ...entities };
  }
  return {
    type: 'message',
    summary: previewOf(reply.text),
    attachments: [CardFactory.adaptiveCard(buildChoiceCard(reply.text, choices, reply.card, to, source))],
  };
}

function renderReply(reply: Reply, channelId: string, options: RenderOptions): Partial<Activity> {
  const choices = reply.choices ?? [];
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
