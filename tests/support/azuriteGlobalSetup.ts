import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import type { GlobalConfig } from 'jest';
import { AZURITE_CONNECTION_ENV, AZURITE_SKIP_ENV, azuriteConnectionString, freePort } from './azurite';

/** The folder whose tests need Azurite; it is started only when the run selects one of them. */
const AZURITE_TESTS = join(__dirname, '..', 'state');
/** How long Azurite may take to listen (it takes 1–5 s on a busy 2-core machine). */
const START_TIMEOUT_MS = 60_000;

/** Where globalTeardown finds the child process (globalSetup and globalTeardown share the main process). */
export const AZURITE_PROCESS = Symbol.for('triage.azurite.process');

/**
 * Jest globalSetup: starts one in-memory Azurite blob service on a free loopback port for the whole run and
 * hands its connection string to the test files through an environment variable.
 * @remarks When it cannot start, CI fails loudly; locally the storage tests are skipped with the reason.
 */
export default async function azuriteGlobalSetup(globalConfig: GlobalConfig): Promise<void> {
  if (!needed(globalConfig)) {
    process.env[AZURITE_SKIP_ENV] = 'not needed by the selected tests';
    return;
  }
  try {
    const port = await freePort();
    const child = await startAzurite(globalConfig.rootDir, port);
    (globalThis as Record<symbol, unknown>)[AZURITE_PROCESS] = child;
    process.on('exit', () => child.kill());
    process.env[AZURITE_CONNECTION_ENV] = azuriteConnectionString(port);
  } catch (err) {
    const reason = (err as Error).message;
    if (process.env.CI === 'true') throw new Error(`Azurite could not start, and CI needs it: ${reason}`);
    process.env[AZURITE_SKIP_ENV] = reason;
    process.stderr.write(
      `\nAzurite could not start, so the Azure Blob Storage tests will be skipped: ${reason}\n`,
    );
  }
}

function needed(globalConfig: GlobalConfig): boolean {
  const patterns = globalConfig.testPathPatterns;
  if (!patterns?.isSet()) return true;
  const matcher = patterns.toExecutor({ rootDir: globalConfig.rootDir });
  return readdirSync(AZURITE_TESTS)
    .filter((f) => f.endsWith('.test.ts'))
    .some((f) => matcher.isMatch(join(AZURITE_TESTS, f)));
}

async function startAzurite(rootDir: string, port: number): Promise<ChildProcess> {
  const script = join(rootDir, 'node_modules', 'azurite', 'dist', 'src', 'blob', 'main.js');
  const args = [
    script,
    '--blobHost',
    '127.0.0.1',
    '--blobPort',
    String(port),
    '--skipApiVersionCheck',
    '--disableTelemetry',
    '--silent',
    '--inMemoryPersistence',
    '--extentMemoryLimit',
    '256',
  ];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<never>((_resolve, reject) => {
    child.once('error', (err) => reject(err));
    child.once('exit', (code) =>
      reject(new Error(`azurite-blob exited with code ${code}: ${output.trim()}`)),
    );
  });
  exited.catch(() => undefined);
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (!(await listening(port))) {
    await Promise.race([exited, new Promise((r) => setTimeout(r, 100))]);
    if (Date.now() > deadline) {
      child.kill();
      throw new Error(
        `azurite-blob did not listen on port ${port} within ${START_TIMEOUT_MS} ms: ${output.trim()}`,
      );
    }
  }
  child.stdout?.removeAllListeners('data');
  child.stderr?.removeAllListeners('data');
  child.stdout?.resume();
  child.stderr?.resume();
  child.removeAllListeners('exit');
  return child;
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
