import { LANGUAGES } from '../content/language';
import { ProximityRules } from './proximityRules';
import { type Command, COMMANDS, type CommandsFile } from '../content/commandsSchema';
import { foldText } from '../text/foldText';

/** Words within which a command's concept rule matches. */
const CONCEPT_WINDOW = 5;
/** Longest message a concept rule reads when the content does not say. */
const DEFAULT_CONCEPT_MAX_WORDS = 9;

/**
 * Recognises the global commands (help, start over, talk to a person, language, forget me) in either language:
 * a listed phrase as the whole message, once greetings and politeness are set aside ("hi, forget me please"), or
 * a concept rule in a short message ("can I speak to a human", "dimentica i miei dati").
 */
export class CommandRecognizer {
  private readonly byPhrase: ReadonlyMap<string, Command>;
  private readonly fillers: readonly string[];
  private readonly concepts: ProximityRules<Command>;
  private readonly conceptMaxWords: number;
  private readonly blockers: ReadonlySet<string>;

  /** Folds every phrase once and compiles the concept rules. */
  constructor(file: CommandsFile) {
    const map = new Map<string, Command>();
    for (const command of COMMANDS) {
      for (const lang of LANGUAGES) {
        for (const p of file.commands[command][lang]) map.set(foldText(p), command);
      }
    }
    this.byPhrase = map;
    // Longest first, so "good morning" goes before "good".
    this.fillers = LANGUAGES.flatMap((l) => file.fillers?.[l] ?? [])
      .map(foldText)
      .filter((f) => f.length > 0)
      .sort((a, b) => b.split(' ').length - a.split(' ').length);
    this.concepts = new ProximityRules(
      COMMANDS.flatMap((value) =>
        LANGUAGES.flatMap((l) =>
          (file.concepts?.[value]?.[l] ?? []).map((rule) =>
            Array.isArray(rule)
              ? { groups: rule, window: CONCEPT_WINDOW, value }
              : { groups: rule.groups, window: rule.window, inOrder: true, value },
          ),
        ),
      ),
    );
    this.conceptMaxWords = file.conceptMaxWords ?? DEFAULT_CONCEPT_MAX_WORDS;
    this.blockers = new Set(LANGUAGES.flatMap((l) => file.conceptBlockers?.[l] ?? []).map(foldText));
  }

  /** The command the message asks for, or undefined. */
  recognize(text: string): Command | undefined {
    const folded = foldText(text);
    const exact = this.byPhrase.get(folded);
    if (exact) return exact;
    const core = this.withoutFillers(folded);
    const listed = this.byPhrase.get(core);
    if (listed) return listed;
    const words = core.split(' ').filter((w) => w.length > 0);
    if (words.length === 0 || words.length > this.conceptMaxWords) return undefined;
    if (this.blockers.has(words[0] as string)) return undefined;
    const found = new Set<Command>();
    this.concepts.collect(words, found);
    // Two commands at once ("forget me and start over") are not guessed between.
    return found.size === 1 ? [...found][0] : undefined;
  }

  /** The folded text without greetings and politeness at its start or end. */
  private withoutFillers(folded: string): string {
    let core = ` ${folded} `;
    let changed = true;
    while (changed) {
      changed = false;
      for (const f of this.fillers) {
        if (core.startsWith(` ${f} `)) {
          core = core.slice(f.length + 1);
          changed = true;
        } else if (core.endsWith(` ${f} `)) {
          core = core.slice(0, core.length - f.length - 1);
          changed = true;
        }
      }
    }
    return core.trim();
  }
}
