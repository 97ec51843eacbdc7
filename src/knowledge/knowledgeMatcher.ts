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
import { RetrievalIndex } from './retrievalIndex';
import { SynonymExpander } from './synonymExpander';
import { TextAnalyzer } from './textAnalyzer';

/** One language's ranking of a text. */
interface Ranking {
  readonly ranked: readonly ScoredDocument[];
  /** Distinct topic words of the text. */
  readonly topicWords: number;
  /**
   * The least coverage at which the best document may be answered because the retrieval index (BM25) ranks it
   * first too: lower when every topic word is known to the content; Infinity when the rankers disagree (asked only
   * when it can matter).
   */
  readonly agreedCoverage: () => number;
}

/**
 * Recognises which knowledge entry or pathway a free-text question asks for, in English or Italian, with a
 * confidence band that says whether to answer, ask "did you mean", or refuse.
 * @remarks Build it once at start-up; `match` does no I/O and takes well under a millisecond.
 */
export class KnowledgeMatcher {
  private readonly analyzer: TextAnalyzer;
  private readonly indexes: Readonly<Record<Language, LanguageIndex>>;
  private readonly retrieval: Readonly<Record<Language, RetrievalIndex>>;
  private readonly options: MatcherOptions;

  private constructor(
    analyzer: TextAnalyzer,
    indexes: Record<Language, LanguageIndex>,
    retrieval: Record<Language, RetrievalIndex>,
    options: MatcherOptions,
  ) {
    this.analyzer = analyzer;
    this.indexes = indexes;
    this.retrieval = retrieval;
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
    const retrieval = Object.fromEntries(
      LANGUAGES.map((lang) => [lang, new RetrievalIndex(lang, documents, analyzer, indexes[lang])]),
    ) as Record<Language, RetrievalIndex>;
    return new KnowledgeMatcher(analyzer, indexes, retrieval, merged);
  }

  /**
   * Finds what the text asks for. Searches the requested language first; when that is not a clear match,
   * also the other language (people mix them), and keeps the better.
   */
  match(text: string, lang: Language): MatchResult {
    const first = this.classify(this.search(text, lang));
    if (first.result.band === ConfidenceBand.High) return first.result;
    const other: Language = lang === 'en' ? 'it' : 'en';
    const second = this.classify(this.search(text, other, first.topScore + this.options.languagePreference));
    return second.topScore > first.topScore + this.options.languagePreference ? second.result : first.result;
  }

  /** The scored documents of one language for a text, best first (for evaluation and diagnostics). */
  rank(text: string, lang: Language): readonly ScoredDocument[] {
    return this.search(text, lang).ranked;
  }

  /** The topic words of a text that an entry or pathway lacks, unknown to all content or used only elsewhere. */
  missingWords(text: string, lang: Language, id: string): { unknown: string[]; elsewhere: string[] } {
    return this.indexes[lang].missingWords(this.analyzer.analyze(text, lang), id);
  }

  private search(text: string, lang: Language, floor = 0): Ranking {
    const { tokens, signature } = this.analyzer.analyzeWithSignature(text, lang);
    const ranked = this.indexes[lang].search({ tokens, signature }, floor);
    const top = ranked[0];
    const retrieval = this.retrieval[lang];
    const o = this.options;
    let answer: number | undefined;
    return {
      ranked,
      topicWords: new Set(tokens.filter((t) => !t.weak).map((t) => t.stem)).size,
      agreedCoverage: () => {
        if (answer === undefined) {
          const second = top ? retrieval.best(text) : undefined;
          const same = top !== undefined && second?.id === top.doc.id && second.kind === top.doc.kind;
          answer = !same ? Infinity : second.allKnown ? o.agreedHighCoverage : o.agreedPartialCoverage;
        }
        return answer;
      },
    };
  }

  /**
   * Turns a ranking into a band. A long message is mostly the story around the question, so its thresholds
   * are lowered in proportion, but it never gets more than "did you mean".
   */
  private classify({ ranked, topicWords, agreedCoverage }: Ranking): {
    result: MatchResult;
    topScore: number;
  } {
    const o = this.options;
    const top = ranked[0];
    if (!top) return { result: { band: ConfidenceBand.Low, candidates: [] }, topScore: 0 };
    const long = topicWords > o.longMessageTerms;
    const relax = long ? o.longMessageTerms / topicWords : 1;
    const lowCoverage = o.lowCoverage * relax;
    const best = candidateOf(top);
    const result = (r: MatchResult) => ({ result: r, topScore: top.score });
    const [floorCoverage, floorScore] = top.named
      ? [o.namedLowCoverage * relax, o.namedLowScore * relax]
      : [lowCoverage, o.lowScore * relax];
    // Below the floors the question is refused, even when both rankers agree: measured on the development set,
    // letting agreement lower the floors answered a third of the questions the page does not answer.
    if (top.coverage < floorCoverage || top.score < floorScore) {
      return result({ band: ConfidenceBand.Low, candidates: [], nearest: best });
    }
    const rivals = ranked.filter((r) => r.doc.id !== top.doc.id || r.doc.kind !== top.doc.kind);
    const runnerUp = rivals[0];
    // The very words of one phrasing (signature equal) are that document's question, whatever else scores.
    // Two independent rankers putting the same document first is strong evidence of what is asked, even when
    // the person's own words cover the document less (typos, lay words, a story around the question).
    const strict =
      !long &&
      (top.exact === true ||
        (top.score >= o.highScore &&
          top.coverage >= o.highCoverage &&
          (!runnerUp || top.score - runnerUp.score >= o.highMargin)));
    const clear =
      strict ||
      (top.score >= o.agreedHighScore &&
        top.coverage >= o.agreedHighCoverage &&
        (!runnerUp || top.score - runnerUp.score >= o.highMargin) &&
        top.coverage >= agreedCoverage());
    if (clear) return result({ band: ConfidenceBand.High, best, candidates: [best] });
    const suggestions = rivals
      .filter((r) => r.score >= top.score * o.candidateRatio && r.coverage >= lowCoverage)
      .slice(0, o.maxSuggestions - 1)
      .map(candidateOf);
    // No rival comes near: "did you mean" would offer a single choice. It is answered when it covers the
    // question well enough (calibrated: "did you mean" is for two close candidates).
    if (suggestions.length === 0 && top.coverage >= o.soleHighCoverage && top.score >= o.soleHighScore)
      return result({ band: ConfidenceBand.High, best, candidates: [best] });
    return result({ band: ConfidenceBand.Medium, best, candidates: [best, ...suggestions] });
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
