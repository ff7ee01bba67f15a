import { inventoryItem } from '@/lib/storage/items';
import { applyBadge } from '@/lib/platform/badge';
import { REMINDER_ALARM, scheduleAlarm } from '@/lib/platform/alarms';

/** Placeholder until lib/reminders lands: badge = number of active tokens. */
export async function reconcileReminders(_reason: string): Promise<void> {
  const inv = (await inventoryItem.getValue()) as { records?: unknown[] } | null;
  const n = inv?.records?.length ?? 0;
  await applyBadge({ text: n ? String(n) : '', color: '#e8710a' });
  await scheduleAlarm(REMINDER_ALARM, null);
}

export async function workspaceNeedsAttention(_ws: { host: string; tenantId?: string }): Promise<boolean> {
  return false;
}
