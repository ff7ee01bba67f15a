import { coachSessionItem } from '@/lib/storage/session-items';
import { openOrFocusTab, sendToTab } from '@/lib/platform/tabs';
import { parseCoachSession, type CoachSessionData } from '@/lib/coach/session';

/**
 * Per-tab coach state in session storage (survives worker restarts and page reloads, gone with
 * the browser session): whether the user sent the tab to the coach from the popup, and the
 * coach's own progress.
 */
interface TabEntry {
  requested?: boolean;
  rotateTokenId?: string;
  session?: unknown;
}
type Tabs = Record<string, TabEntry>;

async function readTabs(): Promise<Tabs> {
  const raw = (await coachSessionItem.getValue()) as { tabs?: Tabs } | null;
  return raw && typeof raw === 'object' && raw.tabs && typeof raw.tabs === 'object' ? raw.tabs : {};
}
async function writeTabs(tabs: Tabs) {
  await coachSessionItem.setValue({ tabs });
}

export async function coachRequestedFor(tabId: number): Promise<boolean> {
  return Boolean((await readTabs())[String(tabId)]?.requested);
}

export async function getCoachSession(tabId: number): Promise<{ session: CoachSessionData; requested: boolean; rotateTokenId?: string }> {
  const entry = (await readTabs())[String(tabId)] ?? {};
  return { session: parseCoachSession(entry.session), requested: !!entry.requested, rotateTokenId: entry.rotateTokenId };
}

export async function setCoachSession(tabId: number, session: unknown): Promise<void> {
  const tabs = await readTabs();
  const entry = tabs[String(tabId)] ?? {};
  entry.session = parseCoachSession(session); // only schema fields are ever stored
  tabs[String(tabId)] = entry;
  await writeTabs(tabs);
}

export async function forgetTab(tabId: number): Promise<void> {
  const tabs = await readTabs();
  if (!(String(tabId) in tabs)) return;
  delete tabs[String(tabId)];
  await writeTabs(tabs);
}

/** "Create a token safely" (or "Rotate"): open or focus a Wati tab and show the coach there. */
export async function openCoach(opts: { baseUrl: string; url?: string; rotateTokenId?: string }) {
  const url = opts.url ?? opts.baseUrl;
  const tabId = await openOrFocusTab(url, opts.baseUrl);
  if (tabId === undefined) return;
  const tabs = await readTabs();
  const prev = parseCoachSession(tabs[String(tabId)]?.session);
  tabs[String(tabId)] = {
    requested: true,
    rotateTokenId: opts.rotateTokenId,
    // Reopening undoes a dismissal; a rotation starts a fresh flow.
    session: opts.rotateTokenId ? { rotateFrom: opts.rotateTokenId } : { ...prev, dismissed: false },
  };
  await writeTabs(tabs);
  await sendToTab(tabId, { type: 'coach:show' });
}
