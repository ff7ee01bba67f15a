import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';

// Count parses: the real parser behind a spy (security review, issue 10 finding 9: one parse per change).
const parseSpy = vi.hoisted(() => ({ calls: 0, seen: [] as string[] }));
vi.mock('@/lib/scopes', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/lib/scopes')>();
  return {
    ...real,
    parseIntentText: (text: string) => {
      parseSpy.calls++;
      parseSpy.seen.push(text);
      return real.parseIntentText(text);
    },
  };
});

const { ScopeStep } = await import('@/lib/overlay/features/coach/ScopeStep');
const { INTENT_MAX_BYTES } = await import('@/lib/coach/intent');

const URL = 'https://live-mt-server.wati.io/123456/api/ext/v3/contacts';

function setup() {
  const updateSession = vi.fn();
  const controller = { store: {} as never, refresh: vi.fn(), updateSession };
  const analysis = { intent: { presets: [], endpoints: [] }, findings: [], blocking: false, needsConfirmation: false, confirmationReasons: [] };
  render(<ScopeStep controller={controller} analysis={analysis} />);
  return { updateSession, box: screen.getByTestId('intent-paste') as HTMLTextAreaElement };
}

describe('coach intent box: debounced, one parse per change, size cap', () => {
  beforeEach(() => {
    parseSpy.calls = 0;
    vi.useFakeTimers();
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  it('typing parses once, 150 ms after the last keystroke, and the analysis gets that parse', () => {
    const { updateSession, box } = setup();
    const text = `curl -X POST ${URL}`;
    for (let i = 1; i <= text.length; i += 7) fireEvent.change(box, { target: { value: text.slice(0, i) } });
    fireEvent.change(box, { target: { value: text } });
    expect(parseSpy.calls).toBe(0);
    act(() => void vi.advanceTimersByTime(149));
    expect(parseSpy.calls).toBe(0);
    act(() => void vi.advanceTimersByTime(1));
    expect(parseSpy.calls).toBe(1);
    expect(screen.getByTestId('intent-parsed').textContent).toContain('POST /api/ext/v3/contacts');
    expect(updateSession).toHaveBeenLastCalledWith({ intent: { presets: [], endpoints: [], pasted: [{ method: 'POST', path: '/api/ext/v3/contacts' }] } });
    act(() => void vi.advanceTimersByTime(1_000));
    expect(parseSpy.calls).toBe(1);
  });

  it('a paste is read at once, exactly once', () => {
    const { updateSession, box } = setup();
    fireEvent.paste(box);
    fireEvent.change(box, { target: { value: `POST ${URL}` } });
    expect(parseSpy.calls).toBe(1);
    expect(screen.getByTestId('intent-parsed').textContent).toContain('POST /api/ext/v3/contacts');
    expect(updateSession).toHaveBeenCalledTimes(1);
    act(() => void vi.advanceTimersByTime(1_000));
    expect(parseSpy.calls).toBe(1);
  });

  it('over the cap: says so visibly, parses nothing, keeps no pasted calls', () => {
    const { updateSession, box } = setup();
    fireEvent.paste(box);
    fireEvent.change(box, { target: { value: `POST ${URL}` } });
    const big = `POST ${URL}\n${'x'.repeat(INTENT_MAX_BYTES)}`;
    fireEvent.paste(box);
    fireEvent.change(box, { target: { value: big } });
    expect(parseSpy.calls).toBe(1); // only the first, small paste
    const msg = screen.getByTestId('intent-too-long');
    expect(msg.textContent).toBe(
      `This is too long to read here (${Math.ceil((big.length) / 1024)} KB; the limit is 256 KB). Paste only the part with the API calls.`,
    );
    expect(msg.getAttribute('role')).toBe('alert');
    expect(screen.queryByTestId('intent-parsed')).toBeNull();
    expect(updateSession).toHaveBeenLastCalledWith({ intent: { presets: [], endpoints: [], pasted: [] } });
  });

  it('a pasted Authorization header or cookie never reaches the parser or the session (review #10, finding 1)', () => {
    const { updateSession, box } = setup();
    const jwt = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ0ZW5hbnRfaWQiOiIxMjM0NTYiLCJzY29wZSI6ImFwaSJ9.c2lnbmF0dXJlLXRoYXQtaXMtbG9uZy1lbm91Z2gtMTIzNDU2';
    parseSpy.seen = [];
    fireEvent.paste(box);
    fireEvent.change(box, { target: { value: `curl -X POST -H "Authorization: Bearer ${jwt}" -H "Cookie: sid=s3cr3tc00kie99" ${URL}` } });
    expect(parseSpy.seen.join('\n')).not.toContain(jwt);
    expect(parseSpy.seen.join('\n')).not.toContain('s3cr3tc00kie99');
    expect(JSON.stringify(updateSession.mock.calls)).not.toContain(jwt);
    expect(updateSession).toHaveBeenLastCalledWith({ intent: { presets: [], endpoints: [], pasted: [{ method: 'POST', path: '/api/ext/v3/contacts' }] } });
    expect(screen.getByTestId('intent-stripped').textContent).toContain('taken out');
  });

  it('keeps what was pasted (in memory only) when the coach turns into a bar and back', () => {
    const updateSession = vi.fn();
    const controller = { store: {} as never, refresh: vi.fn(), updateSession, draft: { pasteText: '', stripped: 0 } };
    const analysis = { intent: { presets: [], endpoints: [] }, findings: [], blocking: false, needsConfirmation: false, confirmationReasons: [] };
    const first = render(<ScopeStep controller={controller} analysis={analysis} />);
    const box = screen.getByTestId('intent-paste') as HTMLTextAreaElement;
    fireEvent.paste(box);
    fireEvent.change(box, { target: { value: `POST ${URL}` } });
    first.unmount(); // the coach became a one-line bar
    render(<ScopeStep controller={controller} analysis={analysis} />);
    expect((screen.getByTestId('intent-paste') as HTMLTextAreaElement).value).toBe(`POST ${URL}`);
    expect(screen.getByTestId('intent-parsed').textContent).toContain('POST /api/ext/v3/contacts');
    expect(parseSpy.calls).toBe(1); // not read again
  });
});
