import { ActionTypes, type Activity, CardFactory, type CardAction, type Entity } from 'botbuilder';
import type { Reply } from '../dialogs/reply';
import { isSharedConversation } from '../state/conversationScope';
import { buildChoiceCard, buildSummaryCard, previewOf, type TeamsMention } from './teamsCards';

/** Channels whose clients show `suggestedActions` buttons. */
const SUGGESTED_ACTION_CHANNELS = new Set(['webchat', 'directline', 'emulator', 'test']);

/**
 * Channels shown by Web Chat, whose Markdown makes a `tel:` link a tap-to-call number on a phone.
 * @remarks Not Teams: it drops the `href` of `tel:` links in messages and cards (MicrosoftDocs/AdaptiveCards#216,
 * microsoft/botframework-sdk#6287), which would leave the number looking like a link that does nothing, so Teams
 * gets the plain number. Not plain-text channels either.
 */
const TEL_LINK_CHANNELS = new Set(['webchat', 'directline', 'emulator']);

/**
 * Phone numbers as the content writes them: international (`+39 02 5748 9001`), Italian landlines (`02 2327 2327`)
 * and the emergency number 112, each on its own (not inside a longer run of digits or a word).
 */
const PHONE_NUMBER = /(?<![\w+-])(?:\+\d{1,3}(?: ?\d{1,4}){2,5}|0\d{1,3}(?: \d{2,4}){1,3}|112)(?![\w-])/g;

/** The number to dial: digits only, international form (Italian landlines keep their 0 after +39). */
function dialled(number: string): string {
  const digits = number.replace(/[^\d+]/g, '');
  return digits.startsWith('+') || digits === '112' ? digits : `+39${digits}`;
}

/** Makes every phone number of `text` a Markdown `tel:` link, e.g. `[+39 02 5748 9001](tel:+390257489001)`. */
export function linkPhoneNumbers(text: string): string {
  return text.replace(PHONE_NUMBER, (number) => `[${number}](tel:${dialled(number)})`);
}

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
 * operator page); phone numbers become tap-to-call links where the channel shows them.
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
    ...entities,
  };
}

function renderReply(original: Reply, channelId: string, options: RenderOptions): Partial<Activity> {
  // The operator page shows text as it is: numbers stay plain there, to be read out and copied.
  const reply =
    TEL_LINK_CHANNELS.has(channelId) && !options.plainText
      ? { ...original, text: linkPhoneNumbers(original.text) }
      : original;
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
