import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CapturePanel, type CapturePanelProps } from '@/components/coach/CapturePanel';
import { SyncPrompt } from '@/components/SyncPrompt';
import { ExpiryBanner } from '@/components/ExpiryBanner';
import { createStore } from '@/lib/overlay/store';
import { createCapture } from '@/lib/overlay/features/coach/capture';
import type { CoachController, CoachState } from '@/lib/overlay/features/coach/controller';
import type { FeatureContext } from '@/lib/overlay/feature';
import { createGuard } from '@/lib/overlay/guard';
import type { AttentionItem } from '@/lib/reminders/engine';
import { trusted, userClick } from '../trusted';

/**
 * Finding 2 (issue 10): the overlay lives in an open shadow root, so a page script can reach our
 * buttons and call `.click()` on them. That click is not trusted: it must do nothing.
 * (`fireEvent.click` is exactly such a click; `userClick` models the user's.)
 */
afterEach(cleanup);

function capturePanel(over: Partial<CapturePanelProps> = {}) {
  const props: CapturePanelProps = {
    anchors: [],
    tokenName: 't',
    credentialId: 'wati:t',
    clipboard: { state: 'idle' },
    canStoreCredential: false,
    stored: false,
    hidden: false,
    mismatches: [],
    onCopy: vi.fn(),
    onStoreCredential: vi.fn(),
    onFormSaved: vi.fn(),
    readToken: () => undefined,
    onConfirm: vi.fn(),
    onToggleHidden: vi.fn(),
    ...over,
  };
  render(<CapturePanel {...props} />);
  return props;
}

describe('our buttons ignore a page script\'s .click()', () => {
  it('"I\'ve stored it" and Copy', () => {
    const p = capturePanel();
    fireEvent.click(screen.getByTestId('capture-confirm'));
    fireEvent.click(screen.getByTestId('capture-copy'));
    expect(p.onConfirm).not.toHaveBeenCalled();
    expect(p.onCopy).not.toHaveBeenCalled();
    userClick(screen.getByTestId('capture-confirm'));
    userClick(screen.getByTestId('capture-copy'));
    expect(p.onConfirm).toHaveBeenCalledTimes(1);
    expect(p.onCopy).toHaveBeenCalledTimes(1);
  });

  it('the revoke-old choices and the screen-sharing blur', () => {
    const onChoose = vi.fn();
    const p = capturePanel({ stored: true, rotation: { onChoose } });
    const now = screen.getAllByTestId('revoke-old-choice').find((b) => b.dataset.hours === '0')!;
    fireEvent.click(now);
    fireEvent.click(screen.getByTestId('capture-hide'));
    expect(onChoose).not.toHaveBeenCalled();
    expect(p.onToggleHidden).not.toHaveBeenCalled();
    userClick(now);
    userClick(screen.getByTestId('capture-hide'));
    expect(onChoose).toHaveBeenCalledWith(0, 'now');
    expect(p.onToggleHidden).toHaveBeenCalledTimes(1);
  });

  it('Mark revoked in the sync prompt', () => {
    const onMarkRevoked = vi.fn();
    render(<SyncPrompt missing={[{ id: 'a1', name: 'old-token' }]} onMarkRevoked={onMarkRevoked} onDismiss={vi.fn()} />);
    fireEvent.click(screen.getByTestId('sync-mark-revoked'));
    expect(onMarkRevoked).not.toHaveBeenCalled();
    expect((screen.getByTestId('sync-mark-revoked') as HTMLButtonElement).disabled).toBe(false);
    userClick(screen.getByTestId('sync-mark-revoked'));
    expect(onMarkRevoked).toHaveBeenCalledWith(['a1']);
  });

  it('Rotate and dismiss in the expiry banner', () => {
    const onRotate = vi.fn();
    const onDismiss = vi.fn();
    const item = { tokenId: 'a1', name: 'crm', kinds: ['expiry'], daysLeft: 3, severity: 'warning', color: '#f90', line: 'expires in 3 days' } as unknown as AttentionItem;
    render(<ExpiryBanner items={[item]} onRotate={onRotate} onDismiss={onDismiss} />);
    fireEvent.click(screen.getByTestId('banner-rotate'));
    fireEvent.click(screen.getByTestId('banner-dismiss'));
    expect(onRotate).not.toHaveBeenCalled();
    expect(onDismiss).not.toHaveBeenCalled();
    userClick(screen.getByTestId('banner-rotate'));
    userClick(screen.getByTestId('banner-dismiss'));
    expect(onRotate).toHaveBeenCalledWith('a1');
    expect(onDismiss).toHaveBeenCalledTimes(1);
  });
});

describe('the capture: a click on Wati\'s own Copy button', () => {
  const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ0ZXN0In0.c2lnbmF0dXJlLW5vdC1jaGVja2VkLXJlYWxseQ';
  let abort: AbortController;
  let sent: Array<{ type: string }>;
  let copyButton: HTMLButtonElement;

  beforeEach(async () => {
    fakeBrowser.reset();
    abort = new AbortController();
    sent = [];
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (msg: { type: string }) => {
      sent.push(msg);
      if (msg.type === 'inventory:capture') return { id: 'r1' };
      if (msg.type === 'clipboard:copied') return { pending: { fingerprint: 'sha256:0123456789abcdef', deadline: Date.now() + 30_000, copiedAt: Date.now() } };
      return undefined;
    }) as never);
    const container = document.createElement('div');
    const el = document.createElement('code');
    el.textContent = TOKEN;
    copyButton = document.createElement('button');
    copyButton.textContent = 'Copy';
    container.append(el, copyButton);
    document.body.append(container);
    const store = createStore<CoachState>({ ready: true, requested: false, session: {}, onTokenPage: true, unrecognised: false } as unknown as CoachState);
    const controller: CoachController = {
      store,
      refresh() {},
      updateSession: (patch) => store.set((s) => ({ ...s, session: { ...s.session, ...patch } })),
    };
    const ctx = {
      page: { url: 'https://app.wati.io/connectors/api-tokens', host: 'app.wati.io', baseUrl: 'https://app.wati.io' },
      signal: abort.signal,
      guard: createGuard(() => {}),
      observer: {} as never,
      layout: {} as never,
      mountPoint: () => container,
    } as FeatureContext;
    const capture = createCapture(controller, ctx);
    store.set({ page: { reveal: { token: TOKEN, el, container, copyButton, closeButtons: [], isModal: false } } } as never);
    await vi.waitFor(() => expect(capture.get().recordId).toBe('r1'));
  });
  afterEach(() => {
    abort.abort();
    vi.restoreAllMocks();
    document.body.innerHTML = '';
  });

  it('a page script\'s click schedules no clear; the user\'s does', async () => {
    copyButton.click();
    copyButton.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 120));
    expect(sent.filter((m) => m.type === 'clipboard:copied')).toHaveLength(0);
    copyButton.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true })));
    await vi.waitFor(() => expect(sent.filter((m) => m.type === 'clipboard:copied')).toHaveLength(1));
  });
});
