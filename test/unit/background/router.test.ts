import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMessage } from '@/lib/background/router';

const ours = { extensionId: 'ext-id', extensionOrigin: 'chrome-extension://ext-id' };
const page = { id: 'ext-id', url: 'chrome-extension://ext-id/popup.html' };
const wati = { id: 'ext-id', url: 'https://app.wati.io/connectors/api-tokens', tab: { id: 7 }, frameId: 0 };

describe('background: message checks', () => {
  beforeEach(() => fakeBrowser.reset());

  it('ignores other extensions, web pages and our content script outside the dashboard', async () => {
    const msg = { type: 'clipboard:status' };
    expect(await handleMessage(msg, { id: 'other', url: 'chrome-extension://other/x.html' }, ours)).toBeUndefined();
    expect(await handleMessage(msg, { id: 'ext-id', url: 'https://evil.example/', tab: { id: 1 } }, ours)).toBeUndefined();
    expect(await handleMessage(msg, { id: 'ext-id', url: 'https://live-mt-server.wati.io/api', tab: { id: 1 } }, ours)).toBeUndefined();
    expect(await handleMessage(msg, page, ours)).toEqual({ pending: null });
  });

  it('rejects malformed messages, and a clipboard message carrying anything but a fingerprint', async () => {
    expect(await handleMessage({ type: 'nope' }, page, ours)).toBeUndefined();
    expect(await handleMessage({ type: 'clipboard:copied', fingerprint: 'eyJhbGciOiJIUzI1NiJ9.e30.sig' }, wati, ours)).toBeUndefined();
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
  });

  it('lets only extension pages edit or delete records, and only the dashboard capture them', async () => {
    expect(await handleMessage({ type: 'inventory:delete', id: 'x' }, wati, ours)).toBeUndefined();
    expect(await handleMessage({ type: 'inventory:capture', record: { name: 'x' } }, page, ours)).toBeUndefined();
  });

  it('captures metadata into the inventory under the sender page\'s workspace, whatever the message claims', async () => {
    const res = (await handleMessage(
      {
        type: 'inventory:capture',
        record: {
          id: 'r1',
          name: 'crm-sync-prod',
          scopes: ['contacts:read'],
          createdAt: new Date().toISOString(),
          expiresAt: null,
          fingerprint: 'sha256:0123456789abcdef',
          source: 'captured',
          workspace: { host: 'evil.example', tenantId: '10001' },
        },
      },
      wati,
      ours,
    )) as { id: string };
    expect(res.id).toBe('r1');
    const { inventory } = (await fakeBrowser.storage.local.get('inventory')) as { inventory: { records: Array<{ workspace: { host: string } }> } };
    expect(inventory.records[0]!.workspace.host).toBe('app.wati.io');
  });
});
