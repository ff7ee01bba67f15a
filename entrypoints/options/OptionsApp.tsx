import { useRef, useState } from 'react';
import { ImportExport, type DownloadKind } from '@/components/options/ImportExport';
import { QuarantineList } from '@/components/options/QuarantineList';
import { SettingsForm } from '@/components/SettingsForm';
import { downloadText } from '@/lib/platform/download';
import { useExactClipboardCheck } from '@/lib/ui/exact-clipboard';
import { buildExport, type ExportKind } from '@/lib/ui/export-files';
import { useImportFlow } from '@/lib/ui/import-flow';
import { importInventory } from '@/lib/ui/inventory-actions';
import { useInventory } from '@/lib/ui/inventory-store';
import { useSettings } from '@/lib/ui/settings-store';
import { userTimeZone } from '@/lib/ui/time';

/** Wiring only: storage and platform in, presentational components out. */
export function OptionsApp() {
  const { settings, repaired, save } = useSettings();
  const inv = useInventory();
  const exact = useExactClipboardCheck(settings, save);
  const inventoryRef = useRef(inv.inventory);
  inventoryRef.current = inv.inventory;
  const flow = useImportFlow({ current: () => inventoryRef.current, sendImport: importInventory, saveSettings: save, now: () => Date.now() });
  const [exportNote, setExportNote] = useState<string | undefined>();

  const download = (kind: ExportKind) => {
    const file = buildExport(kind, { inventory: inventoryRef.current, settings, now: Date.now(), timeZone: userTimeZone() });
    downloadText(file.name, file.text, file.mime);
    setExportNote(`Saved ${file.name} to your downloads.`);
  };

  return (
    <main className="page options">
      <h1>Wati Token Guard settings</h1>
      {repaired.length > 0 && (
        <div role="alert" data-testid="settings-repaired">
          {repaired.map((r) => (
            <p key={r}>{r}</p>
          ))}
        </div>
      )}
      {settings ? (
        <SettingsForm settings={settings} onChange={(s) => void save(s)} onRequestExactCheck={exact.toggle} exactCheckMessage={exact.message} />
      ) : (
        <p>Loading…</p>
      )}
      <ImportExport
        recordCount={inv.loaded && settings ? inv.inventory.records.length : undefined}
        onExport={(kind: DownloadKind) => download(kind)}
        exportNote={exportNote}
        importState={flow.state}
        onChooseFile={(f) => void flow.chooseFile(f)}
        onConfirmImport={(apply) => void flow.confirm(apply)}
        onCancelImport={flow.cancel}
      />
      <QuarantineList entries={inv.inventory.quarantine} repaired={inv.repaired} onDownload={() => download('quarantine')} />
    </main>
  );
}
