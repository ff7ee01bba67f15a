import type { CoachController } from './controller';
import type { FeatureContext } from '@/lib/overlay/feature';
import { sendToBackground } from '@/lib/platform/messages';
import { fingerprintToken } from '@/lib/tokens/fingerprint';
import { compareClaimsWithForm, readJwtClaims } from '@/lib/tokens/jwt';
import { normaliseScope } from '@/lib/scopes';
import { readStatus, type ClipboardStatus } from '@/lib/clipboard/pending';
import type { ClipboardView } from '@/components/coach/CapturePanel';
import type { FormSnapshot } from '@/lib/coach/steps';
import type { RevealState } from '@/lib/wati-page/types';

/**
 * The show-once capture. The token lives only in this module's memory (and in Wati's own DOM):
 * what leaves it is a fingerprint (to the background and storage) and, when the user clicks, the
 * clipboard write and the password manager offer.
 */
export interface CaptureState {
  fingerprint?: string;
  recordId?: string;
  mismatches: string[];
  /** The background could not store the metadata (storage full, workspace full, no answer): shown, never silent. */
  saveError?: string;
  clipboard: ClipboardView;
  saved?: 'credential' | 'form';
  hidden: boolean;
  /** A close/leave attempt held back by the guard: replays it when the user insists. */
  guard?: { replay(): void };
  rotationChoice?: string;
}

export interface Capture {
  get(): CaptureState;
  subscribe(fn: () => void): () => void;
  readToken(): string | undefined;
  copy(): Promise<void>;
  storeCredential(): Promise<void>;
  formSaved(): void;
  confirm(): void;
  toggleHidden(): void;
  guardBack(): void;
  guardCloseAnyway(): void;
  chooseRevoke(hours: number, label: string): Promise<void>;
  credentialId(): string;
}

/** What the overlay says when the capture's metadata was not stored (the token itself is unaffected). */
export function captureSaveError(error: string | undefined): string {
  const why = error ?? 'Could not save: the extension did not answer.';
  return `${why} This token is not in your inventory, so there will be no expiry reminders for it. Reload the page to try again.`;
}

export function expiryToIso(expiry: FormSnapshot['expiry'] | undefined, now: number, claimsExp?: number): string | null {
  if (expiry?.kind === 'days') return new Date(now + expiry.days * 86_400_000).toISOString().slice(0, 10);
  if (expiry?.kind === 'date') return expiry.date;
  if (claimsExp) return new Date(claimsExp * 1000).toISOString();
  return null;
}

export function createCapture(controller: CoachController, ctx: FeatureContext): Capture {
  let token: string | undefined; // memory only
  let revealEl: HTMLElement | undefined;
  let state: CaptureState = { mismatches: [], clipboard: { state: 'idle' }, hidden: false };
  const subs = new Set<() => void>();
  const set = (patch: Partial<CaptureState>) => {
    state = { ...state, ...patch };
    for (const fn of [...subs]) fn();
  };
  let poll: ReturnType<typeof setInterval> | undefined;
  let bypass = false;

  const session = () => controller.store.get().session;
  const formOf = () => session().generatedForm ?? controller.store.get().lastForm;

  const onReveal = async (reveal: RevealState) => {
    token = reveal.token;
    revealEl = reveal.el;
    const fp = await fingerprintToken(reveal.token);
    const claims = readJwtClaims(reveal.token);
    const form = formOf();
    const tenantId = controller.store.get().page?.tenantId ?? ctx.page.tenantId;
    const expiresAt = expiryToIso(form?.expiry, Date.now(), claims?.exp);
    const mismatches = claims && form ? compareClaimsWithForm(claims, { tenantId, scopes: form.scopes, expiresAt: form.expiry.kind === 'unknown' ? (expiresAt ?? null) : expiresAt }, { normaliseScope }).map((m) => m.message) : [];
    set({ fingerprint: fp, mismatches });
    if (session().capturedFingerprint === fp && session().capturedRecordId) {
      set({ recordId: session().capturedRecordId });
      return;
    }
    const s = session();
    const intent = s.intent;
    const record = {
      id: crypto.randomUUID(),
      name: form?.name?.trim() || claims?.name || 'Unnamed token',
      scopes: form?.scopes ?? claims?.scopes ?? [],
      intent: intent ? { presets: intent.presets, endpoints: [...intent.endpoints, ...(intent.pasted ?? [])] } : undefined,
      createdAt: new Date().toISOString(),
      expiresAt,
      fingerprint: fp,
      source: 'captured',
      workspace: { host: ctx.page.host, tenantId: claims?.tenantId ?? tenantId ?? '' },
      notes: s.riskReason ? `Granted more than the stated need because: ${s.riskReason}` : undefined,
    };
    const res = await sendToBackground<{ id?: string; error?: string }>({ type: 'inventory:capture', record });
    controller.updateSession({ capturedFingerprint: fp, capturedRecordId: res?.id });
    set({ recordId: res?.id, saveError: res?.id ? undefined : captureSaveError(res?.error) });
  };

  const refreshClipboard = async () => {
    const reply = await sendToBackground<ClipboardStatus>({ type: 'clipboard:status' });
    if (reply === undefined) return; // the worker is restarting: ask again on the next tick
    const status = readStatus(reply);
    if (status.pending && status.pending.fingerprint === state.fingerprint) {
      set({ clipboard: { state: 'counting', deadline: status.pending.deadline } });
      return;
    }
    if (poll) clearInterval(poll);
    poll = undefined;
    const o = status.last?.outcome;
    if (state.clipboard.state !== 'counting') return;
    set({
      clipboard:
        o === 'cleared'
          ? { state: 'cleared' }
          : o === 'cancelled-user-copied'
            ? { state: 'cancelled' }
            : o === 'skipped-clipboard-changed'
              ? { state: 'skipped' }
              : { state: 'failed', message: 'The clipboard could not be cleared: clear it yourself (copy something else).' },
    });
  };

  const onPageCopyButton = (e: Event) => {
    // Wati's own Copy button puts the token on the clipboard too: make sure that copy is cleared as well.
    // Only the user's click: a page script's `.click()` must not schedule (blind) clears.
    if (!e.isTrusted) return;
    const reveal = controller.store.get().page?.reveal;
    if (!reveal?.copyButton || !state.fingerprint || !e.composedPath().includes(reveal.copyButton)) return;
    setTimeout(() => void startClear(), 50);
  };

  const startClear = async () => {
    if (!state.fingerprint) return;
    // The worker may be stopping at this very moment (Chrome stops idle workers): a lost message is
    // retried, so the clear is scheduled by the next worker instead of silently not at all.
    let reply: ClipboardStatus | undefined;
    for (let attempt = 0; attempt < 4 && reply === undefined; attempt++) {
      if (attempt) await new Promise((r) => setTimeout(r, 250 * attempt));
      reply = await sendToBackground<ClipboardStatus>({ type: 'clipboard:copied', fingerprint: state.fingerprint });
    }
    if (reply === undefined) {
      set({ clipboard: { state: 'failed', message: 'The extension could not schedule the clipboard clear: copy something else once you have stored the token.' } });
      return;
    }
    const status = readStatus(reply);
    if (!status.pending) {
      set({ clipboard: { state: 'off' } });
      return;
    }
    set({ clipboard: { state: 'counting', deadline: status.pending.deadline } });
    if (poll) clearInterval(poll);
    poll = setInterval(() => void refreshClipboard(), 1000); // also keeps the worker awake while counting
  };

  // The close guard: while the token is on screen and not confirmed stored.
  const isGuarded = () => !!controller.store.get().page?.reveal && !session().stored;
  const hold = (e: Event, replay: () => void) => {
    e.preventDefault();
    e.stopImmediatePropagation();
    set({ guard: { replay } });
  };
  const onClickCapture = (e: MouseEvent) => {
    onPageCopyButton(e);
    if (bypass || !isGuarded()) return;
    const reveal = controller.store.get().page!.reveal!;
    const path = e.composedPath();
    if (path.some((n) => n instanceof Element && n.localName === 'wati-token-guard')) return;
    const closing = reveal.closeButtons.some((b) => path.includes(b));
    const leaving =
      !closing && path.some((n) => n instanceof HTMLAnchorElement && !!n.getAttribute('href') && !reveal.container.contains(n));
    if (!closing && !leaving) return;
    const target = e.target as HTMLElement;
    hold(e, () => {
      bypass = true;
      try {
        target.click();
      } finally {
        bypass = false;
      }
    });
  };
  const onKeyCapture = (e: KeyboardEvent) => {
    if (bypass || e.key !== 'Escape' || !isGuarded()) return;
    const reveal = controller.store.get().page!.reveal!;
    if (!reveal.isModal) return;
    const target = (e.target as HTMLElement) ?? document.body;
    hold(e, () => {
      bypass = true;
      try {
        target.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', code: 'Escape', bubbles: true, cancelable: true }));
      } finally {
        bypass = false;
      }
    });
  };
  const onBeforeUnload = (e: BeforeUnloadEvent) => {
    if (!isGuarded()) return;
    e.preventDefault();
    e.returnValue = ''; // legacy browsers need it set to show the prompt
  };
  addEventListener('click', onClickCapture, { capture: true, signal: ctx.signal });
  addEventListener('keydown', onKeyCapture, { capture: true, signal: ctx.signal });
  addEventListener('beforeunload', onBeforeUnload, { signal: ctx.signal });

  const unsub = controller.store.subscribe(() => {
    const reveal = controller.store.get().page?.reveal;
    if (reveal && reveal.token !== token) void ctx.guard.run('capture', () => onReveal(reveal));
    if (reveal) revealEl = reveal.el;
  });
  ctx.signal.addEventListener('abort', () => {
    unsub();
    if (poll) clearInterval(poll);
    token = undefined;
  });

  const credentialId = () => `wati:${ctx.page.tenantId ?? ctx.page.host}:${formOf()?.name?.trim() || 'token'}`;

  return {
    get: () => state,
    subscribe(fn) {
      subs.add(fn);
      return () => subs.delete(fn);
    },
    readToken: () => token,
    async copy() {
      if (!token) return;
      try {
        await navigator.clipboard.writeText(token); // in the user's click
      } catch {
        set({ clipboard: { state: 'failed', message: 'The browser refused to write the clipboard. Select the token in Wati\u2019s dialog and copy it.' } });
        return;
      }
      await startClear();
    },
    async storeCredential() {
      const PC = (globalThis as { PasswordCredential?: new (init: { id: string; password: string; name?: string }) => Credential }).PasswordCredential;
      if (!PC || !token) return;
      try {
        await navigator.credentials.store(new PC({ id: credentialId(), password: token, name: `Wati API token: ${formOf()?.name ?? ''}` }));
        set({ saved: 'credential' });
      } catch {
        /* the browser declined: the save form is shown as well */
      }
    },
    formSaved: () => set({ saved: 'form' }),
    confirm: () => controller.updateSession({ stored: true }),
    toggleHidden() {
      const hidden = !state.hidden;
      // A filter does not change Wati's layout; it only blurs the token for screen sharing.
      if (revealEl) revealEl.style.filter = hidden ? 'blur(7px)' : '';
      set({ hidden });
    },
    guardBack: () => set({ guard: undefined }),
    guardCloseAnyway() {
      const g = state.guard;
      set({ guard: undefined });
      g?.replay();
    },
    async chooseRevoke(hours, label) {
      const s = session();
      if (!s.rotateFrom || !state.recordId) return;
      await sendToBackground({ type: 'inventory:link-replacement', oldId: s.rotateFrom, newId: state.recordId, revokeInHours: hours });
      set({ rotationChoice: label });
    },
    credentialId,
  };
}
