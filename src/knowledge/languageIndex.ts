import type { Language } from '../content/language';
import type { AnalyzedToken } from './analyzedToken';
import { FuzzyPattern, FuzzyRecord } from './fuzzyRecord';
import type { IndexDocument } from './indexDocument';
import type { MatcherOptions } from './matcherOptions';
import type { ScoredDocument } from './scoredDocument';
import { sortShortList } from './sortShortList';
import { stem } from './stem';
import type { TextAnalyzer } from './textAnalyzer';
import { Vocabulary, type ResolvedTerm } from './vocabulary';

/** A query as the index reads it. */
export interface IndexQuery {
  /** Topic words (question words marked weak), from `TextAnalyzer.analyze`. */
  readonly tokens: readonly AnalyzedToken[];
  /** Every word, from `TextAnalyzer.signature`: equal to a phrasing's signature means the same question. */
  readonly signature: string;
}

/** One phrasing's distinct terms, each with its weight (1, or less for a question word), and their idf sum. */
interface PhraseTerms {
  readonly terms: ReadonlyMap<string, number>;
  readonly idfSum: number;
  /** True when it holds a topic word that few documents use (a name: "liposarcoma", "DSRCT"). */
  readonly named: boolean;
  /** How many of its terms are topic words (weight 1). */
  readonly topicWords: number;
}

/** Scratch arrays of `bestPhraseOverlap`, by phrasing position, as long as the longest document's phrasings. */
interface PhraseScratch {
  /** Gain the query shares with each phrasing. */
  readonly shared: Float64Array;
  /** Topic words the query shares with each phrasing. */
  readonly topicShared: Int32Array;
  /** 1 for a phrasing already listed in `touched`. */
  readonly seen: Uint8Array;
  /** The phrasings reached, in the order reached. */
  readonly touched: Int32Array;
}

interface PreparedDocument {
  readonly doc: IndexDocument;
  readonly phrases: readonly PhraseTerms[];
  /** The terms of its phrasings, by id, ascending; `phrasesWith[i]` lists the phrasings that hold `termIds[i]`. */
  readonly termIds: Int32Array;
  /** For each of {@link termIds}, the phrasings (by position) that hold it. */
  readonly phrasesWith: readonly Int32Array[];
  readonly fuzzy: FuzzyRecord;
}

/** The documents that contain a term, with the term's weight in each (1 in a phrasing, less in the answer only). */
interface Posting {
  readonly docs: Int32Array;
  readonly weights: Float64Array;
}

/** A query term after recognition. */
interface QueryTerm {
  readonly term: string;
  readonly known: boolean;
  /** The term's position in the index (see `LanguageIndex.termIds`), -1 when no document has it. */
  readonly id: number;
  /** True for a question word. */
  readonly weak: boolean;
  /** idf × word weight × recognition confidence: what the term brings when a document has it. */
  readonly gain: number;
  /** idf × word weight: what the term asks for (the coverage denominator). */
  readonly mass: number;
}

/** Most remembered word recognitions per language before the memory starts again. */
const RECOGNISED_CACHE_SIZE = 20_000;

/** How far above "cannot beat the word overlap" a fuzzy score's lower bound must be to skip the bitap search. */
const ROUNDING_MARGIN = 1e-9;

/** Fewest topic words a pathway opener needs for a message holding it whole to describe that situation. */
const MIN_SITUATION_WORDS = 2;

/** A word made of digits only. */
const NUMBER = /^\p{N}+$/u;

/** Shortest word two typed words may join into ("fibro sarcoma" → "fibrosarcoma"). */
const MIN_JOINED_LENGTH = 8;

/** Minimal stopword length for a typed word to be read as a misspelt stopword ("wat" → "what", not "cost" → "cos"). */
const MIN_MISSPELT_STOPWORD = 4;

/**
 * The documents of one language, indexed for fast matching: an inverted index over stemmed topic words narrows
 * the candidates; coverage, best-phrasing overlap and fuse.js then score the few that remain.
 */
export class LanguageIndex {
  /** The language of the indexed documents. */
  readonly lang: Language;
  private readonly options: MatcherOptions;
  private readonly vocabulary: Vocabulary;
  private readonly stopwordVocabulary: Vocabulary;
  private readonly docs: readonly PreparedDocument[];
  /**
   * Every term of the documents, numbered: a query's terms are looked up here once, and everything after works
   * with the numbers (a search used to look each term up again in every candidate's own table).
   */
  private readonly termIds: ReadonlyMap<string, number>;
  /** The documents holding each term, by term id. */
  private readonly postings: readonly Posting[];
  private readonly exact: ReadonlyMap<string, number>;
  /** Terms of small-talk phrasings ("hello", "robot", "person"). */
  private readonly smalltalkTerms: ReadonlySet<string>;
  /** Terms found only in small-talk phrasings ("hello", "grazie"). */
  private readonly socialTerms: ReadonlySet<string>;
  private readonly idf: ReadonlyMap<string, number>;
  private readonly unknownIdf: number;
  /** 1 for each small-talk document, by document index. */
  private readonly smalltalkDoc: Uint8Array;
  /** Adjacent stem pairs of the phrasings ("buon ser"): words the content itself writes apart are never joined. */
  private readonly adjacentPairs: ReadonlySet<string>;
  /** Words already recognised, bounded (see `recognise`). */
  private readonly recognised = new Map<string, ResolvedTerm | undefined>();
  /** Per-query scratch: accumulated gain by document index (reset after each search). */
  private readonly accumulator: Float64Array;
  /** Per-candidate scratch of `bestPhraseOverlap`. */
  private readonly phraseScratch: PhraseScratch;

  /** Indexes the documents of one language. */
  constructor(
    lang: Language,
    documents: readonly IndexDocument[],
    analyzer: TextAnalyzer,
    options: MatcherOptions,
  ) {
    this.lang = lang;
    this.options = options;
    const docs = documents.filter((d) => d.lang === lang);
    const read = docs.map((doc) => doc.phrases.map((p) => analyzer.analyzeWithSignature(p, lang)));
    const analysed = docs.map((doc, i) => ({
      doc,
      phrases: (read[i] ?? []).map((p) => p.tokens),
      signatures: (read[i] ?? []).map((p) => p.signature),
      body: analyzer.analyze(doc.body ?? '', lang),
    }));

    const rawDf = documentFrequencies(
      analysed.map((a) => [...a.phrases.flat(), ...a.body].map((t) => t.stem)),
    );
    this.vocabulary = Vocabulary.build(rawDf, options.vocabulary);
    this.adjacentPairs = new Set(
      analysed.flatMap((a) => a.phrases.flatMap((p) => p.slice(1).map((t, i) => `${p[i]?.stem} ${t.stem}`))),
    );
    this.stopwordVocabulary = Vocabulary.build(new Map(analyzer.stopwordList().map((w) => [w, 1])), {
      ...options.vocabulary,
      minTypoLength: MIN_MISSPELT_STOPWORD - 1,
      minSubstitutionLength: MIN_MISSPELT_STOPWORD + 1,
      minTwoEditLength: Infinity,
    });
    const canonical = (tokens: readonly AnalyzedToken[]): AnalyzedToken[] =>
      tokens.map((t) => ({ ...t, stem: this.vocabulary.canonical(t.stem) }));
    const prepared = analysed.map((a) => ({
      doc: a.doc,
      signatures: a.signatures,
      phrases: a.phrases.map(canonical),
      body: canonical(a.body),
    }));

    const df = documentFrequencies(prepared.map((c) => [...c.phrases.flat(), ...c.body].map((t) => t.stem)));
    const phraseDf = documentFrequencies(prepared.map((c) => c.phrases.flat().map((t) => t.stem)));
    this.idf = new Map([...df].map(([term, count]) => [term, bm25Idf(docs.length, count)]));
    this.unknownIdf = bm25Idf(docs.length, 0) * options.unknownTermWeight;

    const lists = new Map<string, { docs: number[]; weights: number[] }>();
    const exact = new Map<string, number>();
    const ambiguous = new Set<string>();
    prepared.forEach((c, index) => {
      const weights = new Map<string, number>();
      for (const t of c.body) weights.set(t.stem, options.bodyTermWeight);
      for (const t of c.phrases.flat()) weights.set(t.stem, 1);
      for (const [term, weight] of weights) {
        const list = lists.get(term) ?? { docs: [], weights: [] };
        list.docs.push(index);
        list.weights.push(weight);
        lists.set(term, list);
      }
      for (const signature of c.signatures) {
        const other = exact.get(signature);
        if (other !== undefined && other !== index) ambiguous.add(signature);
        exact.set(signature, index);
      }
    });
    for (const signature of ambiguous) exact.delete(signature);
    const smalltalk = new Set(
      prepared.filter((c) => c.doc.smalltalk).flatMap((c) => c.phrases.flat().map((t) => t.stem)),
    );
    const social = new Set(smalltalk);
    for (const c of prepared) {
      if (c.doc.smalltalk) continue;
      for (const t of [...c.phrases.flat(), ...c.body]) social.delete(t.stem);
    }
    this.smalltalkTerms = smalltalk;
    this.socialTerms = social;
    this.termIds = new Map([...lists.keys()].map((term, id) => [term, id]));
    this.postings = [...lists.values()].map((l) => ({
      docs: Int32Array.from(l.docs),
      weights: Float64Array.from(l.weights),
    }));
    this.exact = exact;
    this.smalltalkDoc = Uint8Array.from(prepared, (c) => (c.doc.smalltalk ? 1 : 0));

    const text = (tokens: readonly AnalyzedToken[]): string => tokens.map((t) => t.stem).join(' ');
    this.docs = prepared.map((c) => {
      const phrases = c.phrases.map((tokens) =>
        this.phraseTerms(tokens, phraseDf, c.doc.kind === 'pathway' ? undefined : (c.phrases[0] ?? [])),
      );
      return {
        doc: c.doc,
        phrases,
        ...phrasesByTerm(phrases, this.termIds),
        fuzzy: FuzzyRecord.build(
          {
            canonical: text(c.phrases[0] ?? []),
            phrases: c.phrases.slice(1).map(text),
            body: [...new Set(c.body.map((t) => t.stem))].join(' ').slice(0, options.maxFuzzyBodyLength),
          },
          options.fuseKeyWeights,
          options.fuseThreshold,
        ),
      };
    });
    this.accumulator = new Float64Array(this.docs.length);
    const mostPhrases = Math.max(0, ...this.docs.map((d) => d.phrases.length));
    this.phraseScratch = {
      shared: new Float64Array(mostPhrases),
      topicShared: new Int32Array(mostPhrases),
      seen: new Uint8Array(mostPhrases),
      touched: new Int32Array(mostPhrases),
    };
  }

  /**
   * Which of a query's topic words a document lacks: words no document uses, and words only other documents
   * use (for curators deciding which phrasing or synonym to add where).
   */
  missingWords(tokens: readonly AnalyzedToken[], id: string): { unknown: string[]; elsewhere: string[] } {
    const index = this.docs.findIndex((p) => p.doc.id === id);
    const unknown: string[] = [];
    const elsewhere: string[] = [];
    for (const token of tokens) {
      if (token.weak) continue;
      const found = this.recognise(token);
      if (!found) continue;
      const termId = found.known ? this.termIds.get(found.term) : undefined;
      const docs = termId === undefined ? undefined : this.postings[termId]?.docs;
      if (!docs) unknown.push(token.surface);
      else if (!docs.includes(index)) elsewhere.push(token.surface);
    }
    return { unknown, elsewhere };
  }

  /**
   * The documents that best match an analysed query, best first (at most `maxCandidates`). Candidates that
   * cannot reach `floor` even with a perfect fuzzy score are not handed to fuse.js (their ranking cannot matter),
   * and when none can score above it the result is empty.
   */
  search(query: IndexQuery, floor = 0): ScoredDocument[] {
    const o = this.options;
    const exactDoc = this.exact.get(query.signature);
    const recognised = this.queryTerms(query.tokens);
    // A greeting or thanks around a real question does not make it small talk.
    const substantive = recognised.some((t) => t.known && !t.weak && !this.smalltalkTerms.has(t.term));
    const terms = substantive ? recognised.filter((t) => !this.socialTerms.has(t.term)) : recognised;
    const total = terms.reduce((sum, t) => sum + t.mass, 0);
    if (total === 0 && exactDoc === undefined) return [];

    const acc = this.accumulator;
    const touched: number[] = [];
    for (const t of terms) {
      const posting = t.id < 0 ? undefined : this.postings[t.id];
      if (!posting) continue;
      for (let k = 0; k < posting.docs.length; k++) {
        const d = posting.docs[k] as number;
        if (substantive && this.smalltalkDoc[d] === 1) continue;
        if (acc[d] === 0) touched.push(d);
        acc[d] = (acc[d] as number) + t.gain * (posting.weights[k] as number);
      }
    }
    const ranked = topK(touched, acc, o.maxCandidates);
    // When even the best-covered candidate cannot score above `floor` (perfect phrasing and fuzzy scores
    // included), no ranking here can matter to the caller: skip the scoring.
    const head = ranked[0];
    if (floor > 0 && exactDoc === undefined && head !== undefined && total > 0) {
      if (this.bestPossibleScore(Math.min(1, (acc[head] as number) / total)) <= floor) {
        for (const d of touched) acc[d] = 0;
        return [];
      }
    }
    if (exactDoc !== undefined && !ranked.includes(exactDoc)) ranked.unshift(exactDoc);
    const coverages = ranked.map((d) => Math.min(1, total > 0 ? (acc[d] as number) / total : 0));
    for (const d of touched) acc[d] = 0;

    const scored = ranked.map((d, i) => {
      const prepared = this.docs[d] as PreparedDocument;
      if (d === exactDoc) return { prepared, coverage: 1, phrase: 1, overlap: Infinity };
      const coverage = coverages[i] as number;
      const { phrase, named } = bestPhraseOverlap(terms, total, prepared, this.phraseScratch);
      return { prepared, coverage, phrase, named, overlap: (coverage + phrase) / 2 };
    });
    sortShortList(scored, (a, b) => b.overlap - a.overlap);
    // A named pathway means the words around an entry's name describe the user's situation, not a story to look
    // past: the entry then gets no bonus over the pathway (which the router prefers on a tie).
    const situation = scored.some((x) => x.named === true && x.prepared.doc.kind === 'pathway');
    const queryText = terms.map((t) => t.term).join(' ');
    const fuzzyCount = queryText.length <= o.maxFuzzyPatternLength ? o.maxFuzzyCandidates : 0;
    let pattern: FuzzyPattern | undefined;
    const results = scored.map(({ prepared, coverage, phrase, named, overlap }, rank) => {
      if (overlap === Infinity)
        return { doc: prepared.doc, score: 1, coverage, phrase, fuzzy: 1, exact: true, named: true };
      const overlapScore = o.coverageWeight * coverage + o.phraseWeight * phrase;
      // fuse.js adds typo-tolerant similarity; a failed bitap search says nothing against the word overlap
      // (and when the overlap is already perfect, fuse.js cannot add anything). A record whose score provably
      // cannot beat the overlap is not searched (a hair above, so rounding cannot tell the two apart).
      const overlapFloor = Math.min(coverage, phrase);
      const fuzzy =
        rank < fuzzyCount && overlapFloor < 1 && overlapScore + o.fuzzyWeight >= floor
          ? Math.max(
              overlapFloor,
              1 -
                prepared.fuzzy.score(
                  (pattern ??= new FuzzyPattern(queryText, o.fuseThreshold)),
                  1 - overlapFloor + ROUNDING_MARGIN,
                ),
            )
          : overlapFloor;
      const bonus = named && (prepared.doc.kind === 'pathway' || !situation) ? o.namedBonus : 0;
      const score = Math.min(1, overlapScore + o.fuzzyWeight * fuzzy + bonus);
      return { doc: prepared.doc, score, coverage, phrase, fuzzy, named: named === true };
    });
    return sortShortList(
      results,
      (a, b) => b.score - a.score || Number(b.exact === true) - Number(a.exact === true),
    );
  }

  /**
   * The highest score a document with this coverage could reach: its phrasing overlap is an F1 whose recall is at
   * most the coverage (a phrasing's words are the document's, at full weight), and the fuzzy score and the bonus
   * at their best.
   */
  private bestPossibleScore(coverage: number): number {
    const o = this.options;
    const phrase = (2 * coverage) / (1 + coverage);
    return Math.min(1, o.coverageWeight * coverage + o.phraseWeight * phrase + o.fuzzyWeight + o.namedBonus);
  }

  private idfOf(term: string): number {
    return this.idf.get(term) ?? this.unknownIdf;
  }

  /**
   * A phrasing's terms, and whether it names its document. An entry's phrasing does when it holds a word of the
   * entry's canonical question (its subject) that few documents' phrasings use (`phraseDf` counts phrasings, not
   * answers). A pathway's opener (no `canonical`) describes a situation: it does when it has two topic words or more
   * ("my mum's cancer has spread").
   */
  private phraseTerms(
    tokens: readonly AnalyzedToken[],
    phraseDf: ReadonlyMap<string, number>,
    canonical: readonly AnalyzedToken[] | undefined,
  ): PhraseTerms {
    const terms = new Map<string, number>();
    for (const t of tokens) terms.set(t.stem, Math.max(terms.get(t.stem) ?? 0, this.wordWeight(t)));
    let idfSum = 0;
    let named = false;
    let topicWords = 0;
    for (const [term, weight] of terms) {
      idfSum += this.idfOf(term) * weight;
      if (weight !== 1) continue;
      topicWords++;
      const name = (phraseDf.get(term) ?? 0) <= this.options.maxNameDocuments;
      if (name && canonical?.some((t) => t.stem === term)) named = true;
    }
    if (canonical === undefined) named = topicWords >= MIN_SITUATION_WORDS;
    return { terms, idfSum, named, topicWords };
  }

  private wordWeight(token: AnalyzedToken): number {
    return token.weak ? this.options.questionWordWeight : 1;
  }

  /**
   * Recognises each query token: exact or related stem, else a misspelt stopword (dropped), else a typo, else
   * unknown. Unknown words weigh less in long messages, where most of them are the story around the question.
   */
  private queryTerms(tokens: readonly AnalyzedToken[]): QueryTerm[] {
    const resolved: { token: AnalyzedToken; found: ResolvedTerm }[] = [];
    const topics = new Set<string>();
    for (const token of this.joinSplitWords(tokens)) {
      const found = this.recognise(token);
      // A number the content never uses ("my mum is 80") is the story's, not the question's.
      if (!found || (!found.known && NUMBER.test(token.surface))) continue;
      resolved.push({ token, found });
      if (!token.weak) topics.add(found.term);
    }
    const topicWords = topics.size;
    const unknownShare = Math.min(1, this.options.shortQueryTerms / Math.max(1, topicWords));
    const byTerm = new Map<string, QueryTerm>();
    for (const { token, found } of resolved) {
      const weight = this.wordWeight(token) * (found.known ? 1 : unknownShare);
      const mass = this.idfOf(found.term) * weight;
      const term = {
        term: found.term,
        known: found.known,
        id: (found.known ? this.termIds.get(found.term) : undefined) ?? -1,
        weak: token.weak === true,
        gain: mass * found.confidence,
        mass,
      };
      const previous = byTerm.get(term.term);
      if (!previous || previous.gain < term.gain) byTerm.set(term.term, term);
    }
    return [...byTerm.values()];
  }

  /**
   * Two typed words that together are one word of the content ("fibro sarcoma", "radio therapy") read as that
   * word; each part alone would match something else or nothing.
   */
  private joinSplitWords(tokens: readonly AnalyzedToken[]): readonly AnalyzedToken[] {
    let out: AnalyzedToken[] | undefined;
    for (let i = 0; i < tokens.length; i++) {
      const [a, b] = [tokens[i] as AnalyzedToken, tokens[i + 1]];
      const apart = b !== undefined && (a.weak || b.weak || this.adjacentPairs.has(`${a.stem} ${b.stem}`));
      const surface = b && !apart ? a.surface + b.surface : '';
      const joined = surface.length >= MIN_JOINED_LENGTH ? stem(surface, this.lang) : '';
      if (joined && this.vocabulary.documentFrequency(joined) > 0) {
        out ??= tokens.slice(0, i);
        out.push({ surface, stem: joined });
        i++;
      } else out?.push(a);
    }
    return out ?? tokens;
  }

  /** Recognises one typed word (remembered: people reuse words, and typo correction is the costly part). */
  /**
   * The terms of analysed words as this index knows them: a content word as its family's representative, a
   * typed word recognised (typo corrected, related form) or left as typed (`known` false); misspelt stopwords
   * dropped.
   */
  recognisedTerms(tokens: readonly AnalyzedToken[]): Array<{ term: string; known: boolean; weak: boolean }> {
    const out: Array<{ term: string; known: boolean; weak: boolean }> = [];
    for (const token of tokens) {
      const found = this.recognise(token);
      if (found) out.push({ term: found.term, known: found.known, weak: token.weak === true });
    }
    return out;
  }

  /** Share of this language's documents that use a term (0 for a term no document has). */
  documentShare(term: string): number {
    const id = this.termIds.get(term);
    const docs = id === undefined ? undefined : this.postings[id]?.docs.length;
    return (docs ?? 0) / Math.max(1, this.docs.length);
  }

  /** A content word's family representative (for documents indexed elsewhere with the same terms). */
  canonicalTerm(stem: string): string {
    return this.vocabulary.canonical(stem);
  }

  private recognise(token: AnalyzedToken): ResolvedTerm | undefined {
    const key = `${token.surface} ${token.stem}`;
    if (this.recognised.has(key)) return this.recognised.get(key);
    const found =
      this.vocabulary.lookup(token.stem) ??
      this.lookupSqueezed(token.surface) ??
      (this.isMisspeltStopword(token.surface) ? undefined : this.vocabulary.resolve(token.stem));
    if (this.recognised.size >= RECOGNISED_CACHE_SIZE) this.recognised.clear();
    this.recognised.set(key, found);
    return found;
  }

  /** A word typed with letters held down ("hiii", "ciaoo", "grazieee"), recognised with each run of letters as one. */
  private lookupSqueezed(surface: string): ResolvedTerm | undefined {
    const squeezed = surface.replace(/(\p{L})\1+/gu, '$1');
    if (squeezed === surface) return undefined;
    return this.vocabulary.lookup(stem(squeezed, this.lang));
  }

  private isMisspeltStopword(surface: string): boolean {
    const match = this.stopwordVocabulary.correct(
      surface,
      (stopword) => stopword.length >= MIN_MISSPELT_STOPWORD && surface.length <= stopword.length,
    );
    return match !== undefined;
  }
}

function documentFrequencies(docs: ReadonlyArray<readonly string[]>): Map<string, number> {
  const df = new Map<string, number>();
  for (const terms of docs) for (const t of new Set(terms)) df.set(t, (df.get(t) ?? 0) + 1);
  return df;
}

/** BM25's inverse document frequency: rare words weigh more, and it never goes negative. */
function bm25Idf(n: number, df: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/** The k candidates with the highest scores (and up to k more tied with the last), best first, without sorting them all. */
function topK(candidates: readonly number[], scores: Float64Array, k: number): number[] {
  const top: number[] = [];
  for (const d of candidates) {
    const score = scores[d] as number;
    if (top.length === k && score <= (scores[top[k - 1] as number] as number)) continue;
    let i = top.length === k ? k - 1 : top.length;
    while (i > 0 && (scores[top[i - 1] as number] as number) < score) {
      top[i] = top[i - 1] as number;
      i--;
    }
    top[i] = d;
  }
  // Documents level with the last one kept are as good a guess: keep up to k more of them.
  const last = top.length === k ? (scores[top[k - 1] as number] as number) : undefined;
  if (last === undefined) return top;
  const kept = new Set(top);
  for (const d of candidates) {
    if (top.length >= 2 * k) break;
    if (!kept.has(d) && (scores[d] as number) === last) top.push(d);
  }
  return top;
}

/** The ids of the phrasings' terms, ascending, and for each the positions of the phrasings that hold it. */
function phrasesByTerm(
  phrases: readonly PhraseTerms[],
  termIds: ReadonlyMap<string, number>,
): { termIds: Int32Array; phrasesWith: Int32Array[] } {
  const lists = new Map<number, number[]>();
  phrases.forEach((phrase, p) => {
    for (const term of phrase.terms.keys()) {
      const id = termIds.get(term);
      if (id === undefined) throw new Error(`phrasing term "${term}" is not indexed`);
      const list = lists.get(id) ?? [];
      list.push(p);
      lists.set(id, list);
    }
  });
  const ids = Int32Array.from(lists.keys()).sort();
  return { termIds: ids, phrasesWith: Array.from(ids, (id) => Int32Array.from(lists.get(id) ?? [])) };
}

/** Where `id` is in an ascending list, or -1. */
function positionOf(ids: Int32Array, id: number): number {
  let low = 0;
  let high = ids.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const at = ids[middle] as number;
    if (at === id) return middle;
    if (at < id) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

/**
 * Best F1 over the document's phrasings, with words weighted by rarity, weight and recognition confidence; and
 * whether the text holds every topic word of one of its named phrasings ("leiomyosarcoma?" inside "whats
 * leiomyosarcoma? the biopsy report says that").
 * @remarks Walks the query's terms into the phrasings that hold them (one lookup a term), then only the phrasings
 * it reached, not every phrasing against every term. The scratch arrays are all zero on entry and left so.
 */
function bestPhraseOverlap(
  terms: readonly QueryTerm[],
  total: number,
  prepared: PreparedDocument,
  scratch: PhraseScratch,
): { phrase: number; named: boolean } {
  const { shared, topicShared, seen, touched } = scratch;
  let count = 0;
  for (const t of terms) {
    const at = t.id < 0 ? -1 : positionOf(prepared.termIds, t.id);
    if (at < 0) continue;
    const holding = prepared.phrasesWith[at] as Int32Array;
    for (let k = 0; k < holding.length; k++) {
      const p = holding[k] as number;
      if (seen[p] === 0) {
        seen[p] = 1;
        touched[count++] = p;
      }
      shared[p] = (shared[p] as number) + t.gain;
      if (!t.weak) topicShared[p] = (topicShared[p] as number) + 1;
    }
  }
  let best = 0;
  let named = false;
  const phrases = prepared.phrases;
  for (let i = 0; i < count; i++) {
    const p = touched[i] as number;
    const phrase = phrases[p] as PhraseTerms;
    const sharedGain = shared[p] as number;
    const sharedTopics = topicShared[p] as number;
    shared[p] = 0;
    topicShared[p] = 0;
    seen[p] = 0;
    if (phrase.idfSum === 0 || sharedGain === 0) continue;
    if (phrase.named && !named) named = sharedTopics === phrase.topicWords;
    const recall = sharedGain / total;
    const precision = Math.min(1, sharedGain / phrase.idfSum);
    best = Math.max(best, (2 * precision * recall) / (precision + recall));
  }
  return { phrase: best, named };
}
