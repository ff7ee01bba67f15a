import { createStore, type Store } from '@/lib/overlay/store';
import type { FeatureContext } from '@/lib/overlay/feature';
import { sendToBackground } from '@/lib/platform/messages';
import { inventoryItem, settingsItem } from '@/lib/storage/items';
import { findById, parseInventory } from '@/lib/tokens/record';
import { parseSettings, type Settings } from '@/lib/storage/settings';
import { parseCoachSession, type CoachSessionData } from '@/lib/coach/session';
import type { FormSnapshot } from '@/lib/coach/steps';
import type { IntentInputResult } from '@/lib/coach/intent-input';
import { looksLikeTokenPage, readTokenPage } from '@/lib/wati-page/detect';
import { hasFormLikeContent } from '@/lib/wati-page/form-like';
import type { ScopeFormState, TokenPage } from '@/lib/wati-page/types';

/** Everything the coach renders from: the page as last read, the session, the settings. */
export interface CoachState {
  ready: boolean;
  settings: Settings;
  /** The user sent this tab to the coach from the popup (shows it on any dashboard page). */
  requested: boolean;
  session: CoachSessionData;
  onTokenPage: boolean;
  page?: TokenPage;
  /** The form as last seen (kept when the form closes as the token appears). */
  lastForm?: FormSnapshot;
  /** The page is the token page but its form cannot be read: manual checklist. */
  unrecognised: boolean;
  /** Rotation: the token being replaced (metadata from the inventory). */
  rotating?: { id: string; name: string; scopes: string[] };
}

export interface CoachController {
  store: Store<CoachState>;
  refresh(): void;
  updateSession(patch: Partial<CoachSessionData>): void;
  /**
   * What the user pasted into the intent box and what was read from it, in this page's memory only (never in
   * the session, which is stored): the box keeps its text when the coach turns into a one-line bar and back.
   */
  draft?: { pasteText: string; stripped: number; read?: IntentInputResult };
}

/** How long the token page may show no form and no "Generate new token" button before we say so. */
export const UNRECOGNISED_AFTER_MS = 6_000;
/** How long after "Generate new token" a readable form may take to appear (slow pages included). */
export const FORM_AFTER_OPEN_MS = 5_000;

/** How long after Generate the token may take to appear and still be filed with that moment's form. */
export const GENERATE_SNAPSHOT_MS = 60_000;

/**
 * Whether an event is the user asking Wati to generate: a click on the form's Generate button, the
 * form's submit, or Enter in one of its text fields (which submits a native form).
 */
export function isGeneratePress(e: Event, path: EventTarget[], form: ScopeFormState | undefined): boolean {
  if (!form) return false;
  if (e.type === 'click') return !!form.generate && path.includes(form.generate);
  const inForm = path.some((t) => t instanceof Node && (t === form.container || t === form.region));
  if (e.type === 'submit') return inForm || (e.target instanceof Node && e.target.contains(form.container));
  if (e.type === 'keydown') {
    const k = e as KeyboardEvent;
    return k.key === 'Enter' && inForm && (e.target as Element | null)?.localName === 'input';
  }
  return false;
}

export function snapshotForm(form: ScopeFormState): FormSnapshot {
  const exp = form.expiry;
  let expiry: FormSnapshot['expiry'] = { kind: 'unknown' };
  if (!exp) expiry = { kind: 'unknown' };
  else if (exp.neverToggle?.checked) expiry = { kind: 'none' };
  else if (exp.date) expiry = { kind: 'date', date: exp.date };
  else if (typeof exp.days === 'number') expiry = { kind: 'days', days: exp.days };
  else if (exp.days === null || exp.value === '') expiry = { kind: 'none' };
  return {
    name: form.name?.value ?? '',
    scopes: form.scopes.filter((s) => s.checked).map((s) => s.raw),
    expiry,
  };
}

export function createCoachController(ctx: FeatureContext): CoachController {
  const store = createStore<CoachState>({
    ready: false,
    settings: parseSettings(undefined).settings,
    requested: false,
    session: {},
    onTokenPage: false,
    unrecognised: false,
  });
  let tokenPageSince: number | undefined;
  /** When the user pressed Wati's "Generate new token": if no readable form follows, the page is unreadable. */
  let openClickedAt: number | undefined;
  /** The form as last read (its elements), and what it held when the user last pressed Generate. */
  let currentForm: ScopeFormState | undefined;
  let generatedAt: { at: number; form: FormSnapshot } | undefined;

  // Session changes come from user actions (rare): send each at once, so a reload right after a
  // click (e.g. dismiss) cannot lose it. Changes in the same task are coalesced.
  let pending = false;
  const persist = () => {
    if (pending) return;
    pending = true;
    queueMicrotask(() => {
      pending = false;
      void sendToBackground({ type: 'coach:session:set', session: store.get().session as Record<string, unknown> });
    });
  };

  const refresh = () => {
    const s = store.get();
    const onTokenPage = looksLikeTokenPage(document);
    const now = Date.now();
    if (onTokenPage) tokenPageSince ??= now;
    else tokenPageSince = undefined;
    const page = onTokenPage || s.requested ? readTokenPage(document) : undefined;
    const form = page?.form;
    const lastForm = form ? snapshotForm(form) : s.lastForm;
    if (form) currentForm = form;
    // A token shown on its own (legacy API Docs page) is not the end of a generation flow.
    const reveal = page?.reveal && (page.reveal.near.warning || s.lastForm || s.session.generatedForm) ? page.reveal : undefined;
    let session = s.session;
    // What the form held when the user pressed Generate (a page may clear its form before it shows the token).
    const atGenerate = generatedAt && now - generatedAt.at < GENERATE_SNAPSHOT_MS ? generatedAt.form : undefined;
    if (reveal && !session.generatedForm && (atGenerate ?? lastForm)) {
      session = { ...session, generatedForm: atGenerate ?? lastForm };
      store.set({ session });
      persist();
    }
    if (form) openClickedAt = undefined;
    const unrecognised =
      onTokenPage &&
      !form &&
      !reveal &&
      !session.generatedForm &&
      (hasFormLikeContent(document) ||
        (openClickedAt !== undefined && now - openClickedAt > FORM_AFTER_OPEN_MS) ||
        (!page?.openFormButton && tokenPageSince !== undefined && now - tokenPageSince > UNRECOGNISED_AFTER_MS));
    store.set({ onTokenPage, page: page && { ...page, reveal }, lastForm, unrecognised });
    // A page that keeps loading slowly: look again once the grace period is over.
    if (onTokenPage && !form && !unrecognised && (!page?.openFormButton || openClickedAt)) setTimeout(() => ctx.observer.poke(), 1000);
  };

  const updateSession = (patch: Partial<CoachSessionData>) => {
    store.set((s) => ({ ...s, session: parseCoachSession({ ...s.session, ...patch }) }));
    persist();
  };

  void (async () => {
    const [rawSettings, fromBg] = await Promise.all([
      settingsItem.getValue(),
      sendToBackground<{ session: unknown; requested: boolean; rotateTokenId?: string }>({ type: 'coach:session:get' }),
    ]);
    let session = parseCoachSession(fromBg?.session);
    let rotating: CoachState['rotating'];
    if (fromBg?.rotateTokenId) {
      // Pre-fill from the token being rotated: same intent and scopes, a fresh name and expiry.
      const old = findById(parseInventory(await inventoryItem.getValue(), Date.now()).inventory, fromBg.rotateTokenId);
      if (old) {
        rotating = { id: old.id, name: old.name, scopes: old.scopes };
        if (!session.intent && old.intent) session = { ...session, intent: { presets: old.intent.presets, endpoints: old.intent.endpoints } };
        session = { ...session, rotateFrom: old.id };
      }
    }
    store.set({
      ready: true,
      settings: parseSettings(rawSettings).settings,
      requested: !!fromBg?.requested,
      rotating,
      session,
    });
    if (rotating) persist();
    refresh();
  })();
  // The user's own presses (trusted only: a page script can forge events, not trust). Capture phase on
  // the window runs before any of Wati's handlers, so the form is read while it still holds what the
  // user entered, before Wati closes, resets or re-renders it.
  const onPress = (e: Event) => {
    if (!e.isTrusted) return;
    const path = e.composedPath();
    // A page that re-renders replaces its elements: read again if the form we know is gone.
    if (currentForm && !currentForm.container.isConnected && (e.type !== 'keydown' || (e as KeyboardEvent).key === 'Enter')) refresh();
    const opener = store.get().page?.openFormButton;
    if (e.type === 'click' && opener && path.includes(opener)) openClickedAt = Date.now();
    if (isGeneratePress(e, path, currentForm)) {
      refresh();
      const snap = store.get().lastForm;
      if (snap) generatedAt = { at: Date.now(), form: snap };
    }
  };
  for (const type of ['click', 'submit', 'keydown'] as const) addEventListener(type, onPress, { capture: true, signal: ctx.signal });
  const unwatch = settingsItem.watch((raw) => store.set({ settings: parseSettings(raw).settings }));
  ctx.signal.addEventListener('abort', () => {
    unwatch();
  });
  return { store, refresh, updateSession, draft: { pasteText: '', stripped: 0 } };
}
