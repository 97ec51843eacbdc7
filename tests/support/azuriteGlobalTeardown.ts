import type { ChildProcess } from 'node:child_process';
import { AZURITE_PROCESS } from './azuriteGlobalSetup';

/** Jest globalTeardown: stops the Azurite started by globalSetup and waits for it to exit. */
export default async function azuriteGlobalTeardown(): Promise<void> {
  const child = (globalThis as Record<symbol, unknown>)[AZURITE_PROCESS] as ChildProcess | undefined;
  if (!child || child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
