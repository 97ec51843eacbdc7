import type { CallSummary, ReplyChoice } from '../dialogs/reply';
import { cardMark } from './teamsCardMark';

/** Adaptive Card schema version used for Teams (Teams supports up to 1.5 on all clients). */
export const ADAPTIVE_CARD_VERSION = '1.5';

/** The longest preview Teams shows in notifications and the chat list (longer ones end with "…"). */
export const PREVIEW_LENGTH = 150;

/** A JSON object. */
type Json = Record<string, unknown>;

/** A person a card or message is addressed to with an @mention (Teams group chats and channels). */
export interface TeamsMention {
  /** Their Teams id (`from.id`). */
  readonly id: string;
  /** Their display name, as Teams shows it. */
  readonly name: string;
}

/** The card-level `msteams.entities` that make `<at>name</at>` in a TextBlock a real mention. */
function mentionEntities(to: TeamsMention | undefined): Json {
  if (!to) return {};
  const text = `<at>${to.name}</at>`;
  return { msteams: { entities: [{ type: 'mention', text, mentioned: { id: to.id, name: to.name } }] } };
}

/** `text` preceded by the mention of `to`, when there is one. */
function addressed(text: string, to: TeamsMention | undefined): string {
  return to ? `<at>${to.name}</at> ${text}` : text;
}

/**
 * One `Action.Submit` per choice. Its `data.msteams` is an `imBack` whose text is the label, with the card's id in
 * invisible characters at its end ({@link cardMark}); `choice` and `card` sit next to it for clients that send the
 * submitted data back instead of the imBack text.
 */
function submitActions(choices: readonly ReplyChoice[], cardId: string | undefined): Json[] {
  const mark = cardId ? cardMark(cardId) : '';
  return choices.map((c) => ({
    type: 'Action.Submit',
    title: c.label,
    data: {
      msteams: { type: 'imBack', value: c.label + mark },
      choice: c.label,
      ...(cardId ? { card: cardId } : {}),
    },
  }));
}

/**
 * The text Teams shows for a card in notifications and the chat list (the activity's `summary`; without it they
 * read "Sent a card"): the first paragraph, on one line, cut at a word near {@link PREVIEW_LENGTH}.
 */
export function previewOf(text: string): string {
  const first = (text.split(/\n\s*\n/)[0] ?? '').replace(/\s+/g, ' ').trim();
  if (first.length <= PREVIEW_LENGTH) return first;
  const cut = first.slice(0, PREVIEW_LENGTH - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > PREVIEW_LENGTH / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

/**
 * A card with the reply text (after an @mention of `to`, when given), the answer's source line (small, subtle,
 * markdown link) when there is one, and one `Action.Submit` (Teams imBack) per choice.
 */
export function buildChoiceCard(
  text: string,
  choices: readonly ReplyChoice[],
  cardId?: string,
  to?: TeamsMention,
  source?: string,
): Json {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: ADAPTIVE_CARD_VERSION,
    fallbackText: text,
    body: [
      { type: 'TextBlock', text: addressed(text, to), wrap: true },
      ...(source
        ? [{ type: 'TextBlock', text: source, wrap: true, isSubtle: true, size: 'Small', spacing: 'Medium' }]
        : []),
    ],
    actions: submitActions(choices, cardId),
    ...mentionEntities(to),
  };
}

/** The operator's call summary as a card: the alarm of a red-flag call first, the title, a fact set, the choices. */
export function buildSummaryCard(
  summary: CallSummary,
  choices: readonly ReplyChoice[],
  cardId?: string,
  to?: TeamsMention,
): Json {
  const alarm = summary.alarm
    ? [
        {
          type: 'TextBlock',
          text: summary.alarm,
          weight: 'Bolder',
          size: 'Large',
          color: 'Attention',
          wrap: true,
        },
      ]
    : [];
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: ADAPTIVE_CARD_VERSION,
    fallbackText: summary.plainText,
    body: [
      ...alarm,
      { type: 'TextBlock', text: addressed(summary.title, to), weight: 'Bolder', size: 'Medium', wrap: true },
      { type: 'FactSet', facts: summary.facts.map((f) => ({ title: f.label, value: f.value })) },
    ],
    actions: submitActions(choices, cardId),
    ...mentionEntities(to),
  };
}
