import type { KnowledgeEntry } from '../content/knowledgeSchema';
import type { Pathway } from '../content/pathwaySchema';
import type { SynonymsFile } from '../content/synonymsSchema';

/** One knowledge file's entries, with the file they came from. */
export interface KnowledgeFileEntries {
  /** Path relative to the project root, e.g. `knowledge/entries/about.json`. */
  readonly file: string;
  /** The entries in file order. */
  readonly entries: readonly KnowledgeEntry[];
}

/** What the matcher and the knowledge checks read: entries by file, pathways, synonyms. */
export interface KnowledgeSources {
  /** Every knowledge file. */
  readonly files: readonly KnowledgeFileEntries[];
  /** Every pathway tree (only `id` and `openers` matter here). */
  readonly pathways: readonly Pathway[];
  /** The lay terms (empty lists when the file does not exist yet). */
  readonly synonyms: SynonymsFile;
  /** Path of the synonyms file relative to the project root. */
  readonly synonymsFile: string;
}
