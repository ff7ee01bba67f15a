#!/usr/bin/env node
// `npm test`: every tier, in the order that fails fastest. The last line printed is the one
// closing line CI reads: "N passed, N failed" (vitest's own summary is not a format CI knows).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const steps = [
  ['typecheck', 'npx', ['tsc', '--noEmit']],
  ['build chrome', 'npx', ['wxt', 'build', '-b', 'chrome']],
  ['build firefox', 'npx', ['wxt', 'build', '-b', 'firefox', '--mv3']],
  ['web-ext lint', 'node', ['test/lint-firefox.mjs']],
];
let failedSteps = 0;
for (const [name, cmd, args] of steps) {
  process.stdout.write(`\n== ${name}\n`);
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`\n${name} failed (exit ${r.status})`);
    failedSteps++;
    if (name.startsWith('build')) break; // nothing below can run without a build
  }
}
process.stdout.write('\n== unit, dom and e2e tests (vitest)\n');
const projects = ['unit', 'dom', 'e2e'].flatMap((p) => ['--project', p]);
const summaryFile = '.sandbox/vitest-summary.json';
fs.rmSync(summaryFile, { force: true });
const r = spawnSync('npx', ['vitest', 'run', ...projects], { stdio: 'inherit' });
let counts = { passed: 0, failed: 1 }; // no summary: vitest did not finish
try {
  counts = JSON.parse(fs.readFileSync(summaryFile, 'utf8'));
} catch {
  console.error('vitest wrote no summary');
}
const passed = counts.passed + (steps.length - failedSteps);
const failed = counts.failed + failedSteps;
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 || r.status !== 0 ? 1 : 0);
