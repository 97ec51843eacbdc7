import type { Language } from '../content/language';

/** What a matched document is: a knowledge entry or the opener of a guided pathway. */
export type DocumentKind = 'entry' | 'pathway';

/** One thing the matcher can recognise, in one language. */
export interface IndexDocument {
  /** The entry's or pathway's id. */
  readonly id: string;
  /** Whether the id names a knowledge entry or a pathway. */
  readonly kind: DocumentKind;
  /** The language of the phrases. */
  readonly lang: Language;
  /** Ways people ask for it; the first is the canonical one (an entry's question, a pathway's first opener). */
  readonly phrases: readonly string[];
  /** True for brief social exchanges (hello, thanks): recognised only when the text has no other topic. */
  readonly smalltalk?: boolean;
  /** Longer text that also describes it, weighted least (an entry's short answer). */
  readonly body?: string;
}
