import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';

/** Time of one function (or file) in a CPU profile. */
export interface HotSpot {
  /** `file:function:line`, the file relative to the project root (or `npm:<package>`, or `(native)`). */
  readonly where: string;
  /** Share of all samples, 0–100. */
  readonly percent: number;
  /** Milliseconds. */
  readonly ms: number;
}

/** Where the CPU time of a profile went. */
export interface CpuProfileSummary {
  /** Milliseconds of CPU profiled (after the skipped start; idle time left out). */
  readonly totalMs: number;
  /** Functions by self time (time in the function's own code), highest first. */
  readonly selfByFunction: readonly HotSpot[];
  /** Files (or packages) by self time, highest first. */
  readonly selfByFile: readonly HotSpot[];
  /** Functions by inclusive time (their own code and everything they call), highest first. */
  readonly inclusiveByFunction: readonly HotSpot[];
}

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: readonly number[];
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/**
 * Reads a `.cpuprofile` written by `node --cpu-prof` and sums time per function (self and inclusive) and per file.
 * @param skipMs leave out the first milliseconds of the profile (start-up and warm-up)
 */
export async function summariseCpuProfile(
  path: string,
  root: string,
  skipMs = 0,
): Promise<CpuProfileSummary> {
  const profile = JSON.parse(await readFile(path, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = new Map(
    profile.nodes.map((n) => {
      const where = fileOf(n.callFrame.url, root);
      return [
        n.id,
        {
          file: where,
          fn: `${where}:${n.callFrame.functionName || '(anonymous)'}:${n.callFrame.lineNumber + 1}`,
        },
      ];
    }),
  );
  const self = new Map<string, number>();
  const file = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const add = (m: Map<string, number>, key: string, us: number) => m.set(key, (m.get(key) ?? 0) + us);
  let total = 0;
  let elapsedUs = 0;
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    elapsedUs += us;
    const own = label.get(id);
    if (!own || elapsedUs < skipMs * 1000 || byId.get(id)?.callFrame.functionName === '(idle)') return;
    total += us;
    add(self, own.fn, us);
    add(file, own.file, us);
    const onStack = new Set<string>();
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
      const fn = label.get(n)?.fn;
      if (fn !== undefined) onStack.add(fn);
    }
    for (const fn of onStack) add(inclusive, fn, us);
  });
  const rank = (m: Map<string, number>): HotSpot[] =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .map(([where, us]) => ({ where, ms: us / 1000, percent: total > 0 ? (100 * us) / total : 0 }));
  return {
    totalMs: total / 1000,
    selfByFunction: rank(self),
    selfByFile: rank(file),
    inclusiveByFunction: rank(inclusive),
  };
}

/** A short location: project files relative to the root, dependencies by package, built-ins as they come. */
function fileOf(url: string, root: string): string {
  if (url === '') return '(native)';
  const path = url.replace(/^file:\/\//, '');
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (pkg) return `npm:${pkg[1]}`;
  return path.startsWith('/') ? relative(root, path) : path;
}
