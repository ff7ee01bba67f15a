import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import path from 'node:path';

// One config, four tiers. `npm test` runs unit + dom + e2e (see test/run-all.mjs);
// `npm run bench` runs the bench project, which prints numbers and asserts no timings.
export default defineConfig({
  plugins: [WxtVitest()],
  resolve: {
    // WXT aliases `wxt/browser` to its fake browser; @wxt-dev/storage imports the browser from
    // @wxt-dev/browser directly, so point that at the same fake (and let vite process both).
    alias: [{ find: /^@wxt-dev\/browser$/, replacement: path.resolve('node_modules/wxt/dist/virtual/mock-browser.mjs') }],
  },
  test: {
    server: { deps: { inline: ['@wxt-dev/storage', '@wxt-dev/browser'] } },
    reporters: ['default', './test/summary-reporter.ts'],
    projects: [
      {
        extends: true,
        test: { name: 'unit', environment: 'node', include: ['test/unit/**/*.test.{ts,tsx}'] },
      },
      {
        extends: true,
        test: { name: 'dom', environment: 'happy-dom', include: ['test/dom/**/*.test.{ts,tsx}'] },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.e2e.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 90_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'bench',
          environment: 'node',
          include: ['test/bench/**/*.bench.test.ts'],
          testTimeout: 600_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
