/**
 * Soak test (run: `npm run soak`, or `npm run soak -- --minutes 2`): drives mixed traffic at a steady rate against a
 * bot (questions, pathway walks, website-chat visitors, hostile requests, health probes) and prints errors, latency
 * percentiles and the bot's resident memory at start and end with its trend. Exits non-zero when any request
 * failed or memory kept growing.
 *
 * Options: `--minutes N` (default 10), `--rate N` requests per second (default 8), `--url URL` to soak a running
 * bot instead of starting `dist/src/index.js` (add `--pid PID` to also read its memory), `--max-slope MB`
 * largest accepted memory trend in MB per minute after warm-up (default 1.5), `--seed N`, `--only KIND` to send
 * one kind of traffic only (question, pathway, webVisitor, hostile, health), to find which one grows memory.
 * The bot it starts runs with `--expose-gc` and a full collection on SIGUSR2, so memory is read when settled.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { request } from 'node:http';
import { freePort } from '../bench/freePort';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Content } from '../src/content/content';
import { loadContent } from '../src/content/contentLoader';
import type { Language } from '../src/content/language';
import type { Pathway } from '../src/content/pathwaySchema';
import { NODE_FLAGS } from '../src/runtime/nodeFlags';

const ROOT = join(__dirname, '..', '..');

/** Defaults, grouped by concern. */
const DEFAULTS = Object.freeze({
  minutes: 10,
  /** Requests started per second (open loop: the rate does not slow down when the bot does). */
  rate: 8,
  /** Accepted memory trend after warm-up, MB per minute. */
  maxSlopeMbPerMinute: 1.5,
  /** Memory is sampled this often. */
  sampleEveryMs: 5_000,
  /** The first part of the run is warm-up (JIT, heap sizing): at least this long… */
  warmupMinMs: 60_000,
  /** …or this share of the run, whichever is longer. */
  warmupShare: 0.3,
  /** A request taking longer than this is an error. */
  timeoutMs: 15_000,
  /**
   * Bot Framework visitors' conversation ids come from small pools (questions, pathway walks), filled within the
   * warm-up: memory storage keeps every conversation's state, so fresh ids would grow memory by design.
   */
  conversationPools: Object.freeze({ q: 60, p: 30 }),
  /** Turns in flight at most; a tick finding this many is counted as skipped (the bot is not keeping up). */
  maxInFlight: 64,
  /** Visitors of each kind kept in the middle of a conversation at once. */
  sessionsPerKind: 4,
  /** Memory trend is read through the lowest sample of each window this long (after garbage collection). */
  troughWindowMs: 30_000,
});

/** Weights of what each tick does. */
const MIX = Object.freeze({ question: 30, pathway: 35, webVisitor: 15, hostile: 15, health: 5 });

interface Options {
  minutes: number;
  /** Only this kind of traffic (to find which one grows memory). */
  only?: keyof typeof MIX;
  rate: number;
  url?: string;
  pid?: number;
  maxSlope: number;
  seed: number;
}

function parseOptions(argv: readonly string[]): Options {
  const value = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const number = (name: string, fallback: number) => {
    const raw = value(name);
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number, got "${raw}"`);
    return n;
  };
  const pid = value('pid');
  const only = value('only');
  if (only !== undefined && !(only in MIX))
    throw new Error(`--only must be one of ${Object.keys(MIX).join(', ')}`);
  return {
    only: only as keyof typeof MIX | undefined,
    minutes: number('minutes', DEFAULTS.minutes),
    rate: number('rate', DEFAULTS.rate),
    url: value('url')?.replace(/\/$/, ''),
    pid: pid === undefined ? undefined : number('pid', 0),
    maxSlope: number('max-slope', DEFAULTS.maxSlopeMbPerMinute),
    seed: number('seed', Date.now() % 1_000_000),
  };
}

// ---- Randomness (seeded, so a failing run can be replayed) -------------------------------------------------

let state = 1;
const random = () => {
  state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
  return state / 2_147_483_648;
};
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const weighted = <K extends string>(weights: Readonly<Record<K, number>>): K => {
  const total = Object.values<number>(weights).reduce((a, b) => a + b, 0);
  let at = random() * total;
  for (const [key, w] of Object.entries<number>(weights)) {
    at -= w;
    if (at < 0) return key as K;
  }
  return Object.keys(weights)[0] as K;
};

// ---- HTTP ----------------------------------------------------------------------------------------------------

interface Reply {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
  ms: number;
  /** Set when no HTTP answer came back (refused, reset, timed out). */
  failure?: string;
}

interface Call {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Loopback source address, so each simulated visitor is its own client. */
  from?: string;
}

function call(base: URL, c: Call): Promise<Reply> {
  const started = performance.now();
  return new Promise((resolve) => {
    const req = request(
      {
        host: base.hostname,
        port: base.port,
        method: c.method,
        path: c.path,
        headers: {
          ...c.headers,
          ...(c.body !== undefined ? { 'content-length': String(Buffer.byteLength(c.body)) } : {}),
        },
        localAddress: c.from,
        agent: false,
        timeout: DEFAULTS.timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            headers: res.headers,
            ms: performance.now() - started,
          }),
        );
        res.on('error', (err) =>
          resolve({
            status: 0,
            body: '',
            headers: {},
            ms: performance.now() - started,
            failure: err.message,
          }),
        );
      },
    );
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', (err) =>
      resolve({ status: 0, body: '', headers: {}, ms: performance.now() - started, failure: err.message }),
    );
    req.end(c.body);
  });
}

const json = (body: unknown) => ({
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

interface Activity {
  type: string;
  text?: string;
  attachments?: unknown[];
  channelData?: { triage?: { disposition?: string } };
}

function messagesOf(reply: Reply): Activity[] {
  try {
    const parsed = JSON.parse(reply.body) as { activities?: Activity[] };
    return (parsed.activities ?? []).filter((a) => a.type === 'message');
  } catch {
    return [];
  }
}

// ---- Statistics ------------------------------------------------------------------------------------------------

class Tally {
  readonly latencies = new Map<string, number[]>();
  readonly errors: string[] = [];
  readonly counts = new Map<string, number>();
  skipped = 0;
  walks = { started: 0, reachedDisposition: 0 };

  record(kind: string, ms: number): void {
    this.counts.set(kind, (this.counts.get(kind) ?? 0) + 1);
    const list = this.latencies.get(kind) ?? [];
    list.push(ms);
    this.latencies.set(kind, list);
  }

  error(kind: string, what: string): void {
    this.counts.set(kind, (this.counts.get(kind) ?? 0) + 1);
    this.errors.push(`${kind}: ${what}`);
  }
}

function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] as number;
}

/**
 * The lowest sample of each window: what the bot still holds after its garbage collections, without the sawtooth
 * of the heap filling and emptying between them.
 */
function troughs(samples: readonly { atMs: number; rssMb: number }[], windowMs: number) {
  const byWindow = new Map<number, { atMs: number; rssMb: number }>();
  for (const s of samples) {
    const w = Math.floor(s.atMs / windowMs);
    const low = byWindow.get(w);
    if (!low || s.rssMb < low.rssMb) byWindow.set(w, s);
  }
  return [...byWindow.values()];
}

/** Least-squares slope of (minutes, MB) samples, in MB per minute. */
function slope(samples: readonly { atMs: number; rssMb: number }[]): number {
  if (samples.length < 2) return 0;
  const xs = samples.map((s) => s.atMs / 60_000);
  const ys = samples.map((s) => s.rssMb);
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < xs.length; i++) {
    num += ((xs[i] as number) - mx) * ((ys[i] as number) - my);
    den += ((xs[i] as number) - mx) ** 2;
  }
  return den === 0 ? 0 : num / den;
}

async function rssMb(pid: number): Promise<number | undefined> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
    return kb === undefined ? undefined : Number(kb) / 1024;
  } catch {
    return undefined;
  }
}

// ---- The bot under test ----------------------------------------------------------------------------------------

/**
 * Preloaded into the bot the soak starts: a full garbage collection on SIGUSR2, so memory is read when settled
 * rather than somewhere on the sawtooth of a heap filling up between collections.
 */
const GC_ON_SIGNAL = `data:text/javascript,${encodeURIComponent(
  'process.on("SIGUSR2", () => { globalThis.gc?.(); process.stderr.write(`SOAK_HEAP ${process.memoryUsage().heapUsed}\\n`); });',
)}`;
/** Time for the collection to finish before memory is read. */
const SETTLE_AFTER_GC_MS = 500;

interface StartedBot {
  child: ChildProcess;
  url: string;
  /** Error-level lines the bot logged (turn failures, request failures). */
  loggedErrors: string[];
  /** The bot's V8 heap in use after its last forced collection, in bytes. */
  heapUsed?: number;
  /** The end of what the bot wrote to stderr (why it died, if it did). */
  stderrTail: string;
}

async function startBot(): Promise<StartedBot> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [...NODE_FLAGS, '--expose-gc', '--import', GC_ON_SIGNAL, join(ROOT, 'dist', 'src', 'index.js')],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        CURATOR_LOG_PATH: join(tmpdir(), `soak-curator-${process.pid}.jsonl`),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const loggedErrors: string[] = [];
  let partial = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    const lines = (partial + chunk.toString('utf8')).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      if (!line.startsWith('{')) continue;
      try {
        const entry = JSON.parse(line) as { level?: number; msg?: string; err?: { message?: string } };
        if ((entry.level ?? 0) >= 50)
          loggedErrors.push(`${entry.msg ?? ''} ${entry.err?.message ?? ''}`.trim());
      } catch {
        // not a log line
      }
    }
  });
  const url = `http://127.0.0.1:${port}`;
  const started: StartedBot = { child, url, loggedErrors, stderrTail: '' };
  let partialErr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    started.stderrTail = (started.stderrTail + chunk.toString('utf8')).slice(-4000);
    const lines = (partialErr + chunk.toString('utf8')).split('\n');
    partialErr = lines.pop() ?? '';
    for (const line of lines) {
      const heap = /^SOAK_HEAP (\d+)$/.exec(line)?.[1];
      if (heap !== undefined) started.heapUsed = Number(heap);
    }
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the bot exited with ${child.exitCode} while starting`);
    const health = await call(new URL(url), { method: 'GET', path: '/healthz' });
    if (health.status === 200) return started;
    await sleep(200);
  }
  child.kill('SIGKILL');
  throw new Error('the bot did not become healthy within 60 s (did `npm run build` succeed?)');
}

// ---- Traffic --------------------------------------------------------------------------------------------------

/** A random walk from a pathway's start to a disposition: the door, then a label per choice. */
function walk(p: Pathway, lang: Language): { texts: string[]; code: string } {
  const texts = [p.title[lang]];
  let id = p.start;
  for (let guard = 0; guard < 50; guard++) {
    const node = p.nodes[id];
    if (!node) break;
    if (node.type === 'disposition') return { texts, code: node.code };
    if (node.type === 'info') {
      id = node.next;
      continue;
    }
    const choice = pick(node.choices);
    texts.push(choice.label[lang]);
    id = choice.next;
  }
  return { texts, code: '' };
}

/** The Bot Framework channels visitors come through. */
const CHANNELS = ['webchat', 'msteams', 'directline'] as const;

const OUT_OF_SCOPE = [
  'Can I park at the hospital?',
  'Do you sell vitamins?',
  'Qual è il meteo domani a Milano?',
  'Posso pagare con il bancomat?',
];

/** One visitor's conversation: its turns, played one at a time. */
interface Session {
  readonly kind: 'pathway' | 'webVisitor';
  readonly texts: string[];
  readonly lang: Language;
  readonly conversationId: string;
  readonly expectedCode?: string;
  /** The Bot Framework channel of the whole conversation (its state is kept per channel). */
  readonly channelId: string;
  /** "forget me" in the visitor's language, said once the walk is over (some visitors just leave). */
  forget?: string;
  next: number;
  busy: boolean;
  token?: string;
  from: string;
}

class Traffic {
  private readonly sessions: Session[] = [];
  private readonly poolNext = { q: 0, p: 0 };
  private clientNo = 0;
  inFlight = 0;

  constructor(
    private readonly base: URL,
    private readonly content: Content,
    private readonly tally: Tally,
    private readonly loopback: boolean,
    private readonly only?: keyof typeof MIX,
  ) {}

  /** Starts one request of the mix (or counts a skip when the bot is not keeping up). */
  tick(): void {
    if (this.inFlight >= DEFAULTS.maxInFlight) {
      this.tally.skipped += 1;
      return;
    }
    const kind = this.only ?? weighted(MIX);
    this.inFlight += 1;
    const run =
      kind === 'question'
        ? this.question()
        : kind === 'pathway' || kind === 'webVisitor'
          ? this.advance(kind)
          : kind === 'hostile'
            ? this.hostile()
            : this.health();
    void run
      .catch((err: Error) => this.tally.error(kind, `soak script error: ${err.message}`))
      .finally(() => {
        this.inFlight -= 1;
      });
  }

  /** Waits for every request in flight. */
  async drain(): Promise<void> {
    while (this.inFlight > 0) await sleep(50);
  }

  private nextClient(): string | undefined {
    if (!this.loopback) return undefined;
    this.clientNo += 1;
    return `127.0.${Math.floor(this.clientNo / 250) % 250}.${(this.clientNo % 250) + 2}`;
  }

  /** A conversation id from a bounded pool (`kind` keeps questions out of pathway walks). */
  private pooledConversation(kind: 'q' | 'p'): string {
    this.poolNext[kind] = (this.poolNext[kind] + 1) % DEFAULTS.conversationPools[kind];
    return `soak-${process.pid}-${kind}${this.poolNext[kind]}`;
  }

  private activity(text: string, conversationId: string, lang: Language, channelId: string = pick(CHANNELS)) {
    return {
      type: 'message',
      text,
      channelId,
      serviceUrl: 'https://soak.invalid/',
      deliveryMode: 'expectReplies',
      locale: lang === 'it' ? 'it-IT' : 'en-US',
      from: { id: `user-${conversationId}`, name: 'Soak visitor' },
      recipient: { id: 'bot' },
      conversation: { id: conversationId },
    };
  }

  /** A knowledge question, out-of-scope question or "start over" in a pooled conversation. */
  private async question(): Promise<void> {
    const lang: Language = random() < 0.5 ? 'en' : 'it';
    const roll = random();
    const text =
      roll < 0.8
        ? pick(this.content.entries)[lang].question
        : roll < 0.95
          ? pick(OUT_OF_SCOPE)
          : lang === 'en'
            ? 'start over'
            : 'ricomincia';
    const reply = await call(this.base, {
      method: 'POST',
      path: '/api/messages',
      ...json(this.activity(text, this.pooledConversation('q'), lang)),
    });
    this.expectAnswer('question', reply);
  }

  /** Plays the next turn of a pathway walk or a website visit, starting a new one when none is free. */
  private async advance(kind: 'pathway' | 'webVisitor'): Promise<void> {
    const mine = this.sessions.filter((s) => s.kind === kind);
    let session = mine.find((s) => !s.busy);
    if (!session || mine.length < DEFAULTS.sessionsPerKind || random() < 0.05)
      session = await this.open(kind);
    if (!session) return;
    session.busy = true;
    try {
      const text = session.texts[session.next] ?? '';
      const reply =
        kind === 'pathway'
          ? await call(this.base, {
              method: 'POST',
              path: '/api/messages',
              ...json(this.activity(text, session.conversationId, session.lang, session.channelId)),
            })
          : await call(this.base, {
              method: 'POST',
              path: `/api/webchat/conversations/${session.conversationId}/activities`,
              headers: { 'content-type': 'application/json', authorization: `Bearer ${session.token ?? ''}` },
              body: JSON.stringify({
                type: 'message',
                text,
                locale: session.lang === 'it' ? 'it-IT' : 'en-US',
              }),
              from: session.from,
            });
      const activities = this.expectAnswer(kind, reply);
      session.next += 1;
      const reached = activities.some((a) => a.channelData?.triage?.disposition);
      if (kind === 'pathway' && reached) this.tally.walks.reachedDisposition += 1;
      if (reached) session.texts.splice(session.next);
      if (session.next >= session.texts.length && session.forget) {
        session.texts.push(session.forget);
        session.forget = undefined;
      } else if (session.next >= session.texts.length) {
        this.sessions.splice(this.sessions.indexOf(session), 1);
      }
    } finally {
      session.busy = false;
    }
  }

  private async open(kind: 'pathway' | 'webVisitor'): Promise<Session | undefined> {
    const lang: Language = random() < 0.5 ? 'en' : 'it';
    const forget = lang === 'en' ? 'forget me' : 'dimenticami';
    if (kind === 'pathway') {
      const { texts, code } = walk(pick(this.content.pathways), lang);
      this.tally.walks.started += 1;
      const session: Session = {
        kind,
        texts,
        forget: random() < 0.5 ? forget : undefined,
        lang,
        conversationId: this.pooledConversation('p'),
        channelId: pick(CHANNELS),
        expectedCode: code,
        next: 0,
        busy: false,
        from: '',
      };
      this.sessions.push(session);
      return session;
    }
    const from = this.nextClient();
    const created = await call(this.base, { method: 'POST', path: '/api/webchat/conversations', from });
    if (created.status !== 201 && created.status !== 200) {
      this.tally.error('webVisitor', `starting a conversation answered ${created.status || created.failure}`);
      return undefined;
    }
    this.tally.record('webVisitor', created.ms);
    const { conversationId, token } = JSON.parse(created.body) as { conversationId: string; token: string };
    const texts = [pick(this.content.entries)[lang].question, pick(this.content.pathways).title[lang], '1'];
    const session: Session = {
      kind,
      texts,
      forget,
      lang,
      conversationId,
      channelId: 'webchat',
      token,
      next: 0,
      busy: false,
      from: from ?? '',
    };
    this.sessions.push(session);
    return session;
  }

  /** A request the bot must refuse with a 4xx. */
  private async hostile(): Promise<void> {
    const conversation = this.pooledConversation('q');
    const cases: Call[] = [
      {
        method: 'POST',
        path: '/api/messages',
        headers: { 'content-type': 'application/json' },
        body: '{"type": "message",',
      },
      { method: 'POST', path: '/api/messages', headers: { 'content-type': 'text/plain' }, body: 'hello' },
      {
        method: 'POST',
        path: '/api/messages',
        ...json({ ...this.activity('x'.repeat(300 * 1024), conversation, 'en') }),
      },
      { method: 'POST', path: '/api/messages', ...json([1, 2, 3]) },
      {
        method: 'POST',
        path: '/api/messages',
        ...json({ ...this.activity('hi', 'x'.repeat(100 * 1024), 'en') }),
      },
      {
        method: 'POST',
        path: '/api/messages',
        ...json({ ...this.activity('hi', conversation, 'en'), text: { evil: true } }),
      },
      {
        method: 'POST',
        path: '/api/messages',
        ...json({
          ...this.activity('', conversation, 'en'),
          type: 'invoke',
          name: 'x/y',
          deliveryMode: undefined,
        }),
      },
      { method: 'GET', path: '/api/messages' },
      {
        method: 'POST',
        path: '/api/messages',
        headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
        body: '{}',
      },
      {
        method: 'POST',
        path: '/api/webchat/conversations/wc-forged/activities',
        headers: { 'content-type': 'application/json', authorization: 'Bearer forged.token' },
        body: JSON.stringify({ type: 'message', text: 'hi' }),
        from: this.nextClient(),
      },
      {
        method: 'POST',
        path: '/api/webchat/conversations/..%2F..%2Fhealthz/activities',
        headers: { 'content-type': 'application/json' },
        body: '{}',
        from: this.nextClient(),
      },
    ];
    const reply = await call(this.base, pick(cases));
    if (reply.status >= 400 && reply.status < 500) this.tally.record('hostile', reply.ms);
    else this.tally.error('hostile', reply.failure ?? `expected a 4xx, got ${reply.status}`);
  }

  private async health(): Promise<void> {
    const reply = await call(this.base, { method: 'GET', path: '/healthz' });
    if (reply.status === 200) this.tally.record('health', reply.ms);
    else this.tally.error('health', reply.failure ?? `status ${reply.status}`);
  }

  /** A turn must come back 200 with at least one message that shows something. */
  private expectAnswer(kind: string, reply: Reply): Activity[] {
    if (reply.status !== 200) {
      this.tally.error(kind, reply.failure ?? `status ${reply.status}: ${reply.body.slice(0, 120)}`);
      return [];
    }
    const activities = messagesOf(reply);
    if (!activities.some((a) => (a.text ?? '').trim() !== '' || (a.attachments ?? []).length > 0)) {
      this.tally.error(kind, 'a 200 without any message to show');
      return activities;
    }
    this.tally.record(kind, reply.ms);
    return activities;
  }
}

// ---- Main ----------------------------------------------------------------------------------------------------

const mb = (n: number | undefined) => (n === undefined ? 'n/a' : `${n.toFixed(1)} MB`);
const signed = (n: number) => `${n >= 0 ? '+' : ''}${n.toFixed(2)}`;
const ms = (n: number) => (Number.isNaN(n) ? '-' : n.toFixed(1));

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  state = Math.floor(options.seed) || 1;
  const content = await loadContent(ROOT);
  const bot = options.url ? undefined : await startBot();
  const url = options.url ?? bot?.url ?? '';
  const pid = bot?.child.pid ?? options.pid;
  const base = new URL(url);
  const loopback = ['127.0.0.1', 'localhost'].includes(base.hostname);
  const tally = new Tally();
  const traffic = new Traffic(base, content, tally, loopback, options.only);
  const durationMs = options.minutes * 60_000;
  const warmupMs = Math.max(DEFAULTS.warmupMinMs, DEFAULTS.warmupShare * durationMs);

  process.stdout.write(
    `soak: ${options.minutes} min at ${options.rate} req/s against ${url}${bot ? ' (started here)' : ''}, seed ${options.seed}\n`,
  );
  const samples: { atMs: number; rssMb: number; heapMb?: number }[] = [];
  const started = performance.now();
  const settled = bot !== undefined;
  const sample = async () => {
    if (pid === undefined) return;
    if (settled) {
      if (bot?.child.exitCode !== null || bot?.child.signalCode !== null) return;
      try {
        process.kill(pid, 'SIGUSR2');
      } catch {
        return;
      }
      await sleep(SETTLE_AFTER_GC_MS);
    }
    const rss = await rssMb(pid);
    const heapMb = settled && bot?.heapUsed !== undefined ? bot.heapUsed / 1_048_576 : undefined;
    if (rss !== undefined) samples.push({ atMs: performance.now() - started, rssMb: rss, heapMb });
  };
  await sample();
  const sampler = setInterval(() => void sample(), DEFAULTS.sampleEveryMs);
  const progress = setInterval(() => {
    const elapsed = (performance.now() - started) / 60_000;
    const last = samples[samples.length - 1];
    process.stdout.write(
      `  ${elapsed.toFixed(1)} min: ${[...tally.counts.values()].reduce((a, b) => a + b, 0)} requests, ${tally.errors.length} errors, RSS ${mb(last?.rssMb)}\n`,
    );
  }, 30_000);

  const interval = 1000 / options.rate;
  let due = performance.now();
  while (performance.now() - started < durationMs) {
    traffic.tick();
    due += interval;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    if (bot && (bot.child.exitCode !== null || bot.child.signalCode !== null)) {
      const how = bot.child.exitCode ?? bot.child.signalCode;
      const lastWords = bot.stderrTail
        .split('\n')
        .filter((l) => l.trim() && !l.startsWith('SOAK_HEAP'))
        .slice(-8);
      tally.error(
        'bot',
        `the bot exited (${how}) during the soak; its last stderr lines: ${lastWords.join(' | ')}`,
      );
      break;
    }
  }
  await traffic.drain();
  clearInterval(progress);
  clearInterval(sampler);
  await sample();

  let shutdown = 'not started here';
  if (bot) {
    for (const line of bot.loggedErrors) tally.error('bot log', line);
    if (bot.child.exitCode !== null || bot.child.signalCode !== null) {
      shutdown = `the bot had already exited (${bot.child.exitCode ?? bot.child.signalCode})`;
    } else {
      const exited = once(bot.child, 'exit');
      bot.child.kill('SIGTERM');
      const killer = setTimeout(() => bot.child.kill('SIGKILL'), 20_000);
      const [code, signal] = (await exited) as [number | null, string | null];
      clearTimeout(killer);
      shutdown = code === 0 ? 'clean (exit 0 after SIGTERM)' : `exit ${code ?? signal}`;
      if (code !== 0) tally.error('bot', `shutdown ended with ${code ?? signal}`);
    }
  }

  // Report.
  const total = [...tally.counts.values()].reduce((a, b) => a + b, 0);
  const all = [...tally.latencies.values()].flat().sort((a, b) => a - b);
  const lines = [
    '',
    `requests: ${total} in ${options.minutes} min (${(total / (options.minutes * 60)).toFixed(1)}/s); skipped ticks (bot not keeping up): ${tally.skipped}`,
    `errors: ${tally.errors.length}`,
    ...tally.errors.slice(0, 20).map((e) => `  - ${e}`),
    `pathway walks: ${tally.walks.started} started, ${tally.walks.reachedDisposition} reached their disposition (the others were still under way at the end)`,
    '',
    'latency (ms)            count      p50      p90      p99      max',
    ...[...tally.latencies.entries(), ['all', all] as [string, number[]]].map(([kind, list]) => {
      const sorted = [...list].sort((a, b) => a - b);
      return `  ${kind.padEnd(20)} ${String(sorted.length).padStart(7)} ${ms(percentile(sorted, 0.5)).padStart(8)} ${ms(percentile(sorted, 0.9)).padStart(8)} ${ms(percentile(sorted, 0.99)).padStart(8)} ${ms(sorted[sorted.length - 1] ?? Number.NaN).padStart(8)}`;
    }),
    '',
  ];
  let flat = true;
  if (samples.length >= 2) {
    const warm = samples.filter((s) => s.atMs >= warmupMs);
    // Readings after a forced collection are settled; otherwise only each window's lowest reading is.
    const lows = settled ? warm : troughs(warm, DEFAULTS.troughWindowMs);
    const trend = slope(lows);
    flat = lows.length < 3 || trend <= options.maxSlope;
    const how = settled
      ? `each read after a full garbage collection, ${warm.length} samples`
      : `through the lowest sample of each ${DEFAULTS.troughWindowMs / 1000} s (${lows.length} windows; all ${warm.length} samples: ${signed(slope(warm))} MB/min)`;
    lines.push(
      `memory (VmRSS of pid ${pid}): start ${mb(samples[0]?.rssMb)}, after warm-up ${mb(warm[0]?.rssMb)}, end ${mb(samples[samples.length - 1]?.rssMb)}, peak ${mb(Math.max(...samples.map((s) => s.rssMb)))}`,
      `memory trend after ${(warmupMs / 60_000).toFixed(1)} min of warm-up: ${signed(trend)} MB/min (${how}); accepted ≤ ${options.maxSlope} MB/min: ${lows.length < 3 ? 'too short to judge' : flat ? 'flat' : 'GROWING'}`,
    );
    const heap = warm
      .filter((s) => s.heapMb !== undefined)
      .map((s) => ({ atMs: s.atMs, rssMb: s.heapMb ?? 0 }));
    if (heap.length >= 2) {
      lines.push(
        `V8 heap in use after each collection: start ${mb(samples[0]?.heapMb)}, after warm-up ${mb(heap[0]?.rssMb)}, end ${mb(heap[heap.length - 1]?.rssMb)}, trend ${signed(slope(heap))} MB/min (for diagnosis; the verdict is on RSS)`,
      );
    }
  } else {
    lines.push('memory: not measured (give --pid with --url, or let the soak start the bot)');
  }
  lines.push(`shutdown: ${shutdown}`);
  const ok = tally.errors.length === 0 && flat;
  lines.push('', ok ? 'SOAK PASSED' : 'SOAK FAILED', '');
  process.stdout.write(lines.join('\n'));
  return ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: Error) => {
    process.stderr.write(`soak: ${err.message}\n`);
    process.exit(2);
  },
);
