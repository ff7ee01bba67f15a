import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { PopupView, type PopupViewProps } from '@/components/popup/PopupView';
import { OPEN_GROUPS, ROWS_PER_GROUP } from '@/components/popup/InventoryList';
import type { TokenRowActions } from '@/components/popup/TokenRow';
import { startOfLocalDay } from '@/lib/reminders/calendar';
import { DEFAULT_REMINDER_SETTINGS } from '@/lib/reminders/settings';
import { isoDateToDayNumber } from '@/lib/tokens/dates';
import type { Inventory, TokenRecord } from '@/lib/tokens/record';
import type { ActionResult } from '@/lib/ui/inventory-actions';
import { buildInventoryView } from '@/lib/ui/inventory-view';
import { makeRecord } from '../../unit/tokens/helpers';

afterEach(cleanup);

const TZ = 'UTC';
const NOW = startOfLocalDay(isoDateToDayNumber('2026-06-15'), TZ) + 9 * 3_600_000;
const settings = { ...DEFAULT_REMINDER_SETTINGS, milestonesDays: [30, 14, 7, 3, 1] };
const rec = (id: string, over: Partial<TokenRecord> = {}) =>
  makeRecord({ id, name: id, createdAt: '2026-06-01T10:00:00.000Z', updatedAt: '2026-06-01T10:00:00.000Z', ...over });
const inv = (...records: TokenRecord[]): Inventory => ({ version: 1, records, quarantine: [] });
const ok = async (): Promise<ActionResult> => ({ ok: true });

function actions(over: Partial<TokenRowActions> = {}): TokenRowActions {
  return { onRotate: vi.fn(ok), onMarkRevoked: vi.fn(ok), onSaveEdit: vi.fn(ok), onDelete: vi.fn(ok), ...over };
}

function renderPopup(inventory: Inventory, over: Partial<PopupViewProps> = {}) {
  const props: PopupViewProps = {
    view: buildInventoryView(inventory, settings, NOW, TZ),
    quarantined: 0,
    repaired: 0,
    clipboardClearSeconds: 30,
    actions: actions(),
    onCreateToken: vi.fn(),
    onOpenSettings: vi.fn(),
    ...over,
  };
  return { props, ...render(<PopupView {...props} />) };
}

const rows = () => screen.queryAllByTestId('token-row');
const row = (name: string) => rows().find((r) => r.dataset.tokenName === name)!;

describe('popup inventory', () => {
  it('lists tokens most urgent first, with name and status attributes', () => {
    renderPopup(
      inv(
        rec('fine', { expiresAt: '2026-12-31' }),
        rec('revoked-one', { status: 'revoked' }),
        rec('overdue', { expiresAt: '2026-06-10' }),
        rec('soon', { expiresAt: '2026-06-18' }),
        rec('old', { createdAt: '2025-10-01T10:00:00.000Z', lastConfirmedWorkingAt: '2026-06-10T10:00:00.000Z' }),
        rec('swapped', { status: 'replaced' }),
      ),
    );
    expect(screen.getByTestId('inventory')).toBeTruthy();
    expect(rows().map((r) => [r.dataset.tokenName, r.dataset.status])).toEqual([
      ['overdue', 'active'],
      ['soon', 'active'],
      ['old', 'active'],
      ['fine', 'active'],
      ['swapped', 'replaced'],
      ['revoked-one', 'revoked'],
    ]);
    expect(screen.getByTestId('attention-total').textContent).toBe('3 need attention');
  });

  it('shows days left, scopes, source and the reasons of each token', () => {
    renderPopup(
      inv(
        rec('crm', { expiresAt: '2026-06-10', scopes: ['contactsv3:read', 'messages:send'], source: 'synced' }),
        rec('bot', { expiresAt: '2026-06-20', scopes: [] }),
        rec('forever'),
        rec('rotate-me', { createdAt: '2025-11-01T10:00:00.000Z', lastConfirmedWorkingAt: '2026-06-14T10:00:00.000Z' }),
      ),
    );
    const crm = row('crm');
    expect(within(crm).getByTestId('days-left').textContent).toBe('expired 5 days ago');
    expect(within(crm).getByTestId('token-status').textContent).toBe('active');
    expect(within(crm).getAllByRole('listitem').filter((li) => li.classList.contains('chip')).map((li) => li.textContent)).toEqual(['contactsv3:read', 'messages:send']);
    expect(within(crm).getByTestId('token-source').textContent).toBe("read from Wati's list");
    expect(within(crm).getAllByTestId('attention').map((a) => a.dataset.kind)).toEqual(['overdue']);
    expect(within(row('bot')).getByTestId('days-left').textContent).toBe('5 days left');
    expect(within(row('bot')).getAllByTestId('attention')[0]!.textContent).toBe('Expires in 5 days');
    expect(within(row('bot')).getByText('no scopes recorded')).toBeTruthy();
    expect(within(row('forever')).getByTestId('days-left').textContent).toBe('no expiry');
    expect(within(row('forever')).queryAllByTestId('attention')).toEqual([]);
    expect(within(row('rotate-me')).getAllByTestId('attention').map((a) => a.dataset.kind)).toEqual(['rotation']);
  });

  it('groups by workspace, labelled with host and tenant id', () => {
    renderPopup(
      inv(
        rec('a', { workspace: { tenantId: '10234', host: 'live.wati.io' } }),
        rec('b', { workspace: { tenantId: '555', host: 'live-mt-server.wati.io' }, expiresAt: '2026-06-16' }),
      ),
    );
    const groups = screen.getAllByTestId('workspace-group');
    expect(groups.map((g) => within(g).getByTestId('workspace-label').textContent)).toEqual(['live-mt-server.wati.io · 555', 'live.wati.io · 10234']);
    expect(within(groups[0]!).getAllByTestId('token-row').map((r) => r.dataset.tokenName)).toEqual(['b']);
  });

  it('shows the empty state, and a loading line before the first read', () => {
    const { props, unmount } = renderPopup(inv());
    const empty = screen.getByTestId('empty-state');
    expect(empty.textContent).toMatch(/never the token itself/);
    expect(screen.queryByTestId('inventory')).toBeNull();
    fireEvent.click(within(empty).getByText('Create a token safely'));
    expect(props.onCreateToken).toHaveBeenCalledTimes(1);
    unmount();
    renderPopup(inv(), { view: undefined, clipboardClearSeconds: undefined });
    expect(screen.getByTestId('inventory-loading')).toBeTruthy();
    expect(screen.getByTestId('clipboard-setting').textContent).toBe('Loading…');
  });

  it('"Create a token safely" asks to open the coach; the footer shows the clipboard setting', () => {
    const { props } = renderPopup(inv(rec('a')));
    fireEvent.click(screen.getByTestId('create-token'));
    expect(props.onCreateToken).toHaveBeenCalledWith();
    expect(screen.getByTestId('clipboard-setting').textContent).toBe('Clipboard clears after 30 s');
    fireEvent.click(screen.getByTestId('create-token-workspace'));
    expect(props.onCreateToken).toHaveBeenLastCalledWith({ host: 'live-mt-server.wati.io', tenantId: '123456' });
  });

  it('warns about set-aside and repaired records', () => {
    renderPopup(inv(rec('a')), { quarantined: 2, repaired: 3 });
    const warning = screen.getByTestId('inventory-warning');
    expect(warning.textContent).toContain('2 records could not be read and were set aside; see Settings → Import/Export.');
    expect(warning.textContent).toContain('repaired (3 fixes)');
    cleanup();
    renderPopup(inv(rec('a')));
    expect(screen.queryByTestId('inventory-warning')).toBeNull();
  });
});

describe('popup row actions', () => {
  it('Rotate and Mark revoked send the token id; a revoked token offers neither', async () => {
    const a = actions();
    renderPopup(inv(rec('live'), rec('dead', { status: 'revoked' })), { actions: a });
    await act(async () => fireEvent.click(within(row('live')).getByTestId('rotate')));
    expect(a.onRotate).toHaveBeenCalledWith('live');
    await act(async () => fireEvent.click(within(row('live')).getByTestId('mark-revoked')));
    expect(a.onMarkRevoked).toHaveBeenCalledWith('live');
    expect(within(row('dead')).queryByTestId('rotate')).toBeNull();
    expect(within(row('dead')).queryByTestId('mark-revoked')).toBeNull();
  });

  it('offers Snooze 1 day only for a token that needs attention', async () => {
    const onSnooze = vi.fn(ok);
    renderPopup(inv(rec('soon', { expiresAt: '2026-06-18' }), rec('calm', { expiresAt: '2026-12-31' })), { actions: actions({ onSnooze }) });
    await act(async () => fireEvent.click(within(row('soon')).getByTestId('snooze')));
    expect(onSnooze).toHaveBeenCalledWith('soon');
    expect(within(row('calm')).queryByTestId('snooze')).toBeNull();
  });

  it('shows an action error on the row', async () => {
    renderPopup(inv(rec('live')), { actions: actions({ onRotate: async () => ({ ok: false, error: 'This token is no longer in the inventory.' }) }) });
    await act(async () => fireEvent.click(screen.getByTestId('rotate')));
    expect(screen.getByTestId('row-error').textContent).toBe('This token is no longer in the inventory.');
  });

  it('Delete asks for confirmation first', async () => {
    const a = actions();
    renderPopup(inv(rec('victim')), { actions: a });
    fireEvent.click(screen.getByTestId('delete'));
    expect(screen.getByTestId('delete-confirmation').textContent).toMatch(/does not revoke it in Wati/);
    fireEvent.click(screen.getByTestId('delete-cancel'));
    expect(screen.queryByTestId('delete-confirmation')).toBeNull();
    expect(a.onDelete).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTestId('delete'));
    await act(async () => fireEvent.click(screen.getByTestId('delete-confirm')));
    expect(a.onDelete).toHaveBeenCalledWith('victim');
  });
});

describe('popup edit form', () => {
  const open = (a: TokenRowActions, over: Partial<TokenRecord> = {}) => {
    renderPopup(inv(rec('tok', { expiresAt: '2026-12-31', notes: 'in vault', ...over })), { actions: a });
    fireEvent.click(screen.getByTestId('edit'));
    return {
      date: screen.getByTestId('edit-expiry') as HTMLInputElement,
      notes: screen.getByTestId('edit-notes') as HTMLTextAreaElement,
      save: () => act(async () => fireEvent.click(screen.getByTestId('edit-save'))),
    };
  };

  it('starts from the stored values and saves only what changed', async () => {
    const a = actions();
    const f = open(a);
    expect(f.date.value).toBe('2026-12-31');
    expect(f.notes.value).toBe('in vault');
    fireEvent.change(f.date, { target: { value: '2027-03-01' } });
    await f.save();
    expect(a.onSaveEdit).toHaveBeenCalledWith('tok', { expiresAt: '2027-03-01' });
    expect(screen.queryByTestId('edit-form')).toBeNull();
  });

  it('refuses an empty date, a date before creation and a token in the notes, saying why', async () => {
    const a = actions();
    const f = open(a);
    fireEvent.change(f.date, { target: { value: '' } });
    await f.save();
    expect(screen.getByTestId('edit-error').textContent).toMatch(/Enter the expiry date shown by Wati, or tick "No expiry"/);
    fireEvent.change(f.date, { target: { value: '2026-05-01' } });
    expect(screen.getByTestId('edit-error').textContent).toBe('The expiry date is before the token was created (2026-06-01).');
    fireEvent.change(f.date, { target: { value: '2026-07-01' } });
    fireEvent.change(f.notes, { target: { value: 'x'.repeat(2001) } });
    await f.save();
    const errors = screen.getAllByTestId('edit-error');
    expect(errors.map((e) => e.dataset.field)).toEqual(['notes']);
    expect(errors[0]!.textContent).toMatch(/too long: 2001 characters/);
    expect(a.onSaveEdit).not.toHaveBeenCalled();
    expect(screen.getByTestId('edit-form')).toBeTruthy();
  });

  it('"No expiry" saves null; a past date warns but saves', async () => {
    const a = actions();
    const f = open(a);
    fireEvent.click(screen.getByTestId('edit-no-expiry'));
    expect(f.date.disabled).toBe(true);
    await f.save();
    expect(a.onSaveEdit).toHaveBeenLastCalledWith('tok', { expiresAt: null });
    cleanup();
    const g = open(a);
    fireEvent.change(g.date, { target: { value: '2026-06-10' } });
    expect(screen.getByTestId('edit-warning').textContent).toMatch(/in the past/);
    await g.save();
    expect(a.onSaveEdit).toHaveBeenLastCalledWith('tok', { expiresAt: '2026-06-10' });
  });

  it('keeps the form open and shows the background error when saving fails', async () => {
    const f = open(actions({ onSaveEdit: async () => ({ ok: false, error: 'No such token.' }) }));
    fireEvent.change(f.notes, { target: { value: 'moved' } });
    await f.save();
    expect(screen.getByTestId('edit-save-error').textContent).toBe('No such token.');
    expect(screen.getByTestId('edit-form')).toBeTruthy();
    fireEvent.click(screen.getByTestId('edit-cancel'));
    expect(screen.queryByTestId('edit-form')).toBeNull();
  });
});

describe('popup with a large inventory', () => {
  const big = () =>
    inv(
      ...Array.from({ length: 1000 }, (_, i) =>
        rec(`tok-${String(i).padStart(4, '0')}`, {
          workspace: { tenantId: String(100 + (i % 20)), host: 'live.wati.io' },
          expiresAt: i % 3 === 0 ? null : `2026-${String(7 + (i % 6)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
        }),
      ),
    );

  it('renders the first workspaces open with their first rows; the rest is one click away', () => {
    renderPopup(big());
    const groups = screen.getAllByTestId('workspace-group');
    expect(groups).toHaveLength(20);
    expect(rows()).toHaveLength(OPEN_GROUPS * ROWS_PER_GROUP);
    expect(groups.map((g) => within(g).getByTestId('workspace-toggle').getAttribute('aria-expanded'))).toEqual([
      ...Array(OPEN_GROUPS).fill('true'),
      ...Array(20 - OPEN_GROUPS).fill('false'),
    ]);
    fireEvent.click(within(groups[0]!).getByTestId('show-all-rows'));
    expect(within(groups[0]!).getAllByTestId('token-row')).toHaveLength(50);
    fireEvent.click(within(groups[19]!).getByTestId('workspace-toggle'));
    expect(within(groups[19]!).getAllByTestId('token-row')).toHaveLength(ROWS_PER_GROUP);
    fireEvent.click(within(groups[0]!).getByTestId('workspace-toggle'));
    expect(within(groups[0]!).queryAllByTestId('token-row')).toHaveLength(0);
  });
});
