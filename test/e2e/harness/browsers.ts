import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Sandbox } from '../../sandbox/server.ts';
import { GECKO_ID } from '../../../wxt.config.ts';

export type BrowserName = 'chrome' | 'firefox';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** Fixed moz-extension:// UUID (pref extensions.webextensions.uuids), so tests know the origin. */
export const FIREFOX_UUID = '7b0f2a8e-9c1d-4e3f-8a5b-2c6d7e8f9a01';
export const OUT_DIR: Record<BrowserName, string> = {
  chrome: path.resolve('.output/chrome-mv3'),
  firefox: path.resolve('.output/firefox-mv3'),
};
export const E2E_BROWSERS = (process.env.E2E_BROWSERS ?? 'chrome,firefox').split(',') as BrowserName[];

export interface ExtBrowser {
  name: BrowserName;
  browser: Browser;
  /** chrome-extension://ID or moz-extension://UUID */
  extOrigin: string;
  /** Opens an extension page (e.g. /popup.html) in a new tab. */
  openExtensionPage(pathname: string): Promise<Page>;
  /** Evaluates `async () => ...` source with the extension APIs (`browser`/`chrome`) in an extension context. */
  evalInExtension<T>(fn: string): Promise<T>;
  /** Stops the background (Chrome: the service worker; Firefox: the non-persistent event page). */
  stopBackground(): Promise<void>;
  close(): Promise<void>;
}

const CHROMIUM_ARGS = [
  '--no-sandbox', // running as root in CI
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking', // otherwise floods closed outbound connections on this network
  '--disable-component-update',
  '--disable-sync',
];

/** Hosts the sandbox answers for (plus a non-Wati site for negative tests). */
const MAPPED_HOSTS = ['app.wati.io', '*.wati.io', 'example.com'];

/** `extDir: null` launches the same browser with the same flags but no extension (the baseline of test/bench). */
export async function launchChromium(sandbox: Sandbox, opts: { headless?: boolean; extDir?: string | null } = {}): Promise<ExtBrowser> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wtg-chromium-'));
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: opts.headless ?? true,
    pipe: true, // required by installExtension (CDP Extensions.loadUnpacked)
    enableExtensions: true,
    acceptInsecureCerts: true, // the sandbox's self-signed *.wati.io certificate
    userDataDir,
    defaultViewport: { width: 1366, height: 860 },
    args: [...CHROMIUM_ARGS, `--host-resolver-rules=${MAPPED_HOSTS.map((h) => `MAP ${h} 127.0.0.1:${sandbox.httpsPort}`).join(',')}`],
  });
  if (opts.extDir === null) {
    const none = async (): Promise<never> => {
      throw new Error('launchChromium({ extDir: null }) has no extension');
    };
    return {
      name: 'chrome',
      browser,
      extOrigin: '',
      openExtensionPage: none,
      evalInExtension: none,
      stopBackground: none,
      async close() {
        await browser.close();
        fs.rmSync(userDataDir, { recursive: true, force: true });
      },
    };
  }
  const id = await browser.installExtension(opts.extDir ?? OUT_DIR.chrome);
  const extOrigin = `chrome-extension://${id}`;
  const findWorker = async () => {
    const target = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(extOrigin), { timeout: 15_000 });
    return (await target.worker())!;
  };
  for (const origin of ['https://app.wati.io', 'https://live.wati.io', 'https://live-7.wati.io', 'https://acme.wati.io']) {
    await browser.defaultBrowserContext().overridePermissions(origin, ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write']);
  }
  let worker = await findWorker();
  return {
    name: 'chrome',
    browser,
    extOrigin,
    async openExtensionPage(pathname) {
      const page = await browser.newPage();
      await page.goto(extOrigin + pathname);
      return page;
    },
    async evalInExtension<T>(fn: string) {
      try {
        return (await worker.evaluate(`(${fn})()`)) as T;
      } catch (e) {
        // The worker may have been stopped (by a test or by Chrome): find the new one and retry once.
        if (!/Target closed|detached|Session closed|not found/i.test(String(e))) throw e;
        await wakeChromeWorker(browser, extOrigin);
        worker = await findWorker();
        return (await worker.evaluate(`(${fn})()`)) as T;
      }
    },
    async stopBackground() {
      // worker.close() detaches puppeteer and stops the worker (CDP stopWorker while attached would
      // leave the next start stuck waiting for the debugger; see toolchain.md).
      // The worker is gone at once; any extension event (an open page polling it, an alarm) starts
      // a new one, which is what the tests rely on. Its module state (timers) is lost.
      const old = worker;
      await old.close();
      worker = undefined as never;
      await new Promise((r) => setTimeout(r, 200));
      worker = await findWorker().catch(async () => {
        await wakeChromeWorker(browser, extOrigin);
        return findWorker();
      });
    },
    async close() {
      await browser.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Opens and closes an extension page: any extension event starts the worker again. */
async function wakeChromeWorker(browser: Browser, extOrigin: string) {
  const p = await browser.newPage();
  await p.goto(`${extOrigin}/popup.html`).catch(() => {});
  await p.close();
}

export async function launchFirefox(sandbox: Sandbox, opts: { headless?: boolean; extDir?: string; env?: NodeJS.ProcessEnv } = {}): Promise<ExtBrowser> {
  const pac = `function FindProxyForURL(url, host) {
    if (host === 'wati.io' || dnsDomainIs(host, '.wati.io') || host === 'example.com') return 'PROXY 127.0.0.1:${sandbox.proxyPort}';
    return 'DIRECT';
  }`;
  const browser = await puppeteer.launch({
    browser: 'firefox', // WebDriver BiDi
    executablePath: FIREFOX,
    headless: opts.headless ?? true,
    acceptInsecureCerts: true,
    defaultViewport: { width: 1366, height: 860 },
    env: opts.env,
    // lets BiDi navigate tabs to moz-extension:// URLs and reach the privileged scope (stopBackground)
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'network.proxy.type': 2,
      'network.proxy.autoconfig_url': 'data:text/plain,' + encodeURIComponent(pac),
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
      // allow navigator.clipboard.readText() in tests without the paste prompt
      'dom.events.asyncClipboard.readText': true,
      'dom.events.testing.asyncClipboard': true,
      // MV3 host permissions are granted at install like Chrome's (the user sees them in the prompt)
      'extensions.originControls.grantByDefault': true,
    },
  });
  await browser.installExtension(opts.extDir ?? OUT_DIR.firefox); // BiDi webExtension.install (temporary add-on)
  const extOrigin = `moz-extension://${FIREFOX_UUID}`;
  let bgPage: Page | undefined;
  const ext: ExtBrowser = {
    name: 'firefox',
    browser,
    extOrigin,
    async openExtensionPage(pathname) {
      const page = await browser.newPage();
      const url = extOrigin + pathname;
      // Firefox BiDi never reports 'load' for moz-extension:// navigations: don't await goto, poll.
      page.goto(url).catch(() => {});
      await waitFor(
        () => page.evaluate(() => location.href + '|' + document.readyState).catch(() => ''),
        (v) => v === url + '|complete',
      );
      return page;
    },
    async evalInExtension<T>(fn: string) {
      // No BiDi handle on the background page; an extension page shares its storage and APIs.
      bgPage ??= await ext.openExtensionPage('/popup.html');
      return (await bgPage.evaluate(`(${fn})()`)) as T;
    },
    async stopBackground() {
      await terminateFirefoxBackground(browser, GECKO_ID);
    },
    async close() {
      await browser.close();
    },
  };
  return ext;
}

/**
 * Firefox: stop the non-persistent background deterministically through the privileged
 * ("chrome") scope of WebDriver BiDi. Internal API: kept in this one helper.
 */
async function terminateFirefoxBackground(browser: Browser, geckoId: string): Promise<void> {
  const conn = (browser as unknown as { connection?: BidiConnection; _connection?: BidiConnection }).connection ??
    (browser as unknown as { _connection?: BidiConnection })._connection;
  if (!conn) throw new Error('no BiDi connection on this puppeteer Browser');
  const tree = await conn.send('browsingContext.getTree', { 'moz:scope': 'chrome' } as never);
  const context = (tree.result as { contexts: Array<{ context: string }> }).contexts[0]?.context;
  if (!context) throw new Error('no chrome-scope browsing context');
  await conn.send('script.evaluate', {
    expression: `(async () => {
      const policy = WebExtensionPolicy.getByID(${JSON.stringify(geckoId)});
      await policy.extension.terminateBackground({ disableResetIdleForTest: true, ignoreDevToolsAttached: true });
      return 'ok';
    })()`,
    target: { context },
    awaitPromise: true,
  } as never);
}

interface BidiConnection {
  send(method: string, params: unknown): Promise<{ result: unknown }>;
}

export async function waitFor<T>(fn: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 10_000, what = 'condition'): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    last = await fn();
    if (ok(last)) return last;
    if (Date.now() > end) throw new Error(`waitFor(${what}) timed out; last value: ${JSON.stringify(last)?.slice(0, 500)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
