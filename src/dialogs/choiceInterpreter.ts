import type { Language } from '../content/language';
import type { Choice } from '../content/pathwaySchema';
import { containsPhrase, foldText } from '../text/foldText';

/** Words that mean yes or no, in both languages (engine vocabulary, not clinical content). */
const YES = new Set([
  'yes',
  'y',
  'yeah',
  'yep',
  'yup',
  'sure',
  'correct',
  'right',
  'si',
  'certo',
  'esatto',
  'certamente',
  'gia',
  'ok si',
]);
const NO = new Set([
  'no',
  'n',
  'nope',
  'not',
  'never',
  'non',
  'mai',
  'per niente',
  'no no',
  'nothing',
  'niente',
  'nessuno',
]);

function isYesLabel(choice: Choice): boolean {
  return (
    choice.id === 'yes' ||
    /^(yes|si)\b/.test(foldText(choice.label.en)) ||
    /^si\b/.test(foldText(choice.label.it))
  );
}

function isNoLabel(choice: Choice): boolean {
  return (
    choice.id === 'no' || /^no\b/.test(foldText(choice.label.en)) || /^no\b/.test(foldText(choice.label.it))
  );
}

/**
 * Interprets a typed or clicked answer to a question: its number ("2"), a label in either language, yes/no
 * words, or words a choice lists. Returns undefined when the answer is unclear.
 */
export function interpretChoice(
  text: string,
  choices: readonly Choice[],
  lang: Language,
): Choice | undefined {
  const folded = foldText(text);
  if (folded === '') return undefined;
  const number = /^(\d{1,2})$/.exec(folded);
  if (number) return choices[Number(number[1]) - 1];

  const byLabel = choices.find(
    (c) =>
      foldText(c.label[lang]) === folded ||
      foldText(c.label.en) === folded ||
      foldText(c.label.it) === folded,
  );
  if (byLabel) return byLabel;

  // Words listed by the content: the choice with the most (and longest) hits wins; a tie is unclear.
  const scored = choices
    .map((c) => {
      const words = [...(c.words?.[lang] ?? []), ...(c.words?.[lang === 'en' ? 'it' : 'en'] ?? [])].map(
        foldText,
      );
      const label = foldText(c.label[lang]);
      let score = 0;
      for (const w of words) if (containsPhrase(folded, w)) score += w.split(' ').length;
      if (label.length > 3 && containsPhrase(folded, label)) score += label.split(' ').length;
      return { c, score };
    })
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score);
  if (scored.length > 0 && (scored.length === 1 || (scored[0]?.score ?? 0) > (scored[1]?.score ?? 0)))
    return scored[0]?.c;

  const first = folded.split(' ')[0] ?? '';
  const firstTwo = folded.split(' ').slice(0, 2).join(' ');
  if (YES.has(folded) || YES.has(first) || YES.has(firstTwo)) return choices.find(isYesLabel);
  if (NO.has(folded) || NO.has(first) || NO.has(firstTwo)) return choices.find(isNoLabel);
  return undefined;
}
