import type { Language, LocalizedText } from './language';

/** Values substituted into `{name}` placeholders. */
export type MessageVars = Readonly<Record<string, string | number>>;

/**
 * Every user-facing sentence of the engine, looked up by key and language.
 * @remarks The texts are content (`dialogs/messages/*.json`); validation guarantees both languages and
 * identical placeholders, so a lookup of a known key never fails at run time.
 */
export class Messages {
  private readonly table: ReadonlyMap<string, LocalizedText>;

  /** Builds the table from validated message files' contents. */
  constructor(entries: Readonly<Record<string, LocalizedText>>) {
    this.table = new Map(Object.entries(entries));
  }

  /** True when the key exists. */
  has(key: string): boolean {
    return this.table.has(key);
  }

  /** All keys, for validation. */
  keys(): string[] {
    return [...this.table.keys()];
  }

  /** The text for a key in a language, with `{name}` placeholders filled from `vars`. */
  text(key: string, lang: Language, vars: MessageVars = {}): string {
    const entry = this.table.get(key);
    if (!entry) throw new Error(`Unknown message key "${key}": add it to a file in dialogs/messages/.`);
    return entry[lang].replace(/\{([a-zA-Z0-9]+)\}/g, (whole, name: string) =>
      name in vars ? String(vars[name]) : whole,
    );
  }
}

/** The `{name}` placeholders used in a text, sorted. */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(/\{([a-zA-Z0-9]+)\}/g)].map((m) => m[1] ?? '').sort();
}
