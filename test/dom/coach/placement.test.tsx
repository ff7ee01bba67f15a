import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { CoachPanel, type CoachPanelProps } from '@/components/coach/CoachPanel';
import { CapturePanel, type CapturePanelProps } from '@/components/coach/CapturePanel';
import type { StepId, StepState } from '@/lib/coach/steps';
import type { Rect } from '@/lib/overlay/placement';

afterEach(cleanup);

const steps: Record<StepId, StepState> = {
  navigate: 'done',
  'open-form': 'done',
  name: 'done',
  scopes: 'current',
  expiry: 'todo',
  review: 'todo',
  generate: 'todo',
  capture: 'todo',
  done: 'todo',
};
const W = innerWidth;
const H = innerHeight;
const r = (left: number, top: number, w: number, h: number): Rect => ({ left, top, right: left + w, bottom: top + h });

function renderCoach(over: Partial<CoachPanelProps> = {}) {
  const props: CoachPanelProps = {
    steps,
    bodies: { scopes: <p>scope body</p> },
    minimised: false,
    onToggleMinimise: vi.fn(),
    onDismiss: vi.fn(),
    ...over,
  };
  return { props, ...render(<CoachPanel {...props} />) };
}
const coach = () => screen.getByTestId('coach');

describe('CoachPanel placement', () => {
  it('nothing to avoid: the full panel, docked right, with its ids', () => {
    renderCoach();
    expect(coach().getAttribute('data-dock')).toBe('right');
    expect(screen.queryByTestId('coach-compact')).toBeNull();
    expect(screen.getAllByTestId('coach-step')).toHaveLength(9);
    expect(screen.getByTestId('coach-minimise')).toBeTruthy();
    expect(screen.getByTestId('coach-dismiss')).toBeTruthy();
    expect(screen.queryByTestId('coach-collapse')).toBeNull();
    // Positioned by inline style, from the placement.
    expect(coach().style.left).toBe(`${W - 16 - 360}px`);
  });

  it('a drawer on the right: docks left, clear of it', () => {
    renderCoach({ keepClear: [r(W - 460, 0, 460, H)] });
    expect(coach().getAttribute('data-dock')).toBe('left');
    expect(coach().style.left).toBe('16px');
  });

  it('no room: a one-line bar with the current step; "Show the coach" expands it, "Collapse" returns', async () => {
    const modal = r(8, 8, W - 16, H - 16);
    const { props } = renderCoach({ keepClear: [modal], controls: [r(40, 40, 200, 30)] });
    expect(coach().getAttribute('data-dock')).toBe('compact');
    const bar = screen.getByTestId('coach-compact');
    expect(bar.getAttribute('data-step')).toBe('scopes');
    expect(bar.textContent).toContain('Pick only the scopes it needs');
    // Only the current step is drawn; the whole list stays for screen readers (visually hidden).
    expect(screen.getAllByTestId('coach-step').every((li) => li.closest('.wtg-sr'))).toBe(true);
    // The bar can dismiss too.
    fireEvent.click(screen.getByTestId('coach-dismiss'));
    expect(props.onDismiss).toHaveBeenCalledTimes(1);

    fireEvent.click(screen.getByRole('button', { name: 'Show the coach' }));
    expect(screen.queryByTestId('coach-compact')).toBeNull();
    expect(coach().getAttribute('data-dock')).not.toBe('compact');
    expect(coach().getAttribute('data-overlaps')).toBe('true');
    expect(screen.getAllByTestId('coach-step')).toHaveLength(9);
    expect(screen.getByText('scope body')).toBeTruthy();
    expect(screen.getByTestId('coach-minimise')).toBeTruthy();
    const collapse = screen.getByTestId('coach-collapse');
    await waitFor(() => expect(document.activeElement).toBe(collapse));

    fireEvent.click(collapse);
    expect(screen.getByTestId('coach-compact')).toBeTruthy();
    expect(coach().getAttribute('data-dock')).toBe('compact');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('coach-expand')));
  });

  it('an expanded bar goes back to a normal dock (and forgets "expanded") once there is room', () => {
    const modal = r(8, 8, W - 16, H - 16);
    const view = renderCoach({ keepClear: [modal] });
    fireEvent.click(screen.getByRole('button', { name: 'Show the coach' }));
    expect(screen.getByTestId('coach-collapse')).toBeTruthy();
    view.rerender(<CoachPanel {...view.props} keepClear={[r(0, 0, 400, H)]} />);
    expect(coach().getAttribute('data-dock')).toBe('right');
    expect(screen.queryByTestId('coach-collapse')).toBeNull();
    // Squeezed again: compact again, not expanded.
    view.rerender(<CoachPanel {...view.props} keepClear={[modal]} />);
    expect(screen.getByTestId('coach-compact')).toBeTruthy();
  });
});

describe('CapturePanel placement', () => {
  function renderCapture(anchor: Element, over: Partial<CapturePanelProps> = {}) {
    const props: CapturePanelProps = {
      anchors: [anchor],
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
      onPlaced: vi.fn(),
      ...over,
    };
    return { props, ...render(<CapturePanel {...props} />) };
  }
  function revealAt(rect: Rect) {
    const el = document.createElement('div');
    document.body.append(el);
    el.getBoundingClientRect = () => ({ ...rect, x: rect.left, y: rect.top, width: rect.right - rect.left, height: rect.bottom - rect.top, toJSON() {} }) as DOMRect;
    return el;
  }

  it('beside a small reveal: the full panel, clear of it, and reports where it stands', async () => {
    const el = revealAt(r(100, 100, 400, 200));
    const { props } = renderCapture(el);
    await waitFor(() => expect(screen.getByTestId('capture-panel').style.left).not.toBe(`${W - 8 - 340}px`));
    const panel = screen.getByTestId('capture-panel');
    expect(screen.getByTestId('capture-copy')).toBeTruthy();
    expect(screen.getByTestId('capture-confirm')).toBeTruthy();
    const left = parseFloat(panel.style.left);
    const top = parseFloat(panel.style.top);
    // Next to the reveal, not on it.
    expect(left >= 508 || top >= 308).toBe(true);
    expect(props.onPlaced).toHaveBeenLastCalledWith(expect.objectContaining({ left }));
  });

  it('a reveal filling the window: a bar with "Copy token" that expands on demand', async () => {
    const el = revealAt(r(0, 0, W, H - 30));
    const { props } = renderCapture(el);
    await waitFor(() => expect(screen.getByTestId('capture-compact')).toBeTruthy());
    fireEvent.click(screen.getByTestId('capture-copy'));
    expect(props.onCopy).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('button', { name: 'Show the capture panel' }));
    expect(screen.getByTestId('capture-confirm')).toBeTruthy();
    fireEvent.click(screen.getByTestId('capture-collapse'));
    expect(screen.getByTestId('capture-compact')).toBeTruthy();
  });

  it('tells the coach when it is gone', async () => {
    const el = revealAt(r(100, 100, 400, 200));
    const { props, unmount } = renderCapture(el);
    await act(async () => {});
    unmount();
    expect(props.onPlaced).toHaveBeenLastCalledWith(undefined);
  });
});
