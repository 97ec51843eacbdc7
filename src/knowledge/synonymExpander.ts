import type { Language } from '../content/language';
import type { SynonymsFile } from '../content/synonymsSchema';
import type { AnalyzedToken } from './analyzedToken';
import { normalizeText } from './normalizeText';
import { stem } from './stem';
import { tokenize } from './tokenize';

/**
 * Shortest stem two different words may share and still count as the same word; shorter stems must match the
 * word itself (Italian "viso" and "visita" both stem to "vis", "faccia" and "faccio" to "facc").
 */
const MIN_SHARED_STEM = 4;

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
      const rule = bestRule(rules.get(token.stem), tokens, i);
      if (rule) {
        out.push(...rule.canonical);
        i += rule.variant.length;
      } else {
        out.push(token);
        i += 1;
      }
    }
    return out;
  }
}

/**
 * The longest variant that matches at `start`; among variants of that length, one typed word for word beats one
 * matched by stem ("operatore" is the listed "operatore", not "operare", though both stem to "oper").
 */
function bestRule(
  rules: readonly Rule[] | undefined,
  tokens: readonly AnalyzedToken[],
  start: number,
): Rule | undefined {
  let chosen: Rule | undefined;
  for (const rule of rules ?? []) {
    if (chosen && rule.variant.length < chosen.variant.length) break;
    if (!matchesAt(tokens, start, rule.variant)) continue;
    if (matchesAt(tokens, start, rule.variant, true)) return rule;
    chosen ??= rule;
  }
  return chosen;
}

function analyse(text: string, lang: Language): AnalyzedToken[] {
  return tokenize(normalizeText(text)).map((surface) => ({ surface, stem: stem(surface, lang) }));
}

function sameStems(a: readonly AnalyzedToken[], b: readonly AnalyzedToken[]): boolean {
  return a.length === b.length && a.every((t, i) => t.stem === b[i]?.stem);
}

function sameWord(typed: AnalyzedToken, listed: AnalyzedToken, exact: boolean): boolean {
  if (typed.surface === listed.surface) return true;
  return !exact && typed.stop !== true && typed.stem === listed.stem && listed.stem.length >= MIN_SHARED_STEM;
}

function matchesAt(
  tokens: readonly AnalyzedToken[],
  start: number,
  variant: readonly AnalyzedToken[],
  exact = false,
): boolean {
  if (start + variant.length > tokens.length) return false;
  return variant.every((listed, k) => {
    const typed = tokens[start + k];
    return typed !== undefined && sameWord(typed, listed, exact);
  });
}
