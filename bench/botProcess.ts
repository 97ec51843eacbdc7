import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** How a bot process is started. */
export interface BotProcessOptions {
  /** Compiled entry point, e.g. `dist/src/index.js`. */
  readonly script: string;
  /** TCP port to listen on. */
  readonly port: number;
  /**
   * Extra environment variables (PORT, HOST and LOG_LEVEL are set for you; CURATOR_LOG_PATH too, to a new file
   * that is removed on stop, unless given).
   */
  readonly env?: Readonly<Record<string, string>>;
  /** Extra `node` flags, e.g. `--cpu-prof`. */
  readonly nodeArgs?: readonly string[];
  /** How long to wait for `/healthz` to answer 200. */
  readonly readyTimeoutMs?: number;
}

/** Interval between `/healthz` polls while a process starts. */
const POLL_MS = 5;
/** Linux's USER_HZ, the unit of CPU times in /proc/<pid>/stat (100 on every common kernel). */
const CLOCK_TICKS_PER_SECOND = 100;
/** Output kept for the error message when a process fails to start. */
const TAIL_CHARS = 4_000;

/**
 * A bot started as its own `node` process (as in production), with its start-up time, resident memory and shutdown.
 */
export class BotProcess {
  private tail = '';

  private constructor(
    private readonly child: ChildProcess,
    /** Base URL, e.g. `http://127.0.0.1:3990`. */
    readonly baseUrl: string,
    /** A scratch folder of this process, removed on stop. */
    private readonly scratch: string,
  ) {
    const keep = (chunk: Buffer) => {
      this.tail = (this.tail + chunk.toString('utf8')).slice(-TAIL_CHARS);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
  }

  /** Milliseconds from spawning the process to its first `/healthz` 200. */
  startupMs = 0;

  /** `performance.now()` when the process was spawned. */
  startedAt = 0;

  /** The process id (for /proc and profiles). */
  get pid(): number {
    return this.child.pid ?? -1;
  }

  /** Spawns the process and resolves once `/healthz` answers 200. */
  static async start(options: BotProcessOptions): Promise<BotProcess> {
    // Each process gets an empty curator log: one kept across runs grows with every unanswered question, and
    // the bot reads it at start to apply its retention (26 MB after a few benches: slower starts, more memory).
    const scratch = await mkdtemp(join(tmpdir(), 'bench-bot-'));
    const started = performance.now();
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), options.script], {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        LOG_LEVEL: 'warn',
        HOST: '127.0.0.1',
        CURATOR_LOG_PATH: join(scratch, 'curator-log.jsonl'),
        ...options.env,
        PORT: String(options.port),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const bot = new BotProcess(child, `http://127.0.0.1:${options.port}`, scratch);
    bot.startedAt = started;
    const deadline = started + (options.readyTimeoutMs ?? 20_000);
    while (performance.now() < deadline) {
      if (child.exitCode !== null) break;
      if (await bot.healthy()) {
        bot.startupMs = performance.now() - started;
        return bot;
      }
      await sleep(POLL_MS);
    }
    await bot.stop();
    throw new Error(`${options.script} did not become healthy on port ${options.port}:\n${bot.tail}`);
  }

  /** Resident memory (VmRSS) in bytes, read from /proc. */
  async rssBytes(): Promise<number> {
    this.assertRunning();
    const status = await readFile(`/proc/${this.pid}/status`, 'utf8');
    const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
    if (kb === undefined) throw new Error(`no VmRSS for process ${this.pid}`);
    return Number(kb) * 1024;
  }

  /** CPU time (user + system) the process has used so far, milliseconds, read from /proc. */
  async cpuMs(): Promise<number> {
    this.assertRunning();
    const stat = await readFile(`/proc/${this.pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces, inside parentheses): utime is the 14th, stime the 15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
  }

  /** Throws, with the exit and the last output, when the process is gone. */
  private assertRunning(): void {
    const { exitCode, signalCode } = this.child;
    if (exitCode === null && signalCode === null) return;
    throw new Error(
      `the bot process ${this.pid} ended (exit code ${exitCode}, signal ${signalCode}); its last output:\n${this.tail}`,
    );
  }

  /** The last output of the process (for error messages). */
  get output(): string {
    return this.tail;
  }

  /** Sends SIGTERM and waits for the exit (SIGKILL after 15 s). */
  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      const exited = once(this.child, 'exit');
      this.child.kill('SIGTERM');
      const timer = setTimeout(() => this.child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    }
    await rm(this.scratch, { recursive: true, force: true });
  }

  private async healthy(): Promise<boolean> {
    try {
      const res = await fetch(`${this.baseUrl}/healthz`);
      await res.arrayBuffer();
      return res.status === 200;
    } catch {
      return false;
    }
  }
}
