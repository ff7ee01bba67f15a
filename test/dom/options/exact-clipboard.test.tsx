import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { SettingsForm } from '@/components/SettingsForm';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/storage/settings';
import { EXACT_CHECK_MESSAGES, useExactClipboardCheck } from '@/lib/ui/exact-clipboard';

const perms = vi.hoisted(() => ({
  requestClipboardRead: vi.fn<() => Promise<boolean>>(),
  removeClipboardRead: vi.fn(async () => true),
  hasClipboardReadPermission: vi.fn(async () => true),
}));
vi.mock('@/lib/platform/permissions', () => perms);

afterEach(cleanup);
beforeEach(() => {
  perms.requestClipboardRead.mockReset();
  perms.removeClipboardRead.mockClear();
  perms.hasClipboardReadPermission.mockReset().mockResolvedValue(true);
});

function Page(props: { initial?: Partial<Settings>; onSave(s: Settings): void }) {
  const [settings, setSettings] = useState<Settings>({ ...structuredClone(DEFAULT_SETTINGS), ...props.initial });
  const save = async (s: Settings) => {
    props.onSave(s);
    setSettings(s);
  };
  const exact = useExactClipboardCheck(settings, save);
  return <SettingsForm settings={settings} onChange={(s) => void save(s)} onRequestExactCheck={exact.toggle} exactCheckMessage={exact.message} />;
}

const box = () => screen.getByTestId('exact-clipboard-check') as HTMLInputElement;
const flush = () => act(async () => new Promise((r) => setTimeout(r, 0)));

describe('exact clipboard check', () => {
  it('asks for the permission inside the click, and saves true only once granted', async () => {
    let grant!: (v: boolean) => void;
    perms.requestClipboardRead.mockReturnValue(new Promise((r) => (grant = r)));
    const onSave = vi.fn();
    render(<Page onSave={onSave} />);
    fireEvent.click(box());
    // Synchronously, in the same task as the click: the user gesture is still there.
    expect(perms.requestClipboardRead).toHaveBeenCalledTimes(1);
    expect(onSave).not.toHaveBeenCalled();
    expect(box().checked).toBe(false);
    expect(screen.getByTestId('exact-clipboard-status').textContent).toBe(EXACT_CHECK_MESSAGES.requesting);
    await act(async () => grant(true));
    await flush();
    expect(onSave).toHaveBeenCalledWith(expect.objectContaining({ exactClipboardCheck: true }));
    expect(box().checked).toBe(true);
    expect(screen.getByTestId('exact-clipboard-status').textContent).toBe(EXACT_CHECK_MESSAGES.granted);
  });

  it('stays off and says so when the permission is refused', async () => {
    perms.requestClipboardRead.mockResolvedValue(false);
    const onSave = vi.fn();
    render(<Page onSave={onSave} />);
    fireEvent.click(box());
    await flush();
    expect(onSave).not.toHaveBeenCalled();
    expect(box().checked).toBe(false);
    expect(screen.getByTestId('exact-clipboard-status').textContent).toBe(EXACT_CHECK_MESSAGES.denied);
  });

  it('reports a failed prompt', async () => {
    perms.requestClipboardRead.mockRejectedValue(new Error('must be called during a user gesture'));
    render(<Page onSave={vi.fn()} />);
    fireEvent.click(box());
    await flush();
    expect(screen.getByTestId('exact-clipboard-status').textContent).toBe(EXACT_CHECK_MESSAGES.error);
  });

  it('turning it off saves false and gives the permission back', async () => {
    const onSave = vi.fn();
    render(<Page initial={{ exactClipboardCheck: true }} onSave={onSave} />);
    fireEvent.click(box());
    await flush();
    expect(onSave).toHaveBeenCalledWith(expect.objectContaining({ exactClipboardCheck: false }));
    expect(perms.removeClipboardRead).toHaveBeenCalled();
    expect(perms.requestClipboardRead).not.toHaveBeenCalled();
    expect(screen.getByTestId('exact-clipboard-status').textContent).toBe(EXACT_CHECK_MESSAGES.removed);
  });

  it('notices when the permission was removed in the browser while the check is on', async () => {
    perms.hasClipboardReadPermission.mockResolvedValue(false);
    render(<Page initial={{ exactClipboardCheck: true }} onSave={vi.fn()} />);
    await flush();
    expect(screen.getByTestId('exact-clipboard-status').textContent).toBe(EXACT_CHECK_MESSAGES.missing);
  });
});
