import { randomInt } from 'node:crypto';
import type { TurnContext } from 'botbuilder';

/** How many of the last cards of choices a person was sent are remembered, to recognise a click on an old one. */
export const MAX_REMEMBERED_CARDS = 8;

/** Card ids are this many bits (random, so one person's card id never names another's current card). */
export const CARD_ID_BITS = 24;

/** A card of choices the bot sent, remembered so that a click on an older one is recognised as old. */
export interface SentCard {
  /** The id its buttons carry (six hexadecimal digits). */
  readonly id: string;
  /** The pathway question its choices answer (`pathway/node`), if they answer one. */
  readonly asks?: string;
  /** Its buttons' labels (kept for pathway questions only, whose old buttons must not answer another question). */
  readonly labels?: readonly string[];
}

/**
 * The card a click came from, when the channel told: set by the bot at the start of the turn from the
 * button's data or from the mark its imBack text carries; undefined for typed text.
 */
export const CardClick = Object.freeze({
  /** `turnState` key of the id of the card the message was clicked on. */
  key: Symbol('cardClick'),

  /** The id of the card this turn's message was clicked on, or undefined when it was typed (or not known). */
  of(context: TurnContext): string | undefined {
    const id = context.turnState.get(CardClick.key) as unknown;
    return typeof id === 'string' ? id : undefined;
  },

  /** A new random card id. */
  newId(): string {
    return randomInt(0, 2 ** CARD_ID_BITS)
      .toString(16)
      .padStart(CARD_ID_BITS / 4, '0');
  },
});
