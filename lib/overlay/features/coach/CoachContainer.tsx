import { useCallback, useEffect, useMemo, useState } from 'react';
import { useStore } from '@/lib/overlay/store';
import { currentStep, deriveSteps, formSignature, type StepId } from '@/lib/coach/steps';
import { CoachPanel, ManualChecklist } from '@/components/coach/CoachPanel';
import { DoneBody, ExpiryBody, GenerateBody, NameBody, NavigateBody, OpenFormBody, ReviewBody } from '@/components/coach/StepBodies';
import { Highlight } from '@/components/coach/Highlight';
import { useAnchorRect, useRects } from '@/components/coach/useRects';
import type { Rect } from '@/lib/overlay/placement';
import type { OverlayLayout } from '@/lib/overlay/layout';
import { usePanelLayout } from '@/components/usePanelLayout';
import { ErrorBoundary } from '@/components/ErrorBoundary';
import { checkTokenName, suggestTokenName } from '@/lib/tokens/naming';
import { applyExpiry, applyText } from '@/lib/wati-page/apply';
import { findTokenPageLink } from '@/lib/wati-page/nav';
import { scopeGroupOf } from '@/lib/wati-page/form';
import type { CoachController } from './controller';
import { ScopeStep, useScopeAnalysis } from './ScopeStep';
import { CaptureLayer, CaptureStep } from './CaptureStep';
import type { Capture } from './capture';
import { keepClearElements } from './keep-clear';

export const SUGGESTED_EXPIRY_DAYS = 180;

export function CoachContainer({ controller, capture, layout }: { controller: CoachController; capture: Capture; layout?: OverlayLayout }) {
  // Where the capture panel stands: the coach keeps clear of it too (the capture panel has priority). Both boxes
  // also go to the overlay's layout, so that the banner and the sync prompt keep clear of them.
  const [captureBox, setCaptureBox] = useState<Rect | undefined>();
  const onCapturePlaced = useCallback(
    (box: Rect | undefined) => {
      setCaptureBox(box);
      layout?.setBox('capture', box);
    },
    [layout],
  );
  return (
    <>
      <ErrorBoundary fallback={<ManualChecklist reason="The coach hit a problem on this page, so here are Wati's steps as a checklist." onDismiss={() => {}} />}>
        <Coach controller={controller} capture={capture} avoid={captureBox} layout={layout} />
      </ErrorBoundary>
      {/* The show-once capture works even when the coach is dismissed or minimised. */}
      <ErrorBoundary fallback={null}>
        <CaptureLayer controller={controller} capture={capture} onPlaced={onCapturePlaced} />
      </ErrorBoundary>
    </>
  );
}

function Coach({ controller, capture, avoid, layout }: { controller: CoachController; capture: Capture; avoid?: Rect; layout?: OverlayLayout }) {
  const s = useStore(controller.store);
  const { session, page } = s;
  const form = page?.form;
  const analysis = useScopeAnalysis(s);
  const existingNames = useMemo(() => (page?.list ?? []).map((r) => r.name), [page?.list]);
  const formSnap = s.lastForm;

  const steps = deriveSteps({
    onTokenPage: s.onTokenPage,
    formOpen: !!form,
    form: form ? formSnap : undefined,
    revealShown: !!page?.reveal,
    session,
    scopesBlocking: analysis.blocking,
    needsConfirmation: analysis.needsConfirmation,
  });
  const current = currentStep(steps);
  const nav = current === 'navigate' ? findTokenPageLink(document) : undefined;
  const target: Partial<Record<StepId, Element | undefined>> = {
    navigate: nav?.el,
    'open-form': page?.openFormButton,
    name: form?.name?.el,
    scopes: form && scopeGroupOf(form),
    expiry: form?.expiry?.el,
    review: form?.region,
    generate: form?.generate,
    capture: page?.reveal?.el,
  };
  const targetRect = useAnchorRect(target[current]);
  const clear = keepClearElements(current, page, nav?.el);
  const keepClearRects = useRects(clear.keepClear);
  const controlRects = useRects(clear.controls);
  // Wati's other controls (top bar, sidebar, the list...): the coach never stands in front of those either.
  const wati = usePanelLayout(layout, 'coach', 16);
  const keepClear = useMemo(() => [...keepClearRects, ...(avoid ? [avoid] : []), ...wati.keepClear], [keepClearRects, avoid, wati.keepClear]);
  const controls = useMemo(() => [...controlRects, ...wati.controls], [controlRects, wati.controls]);
  // The banner and the sync prompt keep clear of the same set (the layout compares the elements: no churn).
  useEffect(() => layout?.setPageKeepClear(clear));
  useEffect(() => () => layout?.setPageKeepClear(undefined), [layout]);

  if (!s.ready || session.dismissed) return null;
  const wanted = s.onTokenPage ? s.settings.coachAutoOpen || s.requested : s.requested;
  if (!wanted) return null;
  const dismiss = () => controller.updateSession({ dismissed: true });
  if (s.unrecognised) {
    return (
      <ManualChecklist
        reason="This looks like Wati's API Tokens page, but the coach cannot read its form (Wati may have changed it). Follow these steps by hand."
        onDismiss={dismiss}
      />
    );
  }

  const nameWarnings = formSnap ? checkTokenName(formSnap.name, existingNames).map((w) => w.message) : [];
  const suggested = suggestTokenName({
    integration: s.rotating ? s.rotating.name.replace(/-?\d{4}-\d{2}(-\d{2})?$/, '').replace(/-(prod|production|staging|dev|test)$/i, '') : analysis.integrationHint,
    environment: 'prod',
    now: Date.now(),
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  });
  // A rotation in the same month would suggest the old name again: names must stay unique.
  const suggestion = existingNames.includes(suggested) || s.rotating?.name === suggested ? `${suggested}-2` : suggested;


  const bodies: Partial<Record<StepId, React.ReactNode>> = {
    navigate: <NavigateBody canGo={!!nav} onGo={() => nav?.el.click()} />,
    'open-form': <OpenFormBody />,
    name: (
      <NameBody
        value={formSnap?.name ?? ''}
        suggestion={suggestion}
        warnings={nameWarnings}
        canFill={!!form?.name}
        onUseSuggestion={() => {
          if (form?.name) applyText(form.name.el, suggestion);
          controller.refresh();
        }}
      />
    ),
    scopes: <ScopeStep controller={controller} analysis={analysis} rotating={s.rotating} />,
    expiry: (
      <ExpiryBody
        current={formSnap?.expiry}
        canFill={!!form?.expiry}
        hasControl={!!form?.expiry}
        onFill={() => {
          if (form?.expiry) void applyExpiry(form.expiry, SUGGESTED_EXPIRY_DAYS, new Date()).then(() => controller.refresh());
        }}
        acknowledged={!!session.noExpiryAck}
        onAcknowledge={(v) => controller.updateSession({ noExpiryAck: v })}
      />
    ),
    review: formSnap && (
      <ReviewBody
        form={formSnap}
        risks={analysis.confirmationReasons}
        needsConfirmation={analysis.needsConfirmation}
        reviewed={session.reviewedSignature === formSignature(formSnap)}
        onConfirm={(reason) => controller.updateSession({ reviewedSignature: formSignature(formSnap), riskReason: reason })}
      />
    ),
    generate: <GenerateBody />,
    capture: <CaptureStep controller={controller} capture={capture} />,
  };
  if (steps.done === 'done') bodies.done = <DoneBody name={session.generatedForm?.name} />;

  return (
    <>
      <CoachPanel
        steps={steps}
        bodies={bodies}
        minimised={!!session.minimised}
        onToggleMinimise={() => controller.updateSession({ minimised: !session.minimised })}
        onDismiss={dismiss}
        keepClear={keepClear}
        controls={controls}
        onPlaced={(box) => layout?.setBox('coach', box)}
        keepOpen={form && !page?.reveal && !session.generatedForm ? ['scopes'] : []}
        banner={
          s.rotating ? (
            <span data-testid="coach-rotating">
              Rotating “{s.rotating.name}”: same scopes, a fresh name and expiry. Revoke the old one once the integration uses the new token.
            </span>
          ) : undefined
        }
      />
      {!session.minimised && current !== 'done' && <Highlight rect={targetRect} label={current} />}
    </>
  );
}
