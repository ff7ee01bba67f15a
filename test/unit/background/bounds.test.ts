import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

/** Security review, issue 10 finding 6: bounded growth, grouped notifications, no silent failed write. */
const shown: Array<{ id: string; title: string; message: string }> = [];
vi.mock('@/lib/platform/notifications', () => ({
  showNotification: vi.fn(async (n: { id: string; title: string; message: string }) => {
    shown.push(n);
    return n.id;
  }),
  clearNotification: vi.fn(async () => undefined),
}));

const { reconcileReminders, SUMMARY_NOTIFICATION_ID, MAX_INDIVIDUAL_NOTIFICATIONS } = await import('@/lib/background/reminders');
const { captureRecord, syncFromList, readInventory } = await import('@/lib/background/inventory');
const { rememberTokenPage, tokenPageFor, MAX_TOKEN_PAGES } = await import('@/lib/background/token-pages');
const { readWriteError } = await import('@/lib/background/write-errors');
const { MAX_RECORDS_PER_WORKSPACE, MAX_NEW_SYNCED_PER_PASS } = await import('@/lib/tokens/sync');

const DAY = 86_400_000;
const WS = { host: 'live-mt-server.wati.io', tenantId: '123456' };

function dueRecord(i: number, now: number) {
  return {
    id: `tok-${i}`,
    workspace: WS,
    name: `token-${i}`,
    scopes: ['contacts:read'],
    createdAt: new Date(now - 10 * DAY).toISOString(),
    expiresAt: new Date(now + 2.5 * DAY).toISOString(),
    source: 'captured',
    status: 'active',
    updatedAt: new Date(now).toISOString(),
  };
}

describe('finding 6: bounds', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    shown.length = 0;
    vi.restoreAllMocks();
  });

  it('2,000 due tokens: 3 notifications and one summary that opens the popup, each delivered once', async () => {
    const now = Date.now();
    await fakeBrowser.storage.local.set({ inventory: { version: 1, quarantine: [], records: Array.from({ length: 2_000 }, (_, i) => dueRecord(i, now)) } });
    await reconcileReminders('test');
    expect(MAX_INDIVIDUAL_NOTIFICATIONS).toBe(3);
    expect(shown).toHaveLength(4);
    expect(shown.at(-1)).toMatchObject({ id: SUMMARY_NOTIFICATION_ID, message: '1997 more tokens need attention. Open Wati Token Guard to see them.' });
    await reconcileReminders('again');
    expect(shown).toHaveLength(4);
  });

  it('a sync pass adds at most 200 new records and says how many are left for next time', async () => {
    const rows = Array.from({ length: 2_500 }, (_, i) => ({ name: `listed-${i}`, createdAt: '2026-01-01' }));
    const first = await syncFromList(WS, rows);
    expect(MAX_NEW_SYNCED_PER_PASS).toBe(200);
    expect(first.added).toHaveLength(200);
    expect(first.leftForNextTime).toBe(2_300);
    const second = await syncFromList(WS, rows);
    expect(second.added).toHaveLength(200);
    expect(second.leftForNextTime).toBe(2_100);
    expect((await readInventory()).inventory.records).toHaveLength(400);
  });

  it('a workspace holds at most 2,000 records: sync stops there and says so; a capture is refused with a message', async () => {
    const now = Date.now();
    const records = Array.from({ length: MAX_RECORDS_PER_WORKSPACE - 5 }, (_, i) => ({ ...dueRecord(i, now), expiresAt: null }));
    await fakeBrowser.storage.local.set({ inventory: { version: 1, quarantine: [], records } });
    const r = await syncFromList(WS, Array.from({ length: 50 }, (_, i) => ({ name: `new-${i}` })));
    expect(r.added).toHaveLength(5);
    expect(r.workspaceFull).toBe(true);
    expect(r.leftForNextTime).toBe(45);
    const c = await captureRecord({ id: 'cap-1', name: 'captured', scopes: [], createdAt: new Date(now).toISOString(), expiresAt: null, fingerprint: 'sha256:0123456789abcdef', workspace: WS });
    expect(c).toEqual({ error: expect.stringMatching(/^Could not save: this workspace already has 2000 tokens/) });
    expect(await readWriteError()).toMatchObject({ message: expect.stringMatching(/^Could not save: /) });
  });

  it('keeps the token-page URLs of at most 50 workspaces, the most recent', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    for (let i = 0; i < 80; i++) {
      vi.setSystemTime(1_000_000 + i);
      await rememberTokenPage(`https://ws${i}.wati.io`, `https://ws${i}.wati.io/connectors/api-tokens`);
    }
    vi.useRealTimers();
    const stored = (await fakeBrowser.storage.local.get('tokenPages')).tokenPages as Record<string, unknown>;
    expect(MAX_TOKEN_PAGES).toBe(50);
    expect(Object.keys(stored)).toHaveLength(50);
    expect(await tokenPageFor('https://ws79.wati.io')).toBe('https://ws79.wati.io/connectors/api-tokens');
    expect(await tokenPageFor('https://ws0.wati.io')).toBeUndefined();
  });

  it('a failed write (storage full) is never silent: the capture says so and the popup state records it', async () => {
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    const c = await captureRecord({ id: 'cap-1', name: 'captured', scopes: [], createdAt: new Date().toISOString(), expiresAt: null, fingerprint: 'sha256:0123456789abcdef', workspace: WS });
    expect(c).toEqual({ error: 'Could not save: QUOTA_BYTES quota exceeded' });
    expect(await readWriteError()).toMatchObject({ message: 'Could not save: QUOTA_BYTES quota exceeded', what: 'inventory' });
  });
});
