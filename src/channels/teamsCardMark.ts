import { CARD_ID_BITS } from '../dialogs/cardClick';

/** Opens a mark: a zero-width space. */
const START = '\u200B';
/** A 0 bit: a zero-width non-joiner. */
const ZERO = '\u200C';
/** A 1 bit: a zero-width joiner. */
const ONE = '\u200D';

/** A mark at the end of a text: the start character and one invisible character per bit. */
const MARK_AT_END = new RegExp(`${START}([${ZERO}${ONE}]{${CARD_ID_BITS}})$`, 'u');

/**
 * The card id as invisible characters, appended to the text a Teams button's `imBack` sends back.
 * @remarks Teams returns only the imBack text of an `Action.Submit` (not the rest of its `data`), so a click on an
 * old card would read like a typed label. Zero-width characters (the ones Persian, Indic scripts and emoji already
 * use, so every Teams client renders them as nothing) carry the card's id inside that text; the bot removes them
 * before anything reads the message. If a client ever drops them, the click is simply read as its label.
 */
export function cardMark(cardId: string): string {
  const bits = Number.parseInt(cardId, 16).toString(2).padStart(CARD_ID_BITS, '0');
  return START + [...bits].map((b) => (b === '1' ? ONE : ZERO)).join('');
}

/** Splits a message into its text and the id of the card its mark names, when it ends with one. */
export function readCardMark(text: string): { text: string; cardId?: string } {
  const match = MARK_AT_END.exec(text);
  if (!match?.[1]) return { text };
  const bits = [...match[1]].map((c) => (c === ONE ? '1' : '0')).join('');
  const cardId = Number.parseInt(bits, 2)
    .toString(16)
    .padStart(CARD_ID_BITS / 4, '0');
  return { text: text.slice(0, match.index), cardId };
}
