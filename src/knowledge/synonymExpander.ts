import type { Language } from '../content/language';
import type { SynonymsFile } from '../content/synonymsSchema';
import type { AnalyzedToken } from './analyzedToken';
import { normalizeText } from './normalizeText';
import { stem } from './stem';
import { tokenize } from './tokenize';

interface Rule {
  readonly variant: readonly string[];
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
        const canonicalTokens = stems(canonical, lang).map((s, i) => ({
          surface: words(canonical)[i] ?? s,
          stem: s,
        }));
        if (canonicalTokens.length === 0) continue;
        for (const variant of variants) {
          const variantStems = stems(variant, lang);
          const first = variantStems[0];
          if (
            first === undefined ||
            sameSequence(
              variantStems,
              canonicalTokens.map((t) => t.stem),
            )
          )
            continue;
          const list = rules[lang].get(first) ?? [];
          list.push({ variant: variantStems, canonical: canonicalTokens });
          rules[lang].set(first, list);
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
      const rule = rules.get(token.stem)?.find((r) => matchesAt(tokens, i, r.variant));
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

function words(text: string): string[] {
  return tokenize(normalizeText(text));
}

function stems(text: string, lang: Language): string[] {
  return words(text).map((w) => stem(w, lang));
}

function sameSequence(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}

function matchesAt(tokens: readonly AnalyzedToken[], start: number, variant: readonly string[]): boolean {
  if (start + variant.length > tokens.length) return false;
  return variant.every((s, k) => tokens[start + k]?.stem === s);
}
