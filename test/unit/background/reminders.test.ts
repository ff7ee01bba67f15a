import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

const shown: string[] = [];
vi.mock('@/lib/platform/notifications', () => ({
  showNotification: vi.fn(async (n: { id: string }) => {
    shown.push(n.id);
    return n.id;
  }),
  clearNotification: vi.fn(async () => undefined),
}));
const { reconcileReminders, tokenIdOfNotification } = await import('@/lib/background/reminders');

const DAY = 86_400_000;

describe('background: reminders on the fake browser', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    shown.length = 0;
  });

  it('notifies a due milestone once, sets the badge, and sets one alarm for the next change', async () => {
    const now = Date.now();
    await fakeBrowser.storage.local.set({
      inventory: {
        version: 1,
        quarantine: [],
        records: [
          {
            id: 'tok-1',
            workspace: { tenantId: '10001', host: 'app.wati.io' },
            name: 'crm-sync-prod',
            scopes: ['contacts:read'],
            createdAt: new Date(now - 10 * DAY).toISOString(),
            expiresAt: new Date(now + 6.5 * DAY).toISOString(),
            source: 'captured',
            status: 'active',
            updatedAt: new Date(now).toISOString(),
          },
        ],
      },
    });
    await reconcileReminders('test');
    expect(shown).toEqual(['expiry:tok-1:7d']);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
    const alarm = await fakeBrowser.alarms.get('reminders:next');
    expect(alarm?.scheduledTime).toBeGreaterThan(now);

    // A restarted worker reconciles again: nothing is delivered twice.
    await reconcileReminders('startup');
    expect(shown).toEqual(['expiry:tok-1:7d']);
  });

  it('maps notification ids back to tokens', () => {
    expect(tokenIdOfNotification('expiry:fp:abc:7d')).toBe('fp:abc');
    expect(tokenIdOfNotification('rotation:tok-1')).toBe('tok-1');
    expect(tokenIdOfNotification('junk')).toBeUndefined();
  });
});
