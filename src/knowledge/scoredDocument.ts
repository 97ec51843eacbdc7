import type { IndexDocument } from './indexDocument';

/** A document with the parts of its score, as the index ranks it for a query. */
export interface ScoredDocument {
  /** The document. */
  readonly doc: IndexDocument;
  /** Combined score, 0 to 1. */
  readonly score: number;
  /** Share of the query's topic words (weighted by rarity) the document contains, 0 to 1. */
  readonly coverage: number;
  /** Best overlap (F1 of rarity-weighted topic words) between the query and one of the document's phrasings. */
  readonly phrase: number;
  /** fuse.js similarity (1 − fuse score) over the normalised phrasings and answer. */
  readonly fuzzy: number;
  /** True when the text is one of this document's phrasings, word for word after normalisation and stemming. */
  readonly exact?: boolean;
  /**
   * True when the text holds every topic word of one of this document's phrasings, and that phrasing names the
   * document (an entry's subject word few documents use, or a pathway opener's situation): the text names what the
   * document is about, whatever story surrounds it.
   */
  readonly named?: boolean;
}
