import { type Command, COMMANDS, type CommandsFile } from '../content/commandsSchema';
import type { Language } from '../content/language';
import { foldText } from '../text/foldText';

/** Recognises the global commands (help, start over, talk to a person, language, forget me) in either language. */
export class CommandRecognizer {
  private readonly byPhrase: ReadonlyMap<string, Command>;

  /** Folds every phrase once. */
  constructor(file: CommandsFile) {
    const map = new Map<string, Command>();
    for (const command of COMMANDS) {
      for (const lang of ['en', 'it'] as Language[]) {
        for (const p of file.commands[command][lang]) map.set(foldText(p), command);
      }
    }
    this.byPhrase = map;
  }

  /** The command the whole message asks for, or undefined. */
  recognize(text: string): Command | undefined {
    const folded = foldText(text).replace(/\s+(please|per favore|grazie|thanks)$/u, '');
    return this.byPhrase.get(folded) ?? this.byPhrase.get(foldText(text));
  }
}
