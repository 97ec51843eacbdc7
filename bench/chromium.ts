/**
 * The browser the bench and the browser tests drive through playwright-core: Debian's chromium, or the one named
 * by `CHROMIUM_PATH` (playwright-core cannot download a browser here), with the flags of a quiet headless run.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Chromium's flags for a quiet, headless run (no background networking: this machine's network is closed). */
export const CHROMIUM_ARGS: readonly string[] = Object.freeze([
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]);
