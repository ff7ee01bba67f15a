import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LOOK_AT_MS, startSentry } from '@/lib/overlay/sentry';

describe('the sentry', () => {
  let controller: AbortController;
  let url: string;
  let tokenPage: boolean;
  let scans: number;
  let hellos: Array<[string, boolean]>;

  beforeEach(() => {
    vi.useFakeTimers();
    controller = new AbortController();
    url = 'https://app.wati.io/teamInbox';
    tokenPage = false;
    scans = 0;
    hellos = [];
  });
  afterEach(() => {
    controller.abort();
    vi.useRealTimers();
  });

  const start = () =>
    startSentry(document, {
      url: () => url,
      looksLikeTokenPage: () => {
        scans++;
        return tokenPage;
      },
      hello: async (u, t) => {
        hellos.push([u, t]);
        return false;
      },
      userCopied: () => {},
      pageWroteClipboard: () => {},
      isOverlayMounted: () => false,
      signal: controller.signal,
      now: () => Date.now(),
    });

  it('says hello once per page, and again when a late-rendering token page appears', async () => {
    start();
    expect(hellos).toEqual([['https://app.wati.io/teamInbox', false]]);
    await vi.advanceTimersByTimeAsync(2_000);
    tokenPage = true; // the heading renders late, with no URL change
    await vi.advanceTimersByTimeAsync(1_500);
    expect(hellos.at(-1)).toEqual(['https://app.wati.io/teamInbox', true]);
  });

  it('notices client-side navigation and starts looking again', async () => {
    start();
    await vi.advanceTimersByTimeAsync(30_000);
    const before = scans;
    await vi.advanceTimersByTimeAsync(30_000);
    expect(scans).toBe(before); // done looking: a quiet page costs a URL compare twice a second, nothing else
    url = 'https://app.wati.io/connectors/api-tokens';
    tokenPage = true;
    await vi.advanceTimersByTimeAsync(600);
    expect(hellos.at(-1)).toEqual(['https://app.wati.io/connectors/api-tokens', true]);
  });

  it('scans a bounded number of times after a navigation', async () => {
    start();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(scans).toBeLessThanOrEqual(LOOK_AT_MS.length);
    expect(scans).toBeGreaterThan(3);
  });
});
