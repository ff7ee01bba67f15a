#!/usr/bin/env node
// web-ext lint on the Firefox build: fails on any error. Warnings are printed; the known ones
// come from react-dom (innerHTML in its own code) and are listed in the README.
import { spawnSync } from 'node:child_process';

const r = spawnSync('npx', ['web-ext', 'lint', '--source-dir', '.output/firefox-mv3', '--output', 'json', '--no-config-discovery'], {
  encoding: 'utf8',
});
let report;
try {
  report = JSON.parse(r.stdout);
} catch {
  console.error(r.stdout, r.stderr);
  process.exit(1);
}
const { errors = [], warnings = [] } = report;
for (const w of warnings) console.log(`warning ${w.code}: ${w.file ?? ''} ${w.message}`);
for (const e of errors) console.log(`ERROR ${e.code}: ${e.file ?? ''} ${e.message}`);
console.log(`web-ext lint: ${errors.length} errors, ${warnings.length} warnings`);
process.exit(errors.length ? 1 : 0);
