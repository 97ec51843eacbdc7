/** Placeholders that replace personal data in logged text. */
export const REDACTED = Object.freeze({
  email: '[email]',
  phone: '[phone]',
  taxCode: '[tax-code]',
  name: '[name]',
  number: '[number]',
});

/** An e-mail address. */
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;

/**
 * An Italian tax code (codice fiscale): 6 letters, 2 digits, month letter, 2 digits, a letter and 3 digits,
 * a check letter; digits may be replaced by letters (omocodia), so each digit position also accepts L–V.
 */
const TAX_CODE =
  /\b[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]\b/gi;

/** A phone number: optional +country, then at least 6 digits with spaces, dots, dashes or brackets between. */
const PHONE = /(?:\+|\b00)?\d[\d ().-]{4,}\d\b/g;

/** Any run of 5 or more digits that is left (card, health-card or file numbers). */
const DIGITS = /\d{5,}/g;

/** Words after which people give their name. */
const NAME_INTRODUCERS =
  /\b(my name is|my name's|mi chiamo|il mio nome è|il mio nome e|this is|i am|i'm|sono)\s+/giu;

/** A capitalised name of one or two words ("Marco", "Giulia Bianchi"). */
const CAPITALISED_NAME = /^\p{Lu}[\p{L}'-]*(?:\s+\p{Lu}[\p{L}'-]*)?/u;
/** After "my name is" / "mi chiamo": one or two words in any case. */
const ANY_NAME = /^([\p{L}'-]+)(?:\s+([\p{L}'-]+))?/u;
/** Words that end a name given in lower case ("my name is john and …"). */
const NOT_NAME = new Set([
  'and',
  'e',
  'ed',
  'i',
  'ho',
  'have',
  'am',
  'from',
  'da',
  'my',
  'mio',
  'mia',
  'with',
  'con',
  'but',
  'ma',
]);

/** Introducers that always announce a name (others, like "sono", only when the next word is capitalised). */
const EXPLICIT = /^(my name is|my name's|mi chiamo|il mio nome è|il mio nome e)$/iu;

/**
 * Removes personal data from free text before it is logged: e-mail addresses, Italian tax codes, phone
 * numbers, long digit runs, and names after "my name is" / "mi chiamo" / "sono" / "I am".
 * @remarks After "sono" or "I am" only a capitalised word counts as a name ("sono Marco", not "sono preoccupata").
 */
export function redact(text: string): string {
  let out = text
    .replace(EMAIL, REDACTED.email)
    .replace(TAX_CODE, REDACTED.taxCode)
    .replace(PHONE, (match) => (countDigits(match) >= 6 ? REDACTED.phone : match))
    .replace(DIGITS, REDACTED.number);
  out = redactNames(out);
  return out;
}

function countDigits(text: string): number {
  return (text.match(/\d/g) ?? []).length;
}

function redactNames(text: string): string {
  let result = '';
  let last = 0;
  for (const match of text.matchAll(NAME_INTRODUCERS)) {
    const start = (match.index ?? 0) + match[0].length;
    if (start < last) continue;
    const introducer = (match[1] ?? '').toLowerCase();
    const rest = text.slice(start);
    const length = EXPLICIT.test(introducer)
      ? explicitNameLength(rest)
      : (CAPITALISED_NAME.exec(rest)?.[0].length ?? 0);
    if (length === 0) continue;
    result += text.slice(last, start) + REDACTED.name;
    last = start + length;
  }
  return result + text.slice(last);
}

function explicitNameLength(rest: string): number {
  const match = ANY_NAME.exec(rest);
  if (!match || NOT_NAME.has((match[1] ?? '').toLowerCase())) return 0;
  const second = match[2];
  return second === undefined || NOT_NAME.has(second.toLowerCase())
    ? (match[1] ?? '').length
    : match[0].length;
}
