import type { Language } from '../content/language';
import type { MatchResult } from '../knowledge/matchResult';

/** What the dialogs need from the knowledge matcher (satisfied by `KnowledgeMatcher`). */
export interface QuestionMatcher {
  /** Matches a message against knowledge entries and pathway openers. */
  match(text: string, lang: Language): MatchResult;
}
