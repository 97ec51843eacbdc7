import type { AnswerWordsFile } from './answerWordsSchema';
import type { BookingLine } from './bookingLineSchema';
import type { CommandsFile } from './commandsSchema';
import type { DepartmentPage } from './departmentPage';
import type { KnowledgeEntry } from './knowledgeSchema';
import type { LocalizedText } from './language';
import type { Pathway } from './pathwaySchema';
import type { RedFlagsFile } from './redFlagsSchema';
import type { SynonymsFile } from './synonymsSchema';

/** Content versions: short hashes of the files, reported by `/healthz` and kept in dialog state. */
export interface ContentVersions {
  /** Hash of every file under `knowledge/`. */
  readonly knowledge: string;
  /** Hash of every file under `dialogs/`. */
  readonly dialogs: string;
  /** Hash of each pathway file, by pathway id. */
  readonly pathways: Readonly<Record<string, string>>;
}

/** All validated content the engine runs on. */
export interface Content {
  /** Knowledge entries from every file, in file order. */
  readonly entries: readonly KnowledgeEntry[];
  /** The department page every fact is checked against, with its sections and known errors. */
  readonly page: DepartmentPage;
  /** Lay terms per language. */
  readonly synonyms: SynonymsFile;
  /** The booking line's facts. */
  readonly bookingLine: BookingLine;
  /** The pathway trees. */
  readonly pathways: readonly Pathway[];
  /** Every engine sentence by key. */
  readonly messages: Readonly<Record<string, LocalizedText>>;
  /** Red-flag phrases. */
  readonly redFlags: RedFlagsFile;
  /** Global command phrases. */
  readonly commands: CommandsFile;
  /** The words typed answers are read with (yes/no, hedges, negators, sizes). */
  readonly answerWords: AnswerWordsFile;
  /** Content versions. */
  readonly versions: ContentVersions;
}
