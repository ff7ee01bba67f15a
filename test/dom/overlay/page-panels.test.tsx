import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { userClick } from '../trusted';
import { ExpiryBanner, worstItem, type ExpiryBannerProps } from '@/components/ExpiryBanner';
import { SyncPrompt, type SyncPromptProps } from '@/components/SyncPrompt';
import type { AttentionItem } from '@/lib/reminders/engine';
import { intersects, type Rect } from '@/lib/overlay/placement';

afterEach(cleanup);

const W = innerWidth;
const H = innerHeight;
const r = (left: number, top: number, w: number, h: number): Rect => ({ left, top, right: left + w, bottom: top + h });
const box = (el: HTMLElement): Rect => {
  const left = parseFloat(el.style.left);
  const top = parseFloat(el.style.top);
  const h = parseFloat(el.style.height || el.style.maxHeight);
  return { left, top, right: left + parseFloat(el.style.width), bottom: top + h };
};
const item = (over: Partial<AttentionItem>): AttentionItem => ({
  tokenId: 't1',
  name: 'crm-sync-prod',
  kinds: ['expiry'],
  daysLeft: 20,
  expiryDate: '2026-12-31',
  severity: 'warning',
  color: 'amber',
  line: 'Expires in 20 days',
  ...over,
} as AttentionItem);
const ITEMS = [
  item({}),
  item({ tokenId: 't2', name: 'billing-bot-prod', daysLeft: 1, severity: 'critical', line: 'Expires tomorrow' }),
  item({ tokenId: 't3', name: 'erp-import', daysLeft: 5, line: 'Expires in 5 days' }),
];
/** Wati's page with no room for a full panel anywhere: every strip is a control. */
const FULL = [r(0, 0, W, H)];
const CONTROLS = [r(0, 0, W, 40), r(0, 100, W, 40)];

function renderBanner(over: Partial<ExpiryBannerProps> = {}) {
  const props: ExpiryBannerProps = { items: ITEMS, onRotate: vi.fn(), onDismiss: vi.fn(), onPlaced: vi.fn(), ...over };
  return { props, ...render(<ExpiryBanner {...props} />) };
}
const banner = () => screen.getByTestId('expiry-banner');

describe('ExpiryBanner placement', () => {
  it('room at the top: the full banner, docked, with its ids; it reports its box', () => {
    const { props } = renderBanner({ keepClear: [r(0, 0, 236, H)] });
    expect(banner().getAttribute('data-dock')).not.toBe('compact');
    expect(screen.getAllByTestId('banner-item')).toHaveLength(3);
    expect(screen.getAllByTestId('banner-rotate')).toHaveLength(3);
    expect(screen.getByTestId('banner-dismiss')).toBeTruthy();
    expect(screen.queryByTestId('banner-expand')).toBeNull();
    expect(screen.queryByTestId('banner-collapse')).toBeNull();
    expect(box(banner()).left).toBeGreaterThanOrEqual(236);
    expect(props.onPlaced).toHaveBeenCalled();
    const placed = (props.onPlaced as ReturnType<typeof vi.fn>).mock.calls.at(-1)![0] as Rect;
    expect(intersects(placed, r(0, 0, 236, H))).toBe(false);
  });

  it('no room: a one-line bar with the worst item, its Rotate, "N more", dismiss; it covers no control', () => {
    const { props } = renderBanner({ keepClear: FULL, controls: CONTROLS });
    expect(banner().getAttribute('data-dock')).toBe('compact');
    expect(screen.getByTestId('banner-compact')).toBeTruthy();
    const items = screen.getAllByTestId('banner-item');
    expect(items).toHaveLength(1);
    expect(items[0]!.getAttribute('data-token-name')).toBe('billing-bot-prod');
    expect(screen.getByTestId('banner-expand').textContent).toBe('2 more');
    // Every item is still there for screen readers (and textContent).
    expect(banner().textContent).toContain('crm-sync-prod');
    expect(CONTROLS.every((c) => !intersects(box(banner()), c))).toBe(true);
    userClick(screen.getByTestId('banner-rotate'));
    expect(props.onRotate).toHaveBeenCalledWith('t2');
    userClick(screen.getByTestId('banner-dismiss'));
    expect(props.onDismiss).toHaveBeenCalledTimes(1);
  });

  it('expand shows the full banner (it may overlap: asked for), collapse returns; focus follows the toggle', async () => {
    renderBanner({ keepClear: FULL, controls: CONTROLS });
    userClick(screen.getByTestId('banner-expand'));
    expect(banner().getAttribute('data-dock')).not.toBe('compact');
    expect(banner().getAttribute('data-overlaps')).toBe('true');
    expect(screen.getAllByTestId('banner-item')).toHaveLength(3);
    const collapse = screen.getByTestId('banner-collapse');
    await waitFor(() => expect(document.activeElement).toBe(collapse));
    userClick(collapse);
    expect(banner().getAttribute('data-dock')).toBe('compact');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('banner-expand')));
  });

  it('once there is room again it is a normal dock, and "expanded" is forgotten', () => {
    const view = renderBanner({ keepClear: FULL });
    userClick(screen.getByTestId('banner-expand'));
    view.rerender(<ExpiryBanner {...view.props} keepClear={[r(0, 0, 236, H)]} />);
    expect(banner().getAttribute('data-dock')).not.toBe('compact');
    expect(screen.queryByTestId('banner-collapse')).toBeNull();
    view.rerender(<ExpiryBanner {...view.props} keepClear={FULL} />);
    expect(banner().getAttribute('data-dock')).toBe('compact');
  });

  it('worstItem: critical first, then the soonest', () => {
    expect(worstItem(ITEMS)?.tokenId).toBe('t2');
    expect(worstItem([ITEMS[0]!, ITEMS[2]!])?.tokenId).toBe('t3');
    expect(worstItem([])).toBeUndefined();
  });
});

describe('SyncPrompt placement', () => {
  const missing = [
    { id: 'a', name: 'erp-import-gone' },
    { id: 'b', name: 'old-crm' },
  ];
  function renderSync(over: Partial<SyncPromptProps> = {}) {
    const props: SyncPromptProps = { missing, onMarkRevoked: vi.fn(), onDismiss: vi.fn(), ...over };
    return { props, ...render(<SyncPrompt {...props} />) };
  }
  const prompt = () => screen.getByTestId('sync-missing');

  it('room: the full prompt, top-right, with Mark revoked', () => {
    const { props } = renderSync();
    expect(prompt().getAttribute('data-dock')).toBe('right');
    expect(box(prompt()).top).toBe(8);
    userClick(screen.getByTestId('sync-mark-revoked'));
    expect(props.onMarkRevoked).toHaveBeenCalledWith(['a', 'b']);
  });

  it('no room: a one-line bar (no Mark revoked on it: that happens from the full list); expand and collapse', async () => {
    const { props } = renderSync({ keepClear: FULL, controls: CONTROLS });
    expect(prompt().getAttribute('data-dock')).toBe('compact');
    expect(screen.getByTestId('sync-compact').textContent).toContain('erp-import-gone (+1)');
    expect(prompt().textContent).toContain('old-crm');
    expect(screen.queryByTestId('sync-mark-revoked')).toBeNull();
    expect(CONTROLS.every((c) => !intersects(box(prompt()), c))).toBe(true);
    userClick(screen.getByTestId('sync-expand'));
    expect(prompt().getAttribute('data-dock')).not.toBe('compact');
    expect(screen.getByTestId('sync-mark-revoked')).toBeTruthy();
    const collapse = screen.getByTestId('sync-collapse');
    await waitFor(() => expect(document.activeElement).toBe(collapse));
    userClick(collapse);
    expect(screen.getByTestId('sync-compact')).toBeTruthy();
    userClick(screen.getByTestId('sync-dismiss'));
    expect(props.onDismiss).toHaveBeenCalledTimes(1);
  });
});
