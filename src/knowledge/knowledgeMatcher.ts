import type { KnowledgeEntry } from '../content/knowledgeSchema';
import { LANGUAGES, type Language } from '../content/language';
import type { Pathway } from '../content/pathwaySchema';
import type { SynonymsFile } from '../content/synonymsSchema';
import { ConfidenceBand } from './confidenceBand';
import { documentsFromContent } from './documentsFromContent';
import type { IndexDocument } from './indexDocument';
import { LanguageIndex } from './languageIndex';
import { MATCHER_DEFAULTS, type MatcherOptions } from './matcherOptions';
import type { MatchCandidate, MatchResult } from './matchResult';
import type { ScoredDocument } from './scoredDocument';
import { SynonymExpander } from './synonymExpander';
import { TextAnalyzer } from './textAnalyzer';

/**
 * Recognises which knowledge entry or pathway a free-text question asks for, in English or Italian, with a
 * confidence band that says whether to answer, ask "did you mean", or refuse.
 * @remarks Build it once at start-up; `match` does no I/O and takes well under a millisecond.
 */
export class KnowledgeMatcher {
  private readonly analyzer: TextAnalyzer;
  private readonly indexes: Readonly<Record<Language, LanguageIndex>>;
  private readonly options: MatcherOptions;

  private constructor(
    analyzer: TextAnalyzer,
    indexes: Record<Language, LanguageIndex>,
    options: MatcherOptions,
  ) {
    this.analyzer = analyzer;
    this.indexes = indexes;
    this.options = options;
  }

  /** Builds the matcher over knowledge entries and pathway openers, with the synonyms file's lay terms. */
  static build(
    entries: readonly KnowledgeEntry[],
    pathways: readonly Pick<Pathway, 'id' | 'openers'>[],
    synonyms: Pick<SynonymsFile, 'en' | 'it'>,
    options: Partial<MatcherOptions> = {},
  ): KnowledgeMatcher {
    return KnowledgeMatcher.fromDocuments(documentsFromContent(entries, pathways), synonyms, options);
  }

  /** Builds the matcher over any documents (entries, pathways, or both). */
  static fromDocuments(
    documents: readonly IndexDocument[],
    synonyms: Pick<SynonymsFile, 'en' | 'it'>,
    options: Partial<MatcherOptions> = {},
  ): KnowledgeMatcher {
    const merged: MatcherOptions = { ...MATCHER_DEFAULTS, ...options };
    const analyzer = new TextAnalyzer(SynonymExpander.build(synonyms));
    const indexes = Object.fromEntries(
      LANGUAGES.map((lang) => [lang, new LanguageIndex(lang, documents, analyzer, merged)]),
    ) as Record<Language, LanguageIndex>;
    return new KnowledgeMatcher(analyzer, indexes, merged);
  }

  /**
   * Finds what the text asks for. Searches the requested language first; when that is not a clear match,
   * also the other language (people mix them), and keeps the better.
   */
  match(text: string, lang: Language): MatchResult {
    const first = this.rank(text, lang);
    const firstResult = this.classify(first);
    if (firstResult.band === ConfidenceBand.High) return firstResult;
    const other: Language = lang === 'en' ? 'it' : 'en';
    const second = this.rank(text, other);
    const firstScore = first[0]?.score ?? 0;
    const secondScore = second[0]?.score ?? 0;
    return secondScore > firstScore + this.options.languagePreference ? this.classify(second) : firstResult;
  }

  /** The scored documents of one language for a text, best first (for evaluation and diagnostics). */
  rank(text: string, lang: Language): ScoredDocument[] {
    return this.indexes[lang].search({
      tokens: this.analyzer.analyze(text, lang),
      signature: this.analyzer.signature(text, lang),
    });
  }

  private classify(ranked: readonly ScoredDocument[]): MatchResult {
    const o = this.options;
    const top = ranked[0];
    if (!top) return { band: ConfidenceBand.Low, candidates: [] };
    const best = candidateOf(top);
    if (top.coverage < o.lowCoverage || top.score < o.lowScore) {
      return { band: ConfidenceBand.Low, candidates: [], nearest: best };
    }
    const rivals = ranked.filter((r) => r.doc.id !== top.doc.id || r.doc.kind !== top.doc.kind);
    const runnerUp = rivals[0];
    const clear =
      top.score >= o.highScore &&
      top.coverage >= o.highCoverage &&
      (!runnerUp || top.score - runnerUp.score >= o.highMargin);
    if (clear) return { band: ConfidenceBand.High, best, candidates: [best] };
    const suggestions = rivals
      .filter((r) => r.score >= top.score * o.candidateRatio && r.coverage >= o.lowCoverage)
      .slice(0, o.maxSuggestions - 1)
      .map(candidateOf);
    return { band: ConfidenceBand.Medium, best, candidates: [best, ...suggestions] };
  }
}

function candidateOf(scored: ScoredDocument): MatchCandidate {
  return {
    id: scored.doc.id,
    kind: scored.doc.kind,
    lang: scored.doc.lang,
    score: round(scored.score),
    coverage: round(scored.coverage),
  };
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
