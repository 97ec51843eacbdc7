import type { ReplyActivity } from './testApp';

/** A sentence ends with . ! ? … or : (a list's lead-in), before a space or the end. */
const SENTENCE_END = /(?<=[.!?…:])\s+/;

/** The texts a visitor reads in a turn's replies: message texts and the text blocks of cards. */
export function textsOf(activities: readonly ReplyActivity[]): string[] {
  return activities.flatMap((a) => {
    const cards = (a.attachments ?? []).flatMap((x) => {
      const body = (x.content as { body?: Array<{ type?: string; text?: string }> }).body ?? [];
      return body.filter((b) => b.type === 'TextBlock' && b.text).map((b) => b.text as string);
    });
    return [...(a.text ? [a.text] : []), ...cards];
  });
}

/**
 * The sentences of a reply as a reader sees them: Markdown links as their text, paragraphs and list items apart,
 * each split at its sentence ends.
 */
export function sentencesOf(text: string): string[] {
  return text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .split(/\n+/)
    .map((line) => line.replace(/^\s*(?:[-*]|\d+\.)\s+/, ''))
    .flatMap((line) => line.split(SENTENCE_END))
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** A sentence as compared: case, spacing and the closing punctuation do not make it another one. */
function comparable(sentence: string): string {
  return sentence
    .normalize('NFC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[.!?…:;,\s]+$/, '');
}

/** The sentences said more than once across `texts` (one reply's, or all the replies of a turn). */
export function repeatedSentences(texts: readonly string[]): string[] {
  const seen = new Map<string, number>();
  for (const sentence of texts.flatMap(sentencesOf)) {
    const key = comparable(sentence);
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  return [...seen].filter(([, n]) => n > 1).map(([s, n]) => `${n}× "${s}"`);
}
