import { afterAll, beforeAll } from 'vitest';
import type { Page } from 'puppeteer-core';
import { startSandbox, type Sandbox } from '../../sandbox/server.ts';
import { launchChromium, launchFirefox, waitFor, type BrowserName, type ExtBrowser } from './browsers.ts';

import { HOST, ui } from './selectors.ts';

export { HOST, ui };
/** `const api = …` prelude for evalInExtension sources. */
export const API = 'const api = globalThis.browser ?? globalThis.chrome;';

export interface E2E {
  sandbox: Sandbox;
  ext: ExtBrowser;
  name: BrowserName;
  /** Opens a new tab on `url` and waits for the page to load. */
  open(url: string): Promise<Page>;
}

/** Starts one sandbox and one browser with the built extension for the enclosing describe block. */
export function useExtension(name: BrowserName): E2E {
  const ctx = { name } as E2E;
  beforeAll(async () => {
    ctx.sandbox = await startSandbox();
    ctx.ext = name === 'chrome' ? await launchChromium(ctx.sandbox) : await launchFirefox(ctx.sandbox);
    ctx.open = async (url) => {
      const page = await ctx.ext.browser.newPage();
      await page.goto(url, { waitUntil: 'load' });
      return page;
    };
  });
  afterAll(async () => {
    await ctx.ext?.close();
    await ctx.sandbox?.close();
  });
  return ctx;
}

/** Whether the overlay's host element exists in the page. */
export async function hasOverlay(page: Page): Promise<boolean> {
  return page.evaluate((host) => document.querySelector(host) !== null, HOST);
}

export async function textOf(page: Page, selector: string): Promise<string> {
  return page.$eval(selector, (e) => e.textContent ?? '');
}

export { waitFor };
