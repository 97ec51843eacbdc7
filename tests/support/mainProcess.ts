import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PROJECT_ROOT = join(__dirname, '..', '..');

/** Runs `main()` of src/index.ts, compiling TypeScript on the fly (no build needed), from any folder. */
const HOOK = `
  const ts = require(${JSON.stringify(require.resolve('typescript'))});
  const fs = require('fs');
  // '.ts' before '.json', as in ts-jest: './webChatStrings' is the module, not the JSON beside it.
  const json = require.extensions['.json'];
  delete require.extensions['.json'];
  require.extensions['.ts'] = (module, filename) => {
    const out = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
      fileName: filename,
    });
    module._compile(out.outputText, filename);
  };
  require.extensions['.json'] = json;
  require(${JSON.stringify(join(PROJECT_ROOT, 'src', 'index.ts'))}).main();
`;

/** One line of the bot's JSON log. */
export interface LogLine {
  readonly level: number;
  readonly msg: string;
  readonly [field: string]: unknown;
}

/** The bot started as `npm start` starts it, listening on a free port of 127.0.0.1. */
export interface MainProcess {
  readonly child: ChildProcess;
  /** Its log lines so far (more arrive while it runs). */
  readonly lines: LogLine[];
  /** Where it listens, e.g. `http://127.0.0.1:41234`. */
  readonly baseUrl: string;
}

/**
 * Starts `main()` in a child process with the given environment (on top of this one, without its bot credentials,
 * log level and port) and resolves once it listens.
 * @param cwd the folder it starts in (where it looks for `.env`); by default a new empty one, so that a
 * developer's own `.env` in the project never reaches a test
 */
export async function startMain(
  env: Record<string, string>,
  cwd: string = mkdtempSync(join(tmpdir(), 'triage-main-')),
): Promise<MainProcess> {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) => !k.startsWith('Microsoft') && k !== 'LOG_LEVEL' && k !== 'PORT',
    ),
  );
  const child = spawn(process.execPath, ['-e', HOOK], {
    cwd,
    env: {
      ...clean,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      CURATOR_LOG_PATH: `/tmp/triage-hardening-main-${process.pid}.jsonl`,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: LogLine[] = [];
  const port = await new Promise<number>((resolve, reject) => {
    let buffered = '';
    const timer = setTimeout(() => reject(new Error(`the server did not listen; log: ${buffered}`)), 60_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const parts = buffered.split('\n');
      buffered = parts.pop() ?? '';
      for (const line of parts) {
        if (!line.startsWith('{')) continue;
        const entry = JSON.parse(line) as LogLine;
        lines.push(entry);
        if (/listening/.test(entry.msg)) {
          clearTimeout(timer);
          resolve(Number(entry.port));
        }
      }
    });
    child.on('exit', (code) => reject(new Error(`the server exited with ${code}`)));
  });
  return { child, lines, baseUrl: `http://127.0.0.1:${port}` };
}

/** Sends SIGTERM and resolves with the exit code. */
export async function stopMain(child: ChildProcess): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  return exited;
}
