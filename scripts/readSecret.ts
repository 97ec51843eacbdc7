/** The input a secret is read from: `process.stdin`, or a stand-in in tests. */
export interface SecretInput extends NodeJS.ReadableStream {
  /** True on a terminal. */
  readonly isTTY?: boolean;
  /** Switches a terminal to raw mode (no echo, one key at a time). */
  setRawMode?(mode: boolean): unknown;
}

/** Thrown when the person at the terminal presses Ctrl-C. */
export class SecretCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'SecretCancelled';
  }
}

const CTRL_C = '\u0003';
const CTRL_D = '\u0004';
const BACKSPACE = new Set(['\u007f', '\b']);

/**
 * Reads one line from a terminal without showing it (raw mode: nothing is echoed, not even stars).
 * @remarks Backspace deletes, Enter ends, Ctrl-C rejects with {@link SecretCancelled}, Ctrl-D ends like Enter.
 */
export function readHiddenLine(
  input: SecretInput,
  output: NodeJS.WritableStream,
  prompt: string,
): Promise<string> {
  return new Promise((resolve, reject) => {
    let value = '';
    output.write(prompt);
    input.setRawMode?.(true);
    input.resume();
    const finish = (err?: Error) => {
      input.removeListener('data', onData);
      input.setRawMode?.(false);
      input.pause();
      output.write('\n');
      if (err) reject(err);
      else resolve(value);
    };
    const onData = (chunk: Buffer | string) => {
      for (const ch of chunk.toString()) {
        if (ch === CTRL_C) return finish(new SecretCancelled());
        if (ch === '\r' || ch === '\n' || ch === CTRL_D) return finish();
        if (BACKSPACE.has(ch)) value = value.slice(0, -1);
        else if (ch >= ' ') value += ch;
      }
      return undefined;
    };
    input.on('data', onData);
  });
}

/** Reads everything piped in, e.g. `npm run --silent staff:hash < key.txt`; the trailing line break is dropped. */
export async function readPiped(input: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of input) text += chunk.toString();
  return text.replace(/\r?\n$/, '');
}
