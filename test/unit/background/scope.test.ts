import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMessage } from '@/lib/background/router';
import { onTokenCopied, getClipboardStatus } from '@/lib/background/clipboard';

/**
 * Finding 8 (issue 10): every request of a content script is scoped to the workspace of the page that
 * sent it (from sender.url, never from the message); extension pages keep full access.
 */
const ours = { extensionId: 'ext-id', extensionOrigin: 'chrome-extension://ext-id' };
const popup = { id: 'ext-id', url: 'chrome-extension://ext-id/popup.html' };
/** Our content script on workspace A (tenant 10001 on live.wati.io). */
const onA = { id: 'ext-id', url: 'https://live.wati.io/10001/connectors/api-tokens', tab: { id: 7 }, frameId: 0 };
const FP = 'sha256:0123456789abcdef';
const DAY = 86_400_000;

function record(id: string, tenantId: string, over: Record<string, unknown> = {}) {
  const now = Date.now();
  return {
    id,
    workspace: { tenantId, host: 'live.wati.io' },
    name: `token-${id}`,
    scopes: ['contacts:read'],
    createdAt: new Date(now - 10 * DAY).toISOString(),
    // Expires in 5 days: every record needs attention (the banner would show it).
    expiresAt: new Date(now + 5 * DAY).toISOString(),
    source: 'captured',
    status: 'active',
    updatedAt: new Date(now).toISOString(),
    ...over,
  };
}

async function seed() {
  await fakeBrowser.storage.local.set({
    inventory: {
      version: 1,
      quarantine: [],
      records: [record('a1', '10001'), record('a2', '10001'), record('b1', '20002', { fingerprint: 'sha256:bbbbbbbbbbbbbbbb' })],
    },
  });
}

async function recordsById(): Promise<Record<string, { status: string; replacedBy?: string; name: string; workspace: { tenantId: string } }>> {
  const { inventory } = (await fakeBrowser.storage.local.get('inventory')) as {
    inventory: { records: Array<{ id: string; status: string; replacedBy?: string; name: string; workspace: { tenantId: string } }> };
  };
  return Object.fromEntries(inventory.records.map((r) => [r.id, r]));
}

const refused = { error: expect.stringMatching(/another workspace/) };

describe('background: content-script requests are scoped to the sender\'s workspace', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await seed();
  });
  afterEach(() => vi.restoreAllMocks());

  it('a page on workspace A cannot read B\'s attention list; its own list holds only A\'s tokens', async () => {
    expect(await handleMessage({ type: 'attention:get', workspace: { host: 'live.wati.io', tenantId: '20002' } }, onA, ours)).toEqual(refused);
    expect(await handleMessage({ type: 'attention:get', workspace: { host: 'app.wati.io', tenantId: '10001' } }, onA, ours)).toEqual(refused);
    const own = (await handleMessage({ type: 'attention:get', workspace: { host: 'live.wati.io', tenantId: '10001' } }, onA, ours)) as Array<{ tokenId: string }>;
    expect(own.map((i) => i.tokenId).sort()).toEqual(['a1', 'a2']);
    // Extension pages (the popup) keep full access.
    const b = (await handleMessage({ type: 'attention:get', workspace: { host: 'live.wati.io', tenantId: '20002' } }, popup, ours)) as Array<{ tokenId: string }>;
    expect(b.map((i) => i.tokenId)).toEqual(['b1']);
  });

  it('a page on A cannot mark B\'s records revoked, not even mixed in with its own: nothing changes', async () => {
    expect(await handleMessage({ type: 'inventory:mark-revoked', ids: ['b1'] }, onA, ours)).toEqual(refused);
    expect(await handleMessage({ type: 'inventory:mark-revoked', ids: ['a1', 'b1'] }, onA, ours)).toEqual(refused);
    let recs = await recordsById();
    expect([recs.a1!.status, recs.b1!.status]).toEqual(['active', 'active']);

    expect(await handleMessage({ type: 'inventory:mark-revoked', ids: ['a1'] }, onA, ours)).toEqual({ ok: true });
    expect(await handleMessage({ type: 'inventory:mark-revoked', ids: ['b1'] }, popup, ours)).toEqual({ ok: true });
    recs = await recordsById();
    expect([recs.a1!.status, recs.b1!.status]).toEqual(['revoked', 'revoked']);
  });

  it('a page on A cannot open the rotation of B\'s token; its own, and the popup, can', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    expect(await handleMessage({ type: 'token:rotate', id: 'b1' }, onA, ours)).toEqual(refused);
    expect(create).not.toHaveBeenCalled();
    expect(await handleMessage({ type: 'token:rotate', id: 'a1' }, onA, ours)).toEqual({ ok: true });
    expect(await handleMessage({ type: 'token:rotate', id: 'b1' }, popup, ours)).toEqual({ ok: true });
    expect(create.mock.calls.map((c) => (c[0] as { url: string }).url)).toEqual(['https://live.wati.io/10001', 'https://live.wati.io/20002']);
  });

  it('a page on A cannot make its token replace B\'s, nor overwrite B\'s record by id or fingerprint', async () => {
    expect(await handleMessage({ type: 'inventory:link-replacement', oldId: 'b1', newId: 'a2', revokeInHours: 0 }, onA, ours)).toEqual(refused);
    expect(await handleMessage({ type: 'inventory:capture', record: { ...record('b1', '10001'), name: 'hijacked' } }, onA, ours)).toEqual(refused);
    expect(
      await handleMessage({ type: 'inventory:capture', record: { ...record('new', '10001'), fingerprint: 'sha256:bbbbbbbbbbbbbbbb', name: 'hijacked' } }, onA, ours),
    ).toEqual(refused);
    const recs = await recordsById();
    expect(recs.b1).toMatchObject({ status: 'active', name: 'token-b1', workspace: { tenantId: '20002' } });
    expect(recs.b1!.replacedBy).toBeUndefined();
    expect(recs.new).toBeUndefined();
    // Within its own workspace it works.
    expect(await handleMessage({ type: 'inventory:link-replacement', oldId: 'a1', newId: 'a2', revokeInHours: 0 }, onA, ours)).toEqual({ ok: true });
    expect((await recordsById()).a1).toMatchObject({ status: 'replaced', replacedBy: 'a2' });
  });

  it('a page on A cannot sync a list into B', async () => {
    const res = await handleMessage({ type: 'inventory:sync', workspace: { host: 'live.wati.io', tenantId: '20002' }, rows: [] }, onA, ours);
    expect(res).toEqual(refused);
    expect((await recordsById()).b1!.status).toBe('active');
  });
});

describe('background: page:hello trusts sender.url, not the message', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await seed();
  });
  afterEach(() => vi.restoreAllMocks());

  it('a lying msg.url does not make the decision (nor remember a token page) for another workspace', async () => {
    await fakeBrowser.storage.local.set({ inventory: { version: 1, quarantine: [], records: [record('b1', '20002')] } });
    const inject = vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([] as never);
    // The sender is A's inbox (A has nothing needing attention); the message claims B's page (it has).
    const inboxA = { ...onA, url: 'https://live.wati.io/10001/teamInbox' };
    const res = await handleMessage({ type: 'page:hello', url: 'https://live.wati.io/20002/teamInbox', tokenPage: false }, inboxA, ours);
    expect(res).toEqual({ mount: false });
    expect(inject).not.toHaveBeenCalled();

    await handleMessage({ type: 'page:hello', url: 'https://live.wati.io/20002/connectors/api-tokens', tokenPage: true }, inboxA, ours);
    const { tokenPages } = (await fakeBrowser.storage.local.get('tokenPages')) as { tokenPages: Record<string, { url: string }> };
    expect(Object.keys(tokenPages)).toEqual(['https://live.wati.io/10001']);
    expect(JSON.stringify(tokenPages)).not.toContain('20002');
  });

  it('the sender\'s own workspace still gets the overlay', async () => {
    const inject = vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([] as never);
    const inboxA = { ...onA, url: 'https://live.wati.io/10001/teamInbox' };
    expect(await handleMessage({ type: 'page:hello', url: inboxA.url, tokenPage: false }, inboxA, ours)).toEqual({ mount: true });
    expect(inject).toHaveBeenCalledTimes(1);
  });
});

describe('background: who may cancel the pending clipboard clear', () => {
  beforeEach(() => fakeBrowser.reset());

  it('clipboard:user-copied is accepted only from our content script on a Wati tab', async () => {
    await onTokenCopied(FP);
    expect(await handleMessage({ type: 'clipboard:user-copied', fingerprint: 'sha256:ffffffffffffffff' }, popup, ours)).toBeUndefined();
    expect((await getClipboardStatus()).pending?.fingerprint).toBe(FP);
    await handleMessage({ type: 'clipboard:user-copied', fingerprint: 'sha256:ffffffffffffffff' }, onA, ours);
    expect((await getClipboardStatus()).pending).toBeNull();
  });

  it('the MAIN-world signal (Wati wrote the clipboard) never cancels it', async () => {
    const before = await onTokenCopied(FP);
    expect(await handleMessage({ type: 'clipboard:page-wrote', fingerprint: 'sha256:ffffffffffffffff' }, onA, ours)).toEqual({ ok: true });
    expect(await handleMessage({ type: 'clipboard:page-wrote' }, onA, ours)).toEqual({ ok: true });
    expect((await getClipboardStatus()).pending).toEqual(before.pending); // kept, not postponed
  });
});
