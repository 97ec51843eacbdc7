import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import type { Content } from '../src/content/content';
import { loadContent } from '../src/content/contentLoader';
import type { Language } from '../src/content/language';
import { NODE_FLAGS } from '../src/runtime/nodeFlags';
import { BotProcess } from './botProcess';
import { freePort } from './freePort';
import { median } from './percentile';
import { PROJECT_ROOT } from './projectRoot';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium';

/**
 * Lighthouse's mobile profile, applied through Chromium's DevTools protocol: a slow 4G network (150 ms round trip,
 * 1.6 Mbit/s down, 750 kbit/s up) and a CPU four times slower than this machine's.
 */
export const SLOW_PHONE = Object.freeze({
  /** Added to every request's round trip, milliseconds. */
  latencyMs: 150,
  /** Download throughput, bytes per second (1.6 Mbit/s). */
  downloadBytesPerSecond: (1.6 * 1024 * 1024) / 8,
  /** Upload throughput, bytes per second (750 kbit/s). */
  uploadBytesPerSecond: (750 * 1024) / 8,
  /** CPU slowdown factor. */
  cpuSlowdown: 4,
  /** The phone's screen, CSS pixels. */
  viewport: { width: 390, height: 844 },
});

/** Cold loads measured; the figures are their medians. */
export const SLOW_PHONE_RUNS = 3;

/** How long one load may take before it counts as failed. */
const LOAD_TIMEOUT_MS = 60_000;
/** The network is idle when nothing was in flight for this long. */
const QUIET_MS = 1_500;

/** One cold load of the page on the slow phone. */
export interface SlowPhoneLoad {
  /** From navigation start to the welcome with a door that answers a click, milliseconds. */
  readonly welcomeMs: number;
  /** Bytes received (headers and compressed bodies) by then. */
  readonly bytesAtWelcome: number;
  /** From the click on the door, made at once, to the pathway's first question on screen, milliseconds. */
  readonly replyMs: number;
  /** From navigation start to Web Chat's own transcript on screen, milliseconds (when it took over). */
  readonly webChatMs?: number;
  /** Bytes received once the network was idle (Web Chat included). */
  readonly bytesTotal: number;
  /** Requests made by then. */
  readonly requests: number;
}

/** What `npm run bench` reports for the slow phone. */
export interface SlowPhoneFigures {
  /** The page's language. */
  readonly lang: Language;
  /** Each cold load. */
  readonly loads: readonly SlowPhoneLoad[];
  /** Median time to the welcome with a clickable door, milliseconds. */
  readonly welcomeMs: number;
  /** Median bytes received by then. */
  readonly bytesAtWelcome: number;
  /** Median click-to-first-question time, milliseconds. */
  readonly replyMs: number;
  /** Median bytes once idle. */
  readonly bytesTotal: number;
}

/** What the page must show: the doors' labels and the first question of the door clicked. */
interface Expected {
  readonly doors: readonly string[];
  readonly firstQuestion: string;
}

function expectedFor(content: Content, lang: Language): Expected {
  const doors = content.pathways.map((p) => p.title[lang]);
  const first = content.pathways[0];
  const node = first ? first.nodes[first.start] : undefined;
  const text = node && node.type === 'question' ? node.text[lang] : '';
  return { doors, firstQuestion: text.slice(0, 40) };
}

/**
 * Runs in the page before its own scripts: notes the instant a door button is on screen and answers clicks.
 * @remarks A door counts once it is an enabled `<button>` with the door's label that a tap on its middle reaches; a page that
 * marks `<html data-first-screen>` must also have set it to `ready` (its script has attached the doors' handlers).
 */
function watchForDoor(labels: readonly string[]): void {
  const want = new Set(labels);
  const w = window as unknown as { __doorAt?: number; __findDoor?: () => HTMLButtonElement | undefined };
  const find = (): HTMLButtonElement | undefined => {
    const gate = document.documentElement.getAttribute('data-first-screen');
    if (gate !== null && gate !== 'ready') return undefined;
    for (const b of Array.from(document.querySelectorAll('button'))) {
      if (b.disabled || !want.has((b.textContent ?? '').trim())) continue;
      const r = b.getBoundingClientRect();
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      if (x < 0 || y < 0 || x > window.innerWidth || y > window.innerHeight) continue;
      // What a finger on its middle would touch: the button itself, not something over it.
      const hit = document.elementFromPoint(x, y);
      if (hit && b.contains(hit)) return b;
    }
    return undefined;
  };
  w.__findDoor = find;
  let pending = false;
  const check = () => {
    if (w.__doorAt !== undefined || pending) return;
    const door = find();
    if (!door) return;
    pending = true;
    // The frame that paints it.
    requestAnimationFrame(() => {
      w.__doorAt = performance.now();
      observer.disconnect();
    });
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
}

/** Loads `url` once, cold, on the slow phone. */
async function loadOnce(
  browser: Browser,
  url: string,
  lang: Language,
  expected: Expected,
): Promise<SlowPhoneLoad> {
  const context = await browser.newContext({
    locale: lang === 'it' ? 'it-IT' : 'en-US',
    timezoneId: 'Europe/Rome',
    viewport: SLOW_PHONE.viewport,
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
  });
  try {
    const page = await context.newPage();
    await page.addInitScript(watchForDoor, expected.doors);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: SLOW_PHONE.latencyMs,
      downloadThroughput: SLOW_PHONE.downloadBytesPerSecond,
      uploadThroughput: SLOW_PHONE.uploadBytesPerSecond,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: SLOW_PHONE.cpuSlowdown });

    let navigationStart: number | undefined;
    const finished: Array<{ at: number; bytes: number }> = [];
    const inFlight = new Set<string>();
    let lastActivity = Date.now();
    cdp.on('Network.requestWillBeSent', (e: { requestId: string; timestamp: number; type?: string }) => {
      if (navigationStart === undefined && e.type === 'Document') navigationStart = e.timestamp;
      inFlight.add(e.requestId);
      lastActivity = Date.now();
    });
    cdp.on(
      'Network.loadingFinished',
      (e: { requestId: string; timestamp: number; encodedDataLength: number }) => {
        finished.push({ at: e.timestamp, bytes: e.encodedDataLength });
        inFlight.delete(e.requestId);
        lastActivity = Date.now();
      },
    );
    cdp.on('Network.loadingFailed', (e: { requestId: string }) => {
      inFlight.delete(e.requestId);
      lastActivity = Date.now();
    });

    await page.goto(url, { waitUntil: 'commit', timeout: LOAD_TIMEOUT_MS });
    const welcomeMs = await page
      .waitForFunction(() => (window as unknown as { __doorAt?: number }).__doorAt, undefined, {
        timeout: LOAD_TIMEOUT_MS,
        polling: 50,
      })
      .then((h) => h.jsonValue() as Promise<number>);
    const bytesUntil = (ms: number) =>
      finished
        .filter((f) => navigationStart !== undefined && f.at <= navigationStart + ms / 1000)
        .reduce((sum, f) => sum + f.bytes, 0);
    const bytesAtWelcome = bytesUntil(welcomeMs);

    const replyMs = await clickAndTime(page, expected.firstQuestion);
    const webChatMs = await page
      .waitForFunction(
        () => {
          const t = document.querySelector('.webchat__basic-transcript');
          return t && (t as HTMLElement).offsetParent !== null ? performance.now() : undefined;
        },
        undefined,
        { timeout: LOAD_TIMEOUT_MS, polling: 100 },
      )
      .then((h) => h.jsonValue() as Promise<number>)
      .catch(() => undefined);
    const deadline = Date.now() + LOAD_TIMEOUT_MS;
    while (Date.now() < deadline && (inFlight.size > 0 || Date.now() - lastActivity < QUIET_MS)) {
      await page.waitForTimeout(200);
    }
    return {
      welcomeMs,
      bytesAtWelcome,
      replyMs,
      webChatMs,
      bytesTotal: finished.reduce((sum, f) => sum + f.bytes, 0),
      requests: finished.length,
    };
  } finally {
    await context.close();
  }
}

/** Clicks a door as the watcher finds it now and times the pathway's first question appearing. */
async function clickAndTime(page: Page, firstQuestion: string): Promise<number> {
  const clickedAt = await page.evaluate(() => {
    const w = window as unknown as { __findDoor: () => HTMLButtonElement | undefined };
    const at = performance.now();
    w.__findDoor()?.click();
    return at;
  });
  const shownAt = await page
    .waitForFunction(
      (text) => (document.body.innerText.includes(text) ? performance.now() : undefined),
      firstQuestion,
      {
        timeout: LOAD_TIMEOUT_MS,
        polling: 50,
      },
    )
    .then((h) => h.jsonValue() as Promise<number>);
  return shownAt - clickedAt;
}

/** Measures the page at `url` on the slow phone, {@link SLOW_PHONE_RUNS} cold loads. */
export async function measureSlowPhone(
  url: string,
  content: Content,
  lang: Language = 'it',
  runs: number = SLOW_PHONE_RUNS,
): Promise<SlowPhoneFigures> {
  if (!existsSync(CHROMIUM))
    throw new Error(`the slow-phone bench needs Chromium at ${CHROMIUM} (apt-get install -y chromium)`);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS] });
  try {
    const expected = expectedFor(content, lang);
    const loads: SlowPhoneLoad[] = [];
    for (let i = 0; i < runs; i += 1) loads.push(await loadOnce(browser, url, lang, expected));
    return {
      lang,
      loads,
      welcomeMs: median(loads.map((l) => l.welcomeMs)),
      bytesAtWelcome: median(loads.map((l) => l.bytesAtWelcome)),
      replyMs: median(loads.map((l) => l.replyMs)),
      bytesTotal: median(loads.map((l) => l.bytesTotal)),
    };
  } finally {
    await browser.close();
  }
}

/** Starts our bot and measures its page at `/` on the slow phone. */
export async function measureOurSlowPhone(lang: Language = 'it'): Promise<SlowPhoneFigures> {
  const content = await loadContent(PROJECT_ROOT);
  const bot = await BotProcess.start({
    script: join(PROJECT_ROOT, 'dist', 'src', 'index.js'),
    port: await freePort(),
    nodeArgs: NODE_FLAGS,
  });
  try {
    return await measureSlowPhone(`${bot.baseUrl}/?lang=${lang}`, content, lang);
  } finally {
    await bot.stop();
  }
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KB`;
const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

/** The figures as lines of text. */
export function describeSlowPhone(f: SlowPhoneFigures): string[] {
  const lines = [
    `welcome with a clickable door ${s(f.welcomeMs)} (median of ${f.loads.length}), ${kb(f.bytesAtWelcome)} received by then; ` +
      `click to first question ${s(f.replyMs)}; ${kb(f.bytesTotal)} once idle`,
  ];
  for (const [i, l] of f.loads.entries()) {
    lines.push(
      `  load ${i + 1}: welcome ${s(l.welcomeMs)} (${kb(l.bytesAtWelcome)}), reply ${s(l.replyMs)}, ` +
        `Web Chat ${l.webChatMs === undefined ? 'never' : s(l.webChatMs)}, ${kb(l.bytesTotal)} in ${l.requests} requests`,
    );
  }
  return lines;
}

/** `node dist/bench/slowPhone.js [url] [it|en]`: the slow-phone figures of a running page, or of our bot. */
if (require.main === module) {
  const [url, lang = 'it'] = process.argv.slice(2);
  const language = lang === 'en' ? 'en' : 'it';
  (url
    ? loadContent(PROJECT_ROOT).then((content) => measureSlowPhone(url, content, language))
    : measureOurSlowPhone(language)
  )
    .then((f) => process.stdout.write(`${describeSlowPhone(f).join('\n')}\n`))
    .catch((err: Error) => {
      process.stderr.write(`${err.stack ?? err.message}\n`);
      process.exit(1);
    });
}
