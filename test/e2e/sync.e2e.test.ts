import { beforeAll, describe, expect, it } from 'vitest';
import { E2E_BROWSERS } from './harness/browsers';
import { API, ui, useExtension, waitFor } from './harness/setup';
import { FORM_VARIANTS, clickUi, openTokenPage } from './harness/flows';

interface StoredRecord {
  id: string;
  name: string;
  status: string;
  source: string;
  expiresAt: string | null;
  workspace: { host: string; tenantId: string };
}

describe.each(E2E_BROWSERS)('%s: sync from Wati\'s token list', (name) => {
  const t = useExtension(name);
  const records = () =>
    t.ext.evalInExtension<StoredRecord[]>(`async () => { ${API} return (await api.storage.local.get('inventory')).inventory?.records ?? []; }`);

  beforeAll(() => {
    // A token that stays: an empty list of cards is indistinguishable from "no list here", and the sync
    // rightly offers nothing when it cannot see a list.
    t.sandbox.addToken({ tenantId: '10001', name: 'website-chat-prod', scopes: ['conversationsv3:write'], expiresAt: null });
  });

  it.each(FORM_VARIANTS)('on %s: tokens made elsewhere are added, and tokens gone from the list are offered for revoking', async (variant) => {
    const tokenName = `erp-import-${variant}`;
    const seeded = t.sandbox.addToken({ tenantId: '10001', name: tokenName, scopes: ['contacts:read'], expiresAt: '2027-03-31T00:00:00.000Z', createdAt: '2026-10-01T09:00:00.000Z' });
    const page = await openTokenPage(t.open, variant);
    const rec = await waitFor(records, (rs) => rs.some((r) => r.name === tokenName), 20_000, 'synced record').then((rs) => rs.find((r) => r.name === tokenName)!);
    expect(rec).toMatchObject({ source: 'synced', status: 'active', workspace: { host: 'app.wati.io', tenantId: '10001' } });
    expect(rec.expiresAt?.slice(0, 10)).toBe('2027-03-31');
    await page.close();

    // Revoked and removed from Wati elsewhere: the next visit offers to mark it revoked.
    t.sandbox.deleteToken(seeded.id);
    const again = await openTokenPage(t.open, variant);
    await again.waitForSelector(ui('sync-missing'), { timeout: 20_000 });
    expect(await again.$eval(ui('sync-missing'), (e) => e.textContent)).toContain(tokenName);
    // A one-line bar when there is no room for the list: the harness expands it first, like a user.
    await clickUi(again, 'sync-mark-revoked');
    await waitFor(records, (rs) => rs.find((r) => r.name === tokenName)?.status === 'revoked', 10_000, 'marked revoked');
    await again.close();
  });
});
