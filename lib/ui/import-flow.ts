import { useCallback, useRef, useState } from 'react';
import type { Settings } from '@/lib/storage/settings';
import { MAX_IMPORT_RECORDS, mergeInventories, parseImport, type ImportError, type MergeConflict } from '@/lib/tokens/import';
import type { Inventory } from '@/lib/tokens/record';
import type { ImportReply } from '@/lib/ui/inventory-actions';

/**
 * Import of a JSON backup: validate everything first (`parseImport`), show every error and change
 * nothing if anything is wrong; otherwise preview what a merge would do and wait for a confirmation.
 */

/** 10,000 tokens export to ~6 MB; anything far beyond is not one of our files. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
/** The record limit, checked by `parseImport` where the file is parsed (the background accepts no more in one message). */
export { MAX_IMPORT_RECORDS };

export interface ImportPreview {
  fileName: string;
  /** The validated records to send to the background, which merges them against its own fresh read. */
  incoming: Inventory;
  settings?: Settings;
  warnings: string[];
  added: number;
  updated: number;
  unchanged: number;
  conflicts: MergeConflict[];
  /** Set-aside entries the file brings that the inventory does not have yet. */
  quarantined: number;
}

export type ImportState =
  | { step: 'idle' }
  | { step: 'reading'; fileName: string }
  | { step: 'invalid'; fileName: string; errors: ImportError[] }
  | { step: 'preview'; preview: ImportPreview }
  | { step: 'importing'; preview: ImportPreview }
  | { step: 'done'; message: string }
  | { step: 'failed'; message: string; preview?: ImportPreview };

/** Validates a file's text and, if valid, previews the merge into `current`. Pure; never throws. */
export function previewImport(text: string, fileName: string, current: Inventory, now: number): ImportState {
  try {
    return previewImportUnsafe(text, fileName, current, now);
  } catch (e) {
    // parseImport never throws; this keeps the page from staying at "Reading…" if the merge preview did.
    return { step: 'invalid', fileName, errors: [{ path: '', message: `The file could not be checked (${e instanceof Error ? e.name : 'error'}). Nothing was changed.` }] };
  }
}

function previewImportUnsafe(text: string, fileName: string, current: Inventory, now: number): ImportState {
  const parsed = parseImport(text, now);
  if (!parsed.ok) return { step: 'invalid', fileName, errors: parsed.errors };
  const merged = mergeInventories(current, parsed.inventory);
  const preview: ImportPreview = {
    fileName,
    incoming: parsed.inventory,
    warnings: parsed.warnings,
    added: merged.added.length,
    updated: merged.updated.length,
    unchanged: merged.unchanged,
    conflicts: merged.conflicts,
    quarantined: merged.inventory.quarantine.length - current.quarantine.length,
  };
  if (parsed.settings) preview.settings = parsed.settings;
  return { step: 'preview', preview };
}

export function importDoneMessage(r: ImportReply, settingsApplied: boolean): string {
  const parts = [`${r.added} added`, `${r.updated} updated`, `${r.unchanged} unchanged`];
  if (r.conflicts) parts.push(`${r.conflicts} conflict${r.conflicts === 1 ? '' : 's'} resolved`);
  return `Imported: ${parts.join(', ')}.${settingsApplied ? ' Settings applied.' : ''}`;
}

export interface ImportFlowDeps {
  /** The inventory as last read (for the preview only). */
  current(): Inventory;
  sendImport(incoming: Inventory): Promise<ImportReply | { ok: false; error: string }>;
  saveSettings(s: Settings): Promise<void>;
  now(): number;
}

export function useImportFlow(deps: ImportFlowDeps) {
  const [state, setState] = useState<ImportState>({ step: 'idle' });
  const stateRef = useRef(state);
  stateRef.current = state;
  const depsRef = useRef(deps);
  depsRef.current = deps;
  /** Guards against a slow read of an older file landing after a newer choice. */
  const seq = useRef(0);

  const chooseFile = useCallback(async (file: File | undefined) => {
    const n = ++seq.current;
    if (!file) {
      setState({ step: 'idle' });
      return;
    }
    if (file.size > MAX_IMPORT_BYTES) {
      setState({ step: 'invalid', fileName: file.name, errors: [{ path: '', message: `The file is too large (${(file.size / 1048576).toFixed(1)} MB). Choose a JSON file exported by Wati Token Guard.` }] });
      return;
    }
    setState({ step: 'reading', fileName: file.name });
    let text: string;
    try {
      text = await file.text();
    } catch (e) {
      if (n === seq.current) setState({ step: 'invalid', fileName: file.name, errors: [{ path: '', message: `The file could not be read (${e instanceof Error ? e.message : 'read error'}).` }] });
      return;
    }
    if (n !== seq.current) return;
    const d = depsRef.current;
    let next: ImportState;
    try {
      next = previewImport(text, file.name, d.current(), d.now());
    } catch (e) {
      next = { step: 'invalid', fileName: file.name, errors: [{ path: '', message: `The file could not be checked (${e instanceof Error ? e.name : 'error'}). Nothing was changed.` }] };
    }
    setState(next);
  }, []);

  const confirm = useCallback(async (applySettings: boolean) => {
    const s = stateRef.current;
    if (s.step !== 'preview') return;
    const preview = s.preview;
    stateRef.current = { step: 'importing', preview };
    setState(stateRef.current);
    const d = depsRef.current;
    const reply = await d.sendImport(preview.incoming);
    if (!reply.ok) {
      setState({ step: 'failed', message: reply.error, preview });
      return;
    }
    let settingsApplied = false;
    if (applySettings && preview.settings) {
      try {
        await d.saveSettings(preview.settings);
        settingsApplied = true;
      } catch {
        setState({ step: 'failed', message: `${importDoneMessage(reply, false)} The settings could not be saved; they are unchanged.` });
        return;
      }
    }
    setState({ step: 'done', message: importDoneMessage(reply, settingsApplied) });
  }, []);

  const cancel = useCallback(() => {
    seq.current++;
    setState({ step: 'idle' });
  }, []);

  return { state, chooseFile, confirm, cancel };
}
