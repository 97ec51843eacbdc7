import MiniSearch from 'minisearch';
import type { Language } from '../content/language';
import type { DocumentKind, IndexDocument } from './indexDocument';
import type { LanguageIndex } from './languageIndex';
import type { TextAnalyzer } from './textAnalyzer';

/** A document as the retrieval index stores it. */
interface StoredDocument {
  readonly key: string;
  readonly id: string;
  readonly kind: DocumentKind;
  readonly question: string;
  readonly phrases: string;
  readonly body: string;
}

/** Tuning of the second opinion on rankings. */
export interface RetrievalOptions {
  /** Field boosts: the canonical phrasing, the other phrasings, the answer. */
  readonly boost: { readonly question: number; readonly phrases: number; readonly body: number };
  /**
   * Largest share of the documents a query term may appear in to be asked about: BM25 gives such a term almost
   * no weight, and asking about it costs a pass over most of the index (tens of milliseconds at 100× the content).
   */
  readonly maxDocumentShare: number;
}

/** Default retrieval tuning: MiniSearch's BM25 defaults, with the phrasings weighted over the answer. */
export const RETRIEVAL_DEFAULTS: RetrievalOptions = Object.freeze({
  boost: Object.freeze({ question: 3, phrases: 2, body: 1 }),
  maxDocumentShare: 0.1,
});

/**
 * A second, independent ranking of one language's documents: MiniSearch's BM25 with field boosts, over the terms
 * the main index recognises (typos corrected there, related forms folded), so it needs no fuzzy or prefix
 * expansion of its own.
 * @remarks The main index scores *how well* a document covers a question; this one says only which document BM25
 * puts first. When the two agree, the matcher may answer with less coverage (people's own words rarely match a
 * phrasing whole); when they disagree it keeps its stricter bands.
 */
export class RetrievalIndex {
  private readonly search: MiniSearch<StoredDocument>;

  /** Indexes the documents of one language, with the terms `index` recognises. */
  constructor(
    private readonly lang: Language,
    documents: readonly IndexDocument[],
    private readonly analyzer: TextAnalyzer,
    private readonly index: LanguageIndex,
    private readonly options: RetrievalOptions = RETRIEVAL_DEFAULTS,
  ) {
    this.search = new MiniSearch<StoredDocument>({
      idField: 'key',
      fields: ['question', 'phrases', 'body'],
      storeFields: ['id', 'kind'],
      tokenize: (text) => this.documentTerms(text),
      processTerm: (term) => term,
      searchOptions: { boost: { ...options.boost } },
    });
    this.search.addAll(
      documents
        .filter((d) => d.lang === lang && d.smalltalk !== true)
        .map((d) => ({
          key: `${d.kind}:${d.id}`,
          id: d.id,
          kind: d.kind,
          question: d.phrases[0] ?? '',
          phrases: d.phrases.slice(1).join('\n'),
          body: d.body ?? '',
        })),
    );
  }

  /**
   * The document BM25 ranks first for a text, if any, and whether every topic word of the text is known to the
   * content: when one is not, the text may ask about something the content does not hold ("can I bring my dog"),
   * and the known words are weaker evidence of what is meant.
   */
  best(
    text: string,
  ): { readonly id: string; readonly kind: DocumentKind; readonly allKnown: boolean } | undefined {
    const recognised = this.index.recognisedTerms(this.analyzer.analyze(text, this.lang));
    const allKnown = !recognised.some((t) => !t.known && !t.weak);
    const terms = recognised
      .map((t) => t.term)
      .filter((t) => this.index.documentShare(t) <= this.options.maxDocumentShare);
    if (terms.length === 0) return undefined;
    const [first] = this.search.search({ queries: terms, combineWith: 'OR' });
    return first ? { id: first.id as string, kind: first.kind as DocumentKind, allKnown } : undefined;
  }

  private documentTerms(text: string): string[] {
    return this.analyzer.analyze(text, this.lang).map((t) => this.index.canonicalTerm(t.stem));
  }
}
