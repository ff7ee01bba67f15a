#!/usr/bin/env node
// `npm test`: every tier, in the order that fails fastest. The last line printed is the one
// closing line CI reads: "N passed, N failed" (vitest's own summary is not a format CI knows).
// The two browsers' E2E runs go side by side (most of their time is waiting on pages and timers).
import { spawn, spawnSync } from 'node:child_process';
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

const browsers = (process.env.E2E_BROWSERS ?? 'chrome,firefox').split(',').filter(Boolean);
const runs = browsers.map((browser, i) => ({
  label: i === 0 ? `unit, dom and e2e in ${browser}` : `e2e in ${browser}`,
  projects: i === 0 ? ['unit', 'dom', 'e2e'] : ['e2e'],
  env: { E2E_BROWSERS: browser, VITEST_SUMMARY_FILE: `.sandbox/vitest-summary-${browser}.json` },
}));
if (!runs.length) runs.push({ label: 'unit and dom', projects: ['unit', 'dom'], env: { VITEST_SUMMARY_FILE: '.sandbox/vitest-summary-none.json' } });

/** Runs vitest with its output prefixed, so two interleaved runs stay readable. */
function run({ label, projects, env }) {
  fs.rmSync(env.VITEST_SUMMARY_FILE, { force: true });
  process.stdout.write(`\n== vitest: ${label}\n`);
  return new Promise((resolve) => {
    const child = spawn('npx', ['vitest', 'run', ...projects.flatMap((p) => ['--project', p])], {
      env: { ...process.env, ...env, FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const tag = `[${env.E2E_BROWSERS ?? 'tests'}] `;
    for (const stream of [child.stdout, child.stderr]) {
      let buf = '';
      stream.on('data', (d) => {
        buf += d;
        const lines = buf.split('\n');
        buf = lines.pop();
        for (const l of lines) process.stdout.write(tag + l + '\n');
      });
      stream.on('end', () => buf && process.stdout.write(tag + buf + '\n'));
    }
    child.on('close', (code) => {
      let counts = { passed: 0, failed: 1 }; // no summary: vitest did not finish
      try {
        counts = JSON.parse(fs.readFileSync(env.VITEST_SUMMARY_FILE, 'utf8'));
      } catch {
        console.error(`${tag}vitest wrote no summary`);
      }
      resolve({ code, ...counts });
    });
  });
}

const results = await Promise.all(runs.map(run));
const passed = results.reduce((n, r) => n + r.passed, 0) + (steps.length - failedSteps);
const failed = results.reduce((n, r) => n + r.failed, 0) + failedSteps;
const exitBad = results.some((r) => r.code !== 0);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 || exitBad ? 1 : 0);
