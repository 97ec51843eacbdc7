import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';

/** Self time of one function in a CPU profile. */
export interface HotSpot {
  /** `file:function:line`, the file relative to the project root (or the module / `(native)`). */
  readonly where: string;
  /** Share of all samples, 0–100. */
  readonly percent: number;
  /** Self time, milliseconds. */
  readonly selfMs: number;
}

/** Self time grouped by function and by file. */
export interface CpuProfileSummary {
  /** Milliseconds profiled. */
  readonly totalMs: number;
  /** Functions by self time, highest first. */
  readonly functions: readonly HotSpot[];
  /** Files (or packages) by self time, highest first. */
  readonly files: readonly HotSpot[];
}

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly startTime: number;
  readonly endTime: number;
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** Reads a `.cpuprofile` written by `node --cpu-prof` and sums self time per function and per file. */
export async function summariseCpuProfile(path: string, root: string): Promise<CpuProfileSummary> {
  const profile = JSON.parse(await readFile(path, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const fn = new Map<string, number>();
  const file = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    const frame = byId.get(id)?.callFrame;
    if (!frame) return;
    total += us;
    const where = fileOf(frame.url, root);
    const name = `${where}:${frame.functionName || '(anonymous)'}:${frame.lineNumber + 1}`;
    fn.set(name, (fn.get(name) ?? 0) + us);
    file.set(where, (file.get(where) ?? 0) + us);
  });
  const rank = (m: Map<string, number>): HotSpot[] =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .map(([where, us]) => ({ where, selfMs: us / 1000, percent: total > 0 ? (100 * us) / total : 0 }));
  return { totalMs: total / 1000, functions: rank(fn), files: rank(file) };
}

/** A short location: project files relative to the root, dependencies by package, built-ins as they come. */
function fileOf(url: string, root: string): string {
  if (url === '') return '(native)';
  const path = url.replace(/^file:\/\//, '');
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (pkg) return `npm:${pkg[1]}`;
  return path.startsWith('/') ? relative(root, path) : path;
}
