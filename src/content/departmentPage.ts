import type { PageError, PageSection } from './departmentPageSchema';

/** Where the department page is kept, relative to the content root. */
export const DEPARTMENT_PAGE_FILE = 'knowledge/source/department-page.txt';

/** Where its sections and known errors are kept. */
export const DEPARTMENT_PAGE_INDEX_FILE = 'knowledge/source/department-page.json';

/** A bullet at the start of a line: •, ▪, dashes, a symbol-font character, or the letter "o" used as one. */
const LEADING_BULLET = /^[\s\p{Cf}]*(?:[•▪◦·\-–—\p{Co}]|o(?=\s))\s+/u;

/** Share of a quote's words a page sentence must hold to be offered as the likely intended quote. */
const CLOSEST_MIN_SHARE = 0.5;

/** Words shorter than this are ignored when looking for the closest sentence. */
const MIN_WORD_LENGTH = 3;

/**
 * The department page, the single reference for every fact the assistant states, with its sections.
 * @remarks A quote is found when its words appear in the page in the same order, after collapsing whitespace
 * and leaving out the page's bullets; typographic quotes count as straight ones. It must start and end on
 * word boundaries ("sarcoma" is not found inside "liposarcoma").
 */
export class DepartmentPage {
  /** The page's text as quotes are compared with it (one line, whitespace collapsed, bullets left out). */
  readonly text: string;
  /** Sections whose first words were found, with their offsets, in page order. */
  private readonly starts: readonly { section: PageSection; at: number }[];
  /** The page's sentences, for suggesting the quote a curator probably meant. */
  private readonly sentences: readonly string[];

  constructor(
    raw: string,
    /** The page's sections, top to bottom. */
    readonly sections: readonly PageSection[] = [],
    /** Sentences of the page that are wrong or unclear. */
    readonly errors: readonly PageError[] = [],
  ) {
    this.text = DepartmentPage.normalize(raw);
    this.starts = sections
      .map((section) => ({ section, at: this.locate(section.startsAt) }))
      .filter((s): s is { section: PageSection; at: number } => s.at !== undefined)
      .sort((a, b) => a.at - b.at);
    this.sentences = raw
      .split('\n')
      .map((line) => DepartmentPage.normalize(line))
      .flatMap((line) => line.split(/(?<=[.!?])\s+/u))
      .filter((s) => s.length > 0);
  }

  /** Text as it is compared: bullets at line starts left out, typographic quotes made straight, whitespace collapsed. */
  static normalize(text: string): string {
    return text
      .split(/\r?\n/u)
      .map((line) => line.replace(LEADING_BULLET, ''))
      .join(' ')
      .replace(/\p{Cf}/gu, '')
      .replace(/[‘’]/gu, "'")
      .replace(/[“”]/gu, '"')
      .replace(/\s+/gu, ' ')
      .trim();
  }

  /** Offset of the quote in {@link text} (first occurrence on word boundaries), or undefined when the page lacks it. */
  locate(quote: string): number | undefined {
    const q = DepartmentPage.normalize(quote);
    if (q === '') return undefined;
    for (let at = this.text.indexOf(q); at >= 0; at = this.text.indexOf(q, at + 1)) {
      if (!isWordChar(this.text[at - 1]) && !isWordChar(this.text[at + q.length])) return at;
    }
    return undefined;
  }

  /** The section holding an offset of {@link text}. */
  sectionAt(offset: number): PageSection | undefined {
    let found: PageSection | undefined;
    for (const s of this.starts) {
      if (s.at > offset) break;
      found = s.section;
    }
    return found;
  }

  /** Offset at which a section starts, or undefined when its first words are not on the page. */
  startOf(sectionId: string): number | undefined {
    return this.starts.find((s) => s.section.id === sectionId)?.at;
  }

  /** The sections the quotes come from, each once, in the order of the quotes. */
  sectionsOf(quotes: readonly string[]): PageSection[] {
    const found: PageSection[] = [];
    for (const quote of quotes) {
      const at = this.locate(quote);
      const section = at === undefined ? undefined : this.sectionAt(at);
      if (section && !found.includes(section)) found.push(section);
    }
    return found;
  }

  /** The page errors a quote overlaps (a quote citing a sentence the department must correct). */
  errorsIn(quote: string): PageError[] {
    const at = this.locate(quote);
    if (at === undefined) return [];
    const end = at + DepartmentPage.normalize(quote).length;
    return this.errors.filter((e) => {
      const start = this.locate(e.quote);
      return start !== undefined && start < end && at < start + DepartmentPage.normalize(e.quote).length;
    });
  }

  /** The page sentence sharing most words with a quote that was not found, when it shares at least half. */
  closest(quote: string): string | undefined {
    const wanted = words(quote);
    if (wanted.size === 0) return undefined;
    let best: { sentence: string; share: number } | undefined;
    for (const sentence of this.sentences) {
      const have = words(sentence);
      let shared = 0;
      for (const w of wanted) if (have.has(w)) shared++;
      const share = shared / wanted.size;
      if (!best || share > best.share) best = { sentence, share };
    }
    return best && best.share >= CLOSEST_MIN_SHARE ? best.sentence : undefined;
  }
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
}

function words(text: string): Set<string> {
  return new Set(
    DepartmentPage.normalize(text)
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length >= MIN_WORD_LENGTH),
  );
}
