import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** The settings file read at start, in the folder the bot is started from (`npm start`: the project). */
export const ENV_FILE = '.env';

/** What {@link loadEnvFileIfPresent} did. */
export type EnvFileOutcome =
  | { readonly read: false }
  | { readonly read: true; readonly path: string }
  | { readonly read: false; readonly path: string; readonly problem: string };

/**
 * Reads `.env` from `dir` into `process.env` with Node's own loader (`process.loadEnvFile`), when the file exists.
 * @remarks Never required: without the file nothing happens. A variable already set in the environment wins over
 * the file (Node's rule), so a deployment's settings cannot be overridden by a stray file. Only `main()` calls
 * this; `createApp` (and so every test) reads only the environment it is given.
 */
export function loadEnvFileIfPresent(dir: string = process.cwd()): EnvFileOutcome {
  const path = resolve(dir, ENV_FILE);
  if (!existsSync(path)) return { read: false };
  try {
    process.loadEnvFile(path);
    return { read: true, path };
  } catch (err) {
    return { read: false, path, problem: (err as Error).message };
  }
}
