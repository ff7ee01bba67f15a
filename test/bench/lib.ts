/**
 * Shared helpers for the benchmarks (test/bench/*.bench.test.ts). Benchmarks PRINT numbers; they never
 * assert timing thresholds (only that measurements were taken, and functional facts).
 *
 * Each bench file stores its section in `.sandbox/bench-results.json` and prints the summary block of
 * every section stored so far, so the last file of a run prints the complete block. A section from an
 * earlier run (e.g. when one file is run alone) is marked with the time it was measured.
 */
import fs from 'node:fs';
import path from 'node:path';

export const RESULTS_FILE = path.resolve('.sandbox/bench-results.json');

/** Same for every file of one `vitest run` (the workers are children of the vitest process). */
export const RUN_ID = `${process.ppid}`;

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

export interface Section {
  /** ISO time of the measurement */
  at: string;
  runId: string;
  /** the line(s) of the summary block */
  lines: string[];
  [k: string]: unknown;
}

type Results = Record<string, Section>;

function readResults(): Results {
  try {
    const r = JSON.parse(fs.readFileSync(RESULTS_FILE, 'utf8')) as Results;
    return r && typeof r === 'object' ? r : {};
  } catch {
    return {};
  }
}

/** Stores (replaces) one section of `.sandbox/bench-results.json`. */
export function saveSection(name: string, data: Omit<Section, 'at' | 'runId'>): void {
  const all = readResults();
  all[name] = { ...data, at: new Date().toISOString(), runId: RUN_ID } as Section;
  fs.mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
  fs.writeFileSync(RESULTS_FILE, JSON.stringify(all, null, 2) + '\n');
}

/** Adds fields to a section stored by this run (no-op if there is none). */
export function patchSection(name: string, patch: Record<string, unknown>): void {
  const all = readResults();
  const s = all[name];
  if (!s || s.runId !== RUN_ID) return;
  all[name] = { ...s, ...patch };
  fs.writeFileSync(RESULTS_FILE, JSON.stringify(all, null, 2) + '\n');
}

const ORDER = ['inbox', 'sentrySize', 'popup', 'coach'];

/** Prints the summary block of every stored section (this run's first, in a fixed order). */
export function printSummary(): void {
  const all = readResults();
  const names = Object.keys(all).sort((a, b) => (ORDER.indexOf(a) + 1 || 99) - (ORDER.indexOf(b) + 1 || 99));
  const out: string[] = ['', '==================== BENCH SUMMARY ===================='];
  for (const n of names) {
    const s = all[n]!;
    const stale = s.runId === RUN_ID ? '' : `   [from an earlier run, ${s.at}]`;
    for (const line of s.lines) out.push(line + stale);
  }
  out.push(`(JSON: ${path.relative(process.cwd(), RESULTS_FILE)})`);
  out.push('=======================================================', '');
  console.log(out.join('\n'));
}
