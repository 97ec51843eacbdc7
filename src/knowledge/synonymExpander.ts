import type { Language } from '../content/language';
import type { SynonymsFile } from '../content/synonymsSchema';
import type { AnalyzedToken } from './analyzedToken';
import { normalizeText } from './normalizeText';
import { stem } from './stem';
import { STOPWORDS } from './stopwords';
import { tokenize } from './tokenize';

/**
 * Shortest stem two different words may share and still count as the same word; shorter stems must match the
 * word itself (Italian "viso" and "visita" both stem to "vis", "faccia" and "faccio" to "facc").
 */
const MIN_SHARED_STEM = 4;

/**
 * Most letters two words sharing a stem may differ by at their end: inflections ("lumps", "tumori") differ by one
 * or two, different words with one stem by more ("genetico" and "genetista", "operatore" and "operare").
 */
const MAX_INFLECTION_LETTERS = 2;

/** Most stopwords a typed phrase may add between two words of a variant ("prendere un appuntamento"). */
const MAX_SKIPPED_STOPWORDS = 2;

const STOP: ReadonlySet<string> = new Set([...STOPWORDS.en, ...STOPWORDS.it]);

interface Rule {
  readonly variant: readonly AnalyzedToken[];
  readonly canonical: readonly AnalyzedToken[];
}

/**
 * Replaces the lay words people type with the canonical terms the knowledge base uses
 * (synonyms file: canonical → variants), matching stems so plurals and inflections count.
 * @remarks Longer variants are tried first, so "back of the tummy" wins over "tummy".
 */
export class SynonymExpander {
  private readonly rules: Readonly<Record<Language, ReadonlyMap<string, readonly Rule[]>>>;

  private constructor(rules: Record<Language, Map<string, Rule[]>>) {
    this.rules = rules;
  }

  /** Builds the expander from the synonyms file's contents. */
  static build(synonyms: Pick<SynonymsFile, 'en' | 'it'>): SynonymExpander {
    const rules: Record<Language, Map<string, Rule[]>> = { en: new Map(), it: new Map() };
    for (const lang of ['en', 'it'] as const) {
      for (const [canonical, variants] of Object.entries(synonyms[lang])) {
        const canonicalTokens = analyse(canonical, lang);
        if (canonicalTokens.length === 0) continue;
        for (const variant of variants) {
          const variantTokens = analyse(variant, lang);
          const first = variantTokens[0];
          if (!first || sameStems(variantTokens, canonicalTokens)) continue;
          const list = rules[lang].get(first.stem) ?? [];
          list.push({ variant: variantTokens, canonical: canonicalTokens });
          rules[lang].set(first.stem, list);
        }
      }
      for (const list of rules[lang].values()) list.sort((a, b) => b.variant.length - a.variant.length);
    }
    return new SynonymExpander(rules);
  }

  /** An expander that changes nothing. */
  static empty(): SynonymExpander {
    return SynonymExpander.build({ en: {}, it: {} });
  }

  /** Rewrites a sequence of tokens, replacing each variant (longest first) with its canonical term. */
  expand(tokens: readonly AnalyzedToken[], lang: Language): AnalyzedToken[] {
    const rules = this.rules[lang];
    const out: AnalyzedToken[] = [];
    let i = 0;
    while (i < tokens.length) {
      const token = tokens[i] as AnalyzedToken;
      const found = bestRule(rules.get(token.stem), tokens, i);
      if (found) {
        out.push(...found.rule.canonical);
        i += found.length;
      } else {
        out.push(token);
        i += 1;
      }
    }
    return out;
  }
}

/**
 * The longest variant that matches at `start`, with how many typed words it covers; among variants of that length,
 * one typed word for word beats one matched by stem ("operatore" is the listed "operatore", not "operare", though
 * both stem to "oper").
 */
function bestRule(
  rules: readonly Rule[] | undefined,
  tokens: readonly AnalyzedToken[],
  start: number,
): { rule: Rule; length: number } | undefined {
  let chosen: { rule: Rule; length: number } | undefined;
  for (const rule of rules ?? []) {
    if (chosen && rule.variant.length < chosen.rule.variant.length) break;
    const length = matchLength(tokens, start, rule.variant, false);
    if (length === undefined) continue;
    const exact = matchLength(tokens, start, rule.variant, true);
    if (exact !== undefined) return { rule, length: exact };
    chosen ??= { rule, length };
  }
  return chosen;
}

function analyse(text: string, lang: Language): AnalyzedToken[] {
  return tokenize(normalizeText(text)).map((surface) => ({
    surface,
    stem: stem(surface, lang),
    stop: STOP.has(surface),
  }));
}

function sameStems(a: readonly AnalyzedToken[], b: readonly AnalyzedToken[]): boolean {
  return a.length === b.length && a.every((t, i) => t.stem === b[i]?.stem);
}

function sameWord(typed: AnalyzedToken, listed: AnalyzedToken, exact: boolean): boolean {
  if (typed.surface === listed.surface) return true;
  return (
    !exact &&
    typed.stop !== true &&
    typed.stem === listed.stem &&
    listed.stem.length >= MIN_SHARED_STEM &&
    inflectionOf(typed.surface, listed.surface)
  );
}

function inflectionOf(a: string, b: string): boolean {
  let common = 0;
  while (common < a.length && a[common] === b[common]) common++;
  return Math.max(a.length, b.length) - common <= MAX_INFLECTION_LETTERS;
}

/**
 * How many typed words, from `start`, the variant covers: its words in order, with up to two stopwords the variant
 * does not list allowed between two of its topic words ("prendere un appuntamento"; never "what is next" for
 * "what next"); undefined when it does not match there.
 */
function matchLength(
  tokens: readonly AnalyzedToken[],
  start: number,
  variant: readonly AnalyzedToken[],
  exact: boolean,
): number | undefined {
  let at = start;
  for (let k = 0; k < variant.length; k++) {
    const listed = variant[k] as AnalyzedToken;
    let skipped = 0;
    while (
      k > 0 &&
      listed.stop !== true &&
      variant[k - 1]?.stop !== true &&
      skipped < MAX_SKIPPED_STOPWORDS &&
      tokens[at]?.stop === true &&
      !sameWord(tokens[at] as AnalyzedToken, listed, exact)
    ) {
      at++;
      skipped++;
    }
    const typed = tokens[at];
    if (typed === undefined || !sameWord(typed, listed, exact)) return undefined;
    at++;
  }
  return at - start;
}
