import { useSyncExternalStore } from 'react';
import type { CoachController } from './controller';
import type { Capture } from './capture';
import { CapturePanel, CloseGuard } from '@/components/coach/CapturePanel';
import { useStore } from '@/lib/overlay/store';
import type { Rect } from '@/lib/overlay/placement';
import { onTrusted } from '@/components/trusted';

export function useCapture(capture: Capture) {
  return useSyncExternalStore(capture.subscribe, capture.get, capture.get);
}

/** The coach's capture step: points at the panel beside the token. */
export function CaptureStep({ controller, capture }: { controller: CoachController; capture: Capture }) {
  const s = useStore(controller.store);
  const c = useCapture(capture);
  const onScreen = !!s.page?.reveal;
  return onScreen ? (
    <p>Use the panel beside the token: copy it (the clipboard clears itself), save it to your password manager, then confirm.</p>
  ) : (
    <>
      <p className="wtg-warn">
        The token is no longer on screen. If you did not store it, revoke it in the list and generate a new one: Wati never shows it again.
      </p>
      <button type="button" data-testid="capture-confirm" onClick={onTrusted(capture.confirm)}>
        I've stored it
      </button>
      {c.recordId && <p>Its metadata is already in your inventory.</p>}
      {c.saveError && (
        <p className="wtg-warn" role="alert" data-testid="capture-save-error">
          {c.saveError}
        </p>
      )}
    </>
  );
}

/** The floating capture panel and the close guard: shown whenever a new token is on screen. */
export function CaptureLayer({ controller, capture, onPlaced }: { controller: CoachController; capture: Capture; onPlaced?(box: Rect | undefined): void }) {
  const s = useStore(controller.store);
  const c = useCapture(capture);
  const reveal = s.page?.reveal;
  return (
    <>
      {reveal && (
        <CapturePanel
          anchors={[reveal.container, reveal.el, reveal.copyButton, ...reveal.closeButtons]}
          onPlaced={onPlaced}
          tokenName={s.session.generatedForm?.name ?? ''}
          credentialId={capture.credentialId()}
          clipboard={c.clipboard}
          canStoreCredential={'PasswordCredential' in globalThis}
          saved={c.saved}
          stored={!!s.session.stored}
          hidden={c.hidden}
          mismatches={c.mismatches}
          saveError={c.saveError}
          onCopy={() => void capture.copy()}
          onStoreCredential={() => void capture.storeCredential()}
          onFormSaved={capture.formSaved}
          readToken={capture.readToken}
          onConfirm={capture.confirm}
          onToggleHidden={capture.toggleHidden}
          rotation={s.session.rotateFrom ? { chosen: c.rotationChoice, onChoose: (h, l) => void capture.chooseRevoke(h, l) } : undefined}
        />
      )}
      {c.guard && <CloseGuard onBack={capture.guardBack} onCloseAnyway={capture.guardCloseAnyway} />}
    </>
  );
}
