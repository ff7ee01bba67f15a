import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { E2E_BROWSERS } from './harness/browsers';
import { API, useExtension, waitFor } from './harness/setup';

const now = new Date().toISOString();
const record = (id: string, name: string) => ({
  id,
  workspace: { tenantId: '10001', host: 'app.wati.io' },
  name,
  scopes: ['contacts:read'],
  createdAt: now,
  expiresAt: null,
  source: 'manual',
  status: 'active',
  updatedAt: now,
});

describe.each(E2E_BROWSERS)('%s: import in the options page', (name) => {
  const t = useExtension(name);
  const inventory = () => t.ext.evalInExtension<{ records: Array<{ id: string; name: string }> }>(`async () => { ${API} return (await api.storage.local.get('inventory')).inventory; }`);
  const writeFile = (content: string) => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wtg-import-')), 'backup.json');
    fs.writeFileSync(file, content);
    return file;
  };

  it('a malformed file changes nothing and names the problem; a valid one merges without losing anything', async () => {
    await t.ext.evalInExtension(`async () => { ${API} await api.storage.local.set({ inventory: { version: 1, quarantine: [], records: [${JSON.stringify(record('keep-1', 'crm-sync-prod'))}] } }); }`);
    const before = await inventory();
    const options = await t.ext.openExtensionPage('/options.html');

    const bad = { format: 'wati-token-guard', version: 1, exportedAt: now, inventory: { version: 1, quarantine: [], records: [{ ...record('new-1', 'ok'), expiresAt: 'next tuesday' }] } };
    const input = (await options.waitForSelector('[data-testid="import-file"]')) as import('puppeteer-core').ElementHandle<HTMLInputElement>;
    await input!.uploadFile(writeFile(JSON.stringify(bad)));
    await options.waitForSelector('[data-testid="import-errors"]');
    const errors = await options.$eval('[data-testid="import-errors"]', (e) => e.textContent ?? '');
    expect(errors).toContain('records[0].expiresAt');
    expect(await inventory()).toEqual(before);

    const good = { format: 'wati-token-guard', version: 1, exportedAt: now, inventory: { version: 1, quarantine: [], records: [record('new-2', 'erp-import-prod')] } };
    await input!.uploadFile(writeFile(JSON.stringify(good)));
    await options.waitForSelector('[data-testid="import-preview"]');
    await options.locator('[data-testid="import-confirm"]').click();
    const after = await waitFor(inventory, (inv) => inv.records.length === 2, 10_000, 'merged');
    expect(after.records.map((r) => r.name).sort()).toEqual(['crm-sync-prod', 'erp-import-prod']);
    await options.close();
  });
});
