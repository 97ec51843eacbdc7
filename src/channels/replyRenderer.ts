import { ActionTypes, type Activity, CardFactory, type CardAction } from 'botbuilder';
import type { Reply } from '../dialogs/reply';
import { buildChoiceCard, buildSummaryCard } from './teamsCards';

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

/**
 * Turns engine replies into activities for a channel: `suggestedActions` (imBack) on Web Chat and Direct
 * Line, Adaptive Cards whose `Action.Submit` carries `data.msteams` imBack on Teams, numbered text elsewhere;
 * phone numbers become tap-to-call links where the channel shows them.
 */
export function renderReplies(replies: readonly Reply[], channelId: string): Partial<Activity>[] {
  return replies.map((reply) => {
    const activity = renderReply(reply, channelId);
    return reply.disposition
      ? { ...activity, channelData: { triage: { disposition: reply.disposition } } }
      : activity;
  });
}

function renderReply(original: Reply, channelId: string): Partial<Activity> {
  const reply = TEL_LINK_CHANNELS.has(channelId)
    ? { ...original, text: linkPhoneNumbers(original.text) }
    : original;
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
