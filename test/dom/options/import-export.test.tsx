import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { ImportExport, type ImportExportProps } from '@/components/options/ImportExport';
import { QuarantineList } from '@/components/options/QuarantineList';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/storage/settings';
import { exportJson } from '@/lib/tokens/export';
import type { Inventory } from '@/lib/tokens/record';
import { previewImport, useImportFlow, type ImportFlowDeps, type ImportState } from '@/lib/ui/import-flow';
import { makeRecord, T0 } from '../../unit/tokens/helpers';

afterEach(cleanup);

const a = makeRecord({ id: 'a', name: 'crm-sync-prod' });
const b = makeRecord({ id: 'b', name: 'billing-bot' });
const inv = (records = [a], quarantine: Inventory['quarantine'] = []): Inventory => ({ version: 1, records, quarantine });

function renderIE(importState: ImportState, over: Partial<ImportExportProps> = {}) {
  const props: ImportExportProps = {
    recordCount: 1,
    onExport: vi.fn(),
    importState,
    onChooseFile: vi.fn(),
    onConfirmImport: vi.fn(),
    onCancelImport: vi.fn(),
    ...over,
  };
  render(<ImportExport {...props} />);
  return props;
}

describe('ImportExport (presentational)', () => {
  it('exports JSON, CSV and ICS on request; waits while loading', () => {
    const p = renderIE({ step: 'idle' });
    fireEvent.click(screen.getByTestId('export-json'));
    fireEvent.click(screen.getByTestId('export-csv'));
    fireEvent.click(screen.getByTestId('export-ics'));
    expect((p.onExport as ReturnType<typeof vi.fn>).mock.calls).toEqual([['json'], ['csv'], ['ics']]);
    cleanup();
    renderIE({ step: 'idle' }, { recordCount: undefined });
    expect((screen.getByTestId('export-json') as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByTestId('import-file') as HTMLInputElement).disabled).toBe(true);
  });

  it('passes the chosen file up', () => {
    const p = renderIE({ step: 'idle' });
    const input = screen.getByTestId('import-file') as HTMLInputElement;
    expect(input.accept).toBe('.json,application/json');
    const file = new File(['{}'], 'backup.json', { type: 'application/json' });
    fireEvent.change(input, { target: { files: [file] } });
    expect(p.onChooseFile).toHaveBeenCalledWith(file);
  });

  it('shows every import error with its path and message, and no confirm button', () => {
    const file = JSON.parse(exportJson(inv([a, b]), undefined, T0));
    file.inventory.records[0].expiresAt = 'tomorrow';
    file.inventory.records[1].token = 'abc';
    const state = previewImport(JSON.stringify(file), 'broken.json', inv([]), T0);
    renderIE(state);
    const box = screen.getByTestId('import-errors');
    expect(box.textContent).toMatch(/broken\.json was not imported: 2 problems\. Nothing was changed\./);
    const items = within(box).getAllByTestId('import-error');
    expect(items.map((i) => within(i).getByTestId('import-error-path').textContent)).toEqual(['inventory.records[0].expiresAt', 'inventory.records[1].token']);
    expect(within(items[0]!).getByTestId('import-error-message').textContent).toMatch(/Record 1 \("crm-sync-prod"\), field "expiresAt": must be an ISO 8601 date/);
    expect(within(items[1]!).getByTestId('import-error-message').textContent).toMatch(/looks like it holds a token secret/);
    expect(screen.queryByTestId('import-confirm')).toBeNull();
  });

  it('shows a whole-file error without a path', () => {
    renderIE(previewImport('not json', 'x.json', inv(), T0));
    const item = screen.getByTestId('import-error');
    expect(within(item).queryByTestId('import-error-path')).toBeNull();
    expect(item.textContent).toMatch(/not valid JSON/);
  });

  it('previews new / updated / unchanged / conflicts, and confirms with or without the settings', () => {
    const changed = { ...a, notes: 'rotated', updatedAt: '2026-03-01T00:00:00.000Z' };
    const sameIdOtherToken = makeRecord({ id: 'c', name: 'other', fingerprint: 'sha256:00000000000000ff' });
    const mine = makeRecord({ id: 'c', name: 'mine', fingerprint: 'sha256:00000000000000aa' });
    const settings: Settings = { ...DEFAULT_SETTINGS, clipboardClearSeconds: 60 };
    const state = previewImport(exportJson(inv([changed, b, sameIdOtherToken]), settings, T0), 'ok.json', inv([a, mine]), T0);
    const p = renderIE(state);
    const preview = screen.getByTestId('import-preview');
    const count = (id: string) => Number(within(preview).getByTestId(id).dataset.count);
    expect([count('import-count-new'), count('import-count-updated'), count('import-count-unchanged'), count('import-count-conflicts')]).toEqual([2, 1, 0, 1]);
    expect(within(preview).getByTestId('import-count-new').textContent).toBe('2 new');
    expect(within(preview).getAllByTestId('import-conflict')[0]!.textContent).toMatch(/has the id of a different token already in the inventory/);
    fireEvent.click(screen.getByTestId('import-confirm'));
    expect(p.onConfirmImport).toHaveBeenLastCalledWith(false);
    fireEvent.click(screen.getByTestId('import-apply-settings'));
    expect(within(preview).getByText(/clipboard cleared after\s+60 s/)).toBeTruthy();
    fireEvent.click(screen.getByTestId('import-confirm'));
    expect(p.onConfirmImport).toHaveBeenLastCalledWith(true);
    fireEvent.click(screen.getByTestId('import-cancel'));
    expect(p.onCancelImport).toHaveBeenCalled();
  });

  it('offers no settings checkbox when the file has none, and disables confirm while importing', () => {
    const state = previewImport(exportJson(inv([b]), undefined, T0), 'ok.json', inv(), T0);
    if (state.step !== 'preview') throw new Error('expected a preview');
    renderIE({ step: 'importing', preview: state.preview });
    expect(screen.queryByTestId('import-apply-settings')).toBeNull();
    expect((screen.getByTestId('import-confirm') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId('import-confirm').textContent).toBe('Importing…');
  });
});

function Harness(props: { deps: ImportFlowDeps }) {
  const flow = useImportFlow(props.deps);
  return (
    <ImportExport
      recordCount={1}
      onExport={() => undefined}
      importState={flow.state}
      onChooseFile={(f) => void flow.chooseFile(f)}
      onConfirmImport={(apply) => void flow.confirm(apply)}
      onCancelImport={flow.cancel}
    />
  );
}

describe('import flow (hook + component)', () => {
  const deps = (over: Partial<ImportFlowDeps> = {}): ImportFlowDeps => ({
    current: () => inv([a]),
    sendImport: vi.fn(async () => ({ ok: true as const, added: 1, updated: 0, unchanged: 1, conflicts: 0 })),
    saveSettings: vi.fn(async () => undefined),
    now: () => T0,
    ...over,
  });
  const choose = async (text: string, name = 'backup.json') => {
    await act(async () => {
      fireEvent.change(screen.getByTestId('import-file'), { target: { files: [new File([text], name, { type: 'application/json' })] } });
    });
    // File.text() resolves on a later tick.
    await act(async () => new Promise((r) => setTimeout(r, 10)));
  };

  it('an invalid file changes nothing: errors shown, nothing sent', async () => {
    const d = deps();
    render(<Harness deps={d} />);
    await choose('{"format":"something-else"}');
    expect(screen.getByTestId('import-errors').textContent).toMatch(/not "wati-token-guard"/);
    expect(d.sendImport).not.toHaveBeenCalled();
    expect(d.saveSettings).not.toHaveBeenCalled();
  });

  it('a valid file is previewed, then imported through the background, settings applied only when asked', async () => {
    const d = deps();
    render(<Harness deps={d} />);
    await choose(exportJson(inv([a, b]), { ...DEFAULT_SETTINGS, clipboardClearSeconds: 120 }, T0));
    expect(screen.getByTestId('import-count-new').textContent).toBe('1 new');
    expect(d.sendImport).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTestId('import-apply-settings'));
    await act(async () => fireEvent.click(screen.getByTestId('import-confirm')));
    expect(d.sendImport).toHaveBeenCalledTimes(1);
    expect((d.sendImport as ReturnType<typeof vi.fn>).mock.calls[0]![0].records.map((r: { id: string }) => r.id)).toEqual(['a', 'b']);
    expect(d.saveSettings).toHaveBeenCalledWith(expect.objectContaining({ clipboardClearSeconds: 120 }));
    expect(screen.getByTestId('import-done').textContent).toBe('Imported: 1 added, 0 updated, 1 unchanged. Settings applied.');
  });

  it('a refused import says so and keeps the settings untouched', async () => {
    const d = deps({ sendImport: vi.fn(async () => ({ ok: false as const, error: 'The extension did not accept the import.' })) });
    render(<Harness deps={d} />);
    await choose(exportJson(inv([b]), DEFAULT_SETTINGS, T0));
    fireEvent.click(screen.getByTestId('import-apply-settings'));
    await act(async () => fireEvent.click(screen.getByTestId('import-confirm')));
    expect(screen.getByTestId('import-failed').textContent).toBe('The extension did not accept the import.');
    expect(d.saveSettings).not.toHaveBeenCalled();
  });
});

describe('QuarantineList', () => {
  it('lists set-aside records with their error and offers to download them', () => {
    const onDownload = vi.fn();
    render(
      <QuarantineList
        entries={[
          { raw: { name: 42 }, error: 'it has neither a usable id nor a name', at: '2026-01-02T00:00:00.000Z' },
          { raw: 'x'.repeat(1000), error: 'not an object (string)', at: '2026-01-03T00:00:00.000Z' },
        ]}
        repaired={['Token record #1 could not be read (not an object (string)); it was kept in quarantine.']}
        onDownload={onDownload}
      />,
    );
    expect(screen.getAllByTestId('quarantine-entry')).toHaveLength(2);
    expect(screen.getAllByTestId('quarantine-error').map((e) => e.textContent)).toEqual(['it has neither a usable id nor a name', 'not an object (string)']);
    expect(screen.getByTestId('quarantine').textContent).toContain('2 records could not be read and were set aside');
    expect(screen.getByTestId('inventory-repaired').textContent).toContain('kept in quarantine');
    fireEvent.click(screen.getByTestId('quarantine-download'));
    expect(onDownload).toHaveBeenCalled();
  });

  it('renders nothing when there is nothing to show', () => {
    const { container } = render(<QuarantineList entries={[]} repaired={[]} onDownload={() => undefined} />);
    expect(container.childElementCount).toBe(0);
  });
});
