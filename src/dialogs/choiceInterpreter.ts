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

/** A choice's labels and listed words, folded: content, so folded once per choice, not on every answer. */
interface FoldedChoice {
  readonly label: Readonly<Record<Language, string>>;
  readonly words: Readonly<Record<Language, readonly string[]>>;
}

const foldedChoices = new WeakMap<Choice, FoldedChoice>();

function folded(choice: Choice): FoldedChoice {
  let f = foldedChoices.get(choice);
  if (!f) {
    f = {
      label: { en: foldText(choice.label.en), it: foldText(choice.label.it) },
      words: {
        en: (choice.words?.en ?? []).map(foldText),
        it: (choice.words?.it ?? []).map(foldText),
      },
    };
    foldedChoices.set(choice, f);
  }
  return f;
}

function isYesLabel(choice: Choice): boolean {
  return (
    choice.id === 'yes' ||
    /^(yes|si)\b/.test(folded(choice).label.en) ||
    /^si\b/.test(folded(choice).label.it)
  );
}

function isNoLabel(choice: Choice): boolean {
  return choice.id === 'no' || /^no\b/.test(folded(choice).label.en) || /^no\b/.test(folded(choice).label.it);
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
  const typed = foldText(text);
  if (typed === '') return undefined;
  const number = /^(\d{1,2})$/.exec(typed);
  if (number) return choices[Number(number[1]) - 1];

  const byLabel = choices.find((c) => {
    const { label } = folded(c);
    return label.en === typed || label.it === typed;
  });
  if (byLabel) return byLabel;

  // Words listed by the content: the choice with the most (and longest) hits wins; a tie is unclear.
  const scored = choices
    .map((c) => {
      const f = folded(c);
      const words = [...f.words[lang], ...f.words[lang === 'en' ? 'it' : 'en']];
      const label = f.label[lang];
      let score = 0;
      for (const w of words) if (containsPhrase(typed, w)) score += w.split(' ').length;
      if (label.length > 3 && containsPhrase(typed, label)) score += label.split(' ').length;
      return { c, score };
    })
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score);
  if (scored.length > 0 && (scored.length === 1 || (scored[0]?.score ?? 0) > (scored[1]?.score ?? 0)))
    return scored[0]?.c;

  const first = typed.split(' ')[0] ?? '';
  const firstTwo = typed.split(' ').slice(0, 2).join(' ');
  if (YES.has(typed) || YES.has(first) || YES.has(firstTwo)) return choices.find(isYesLabel);
  if (NO.has(typed) || NO.has(first) || NO.has(firstTwo)) return choices.find(isNoLabel);
  return undefined;
}
