import { useEffect, useMemo, useRef, useState } from 'react';
import {
  checkScopes,
  computeMinimalScopes,
  endpointRefsOf,
  listEndpoints,
  listIntentPresets,
  endpointRefOf,
  normaliseScope,
  type Finding,
  type Recommendation,
} from '@/lib/scopes';
import { fromRef, integrationHint, intentEndpoints, toRef, type CoachIntent } from '@/lib/coach/intent';
import { createIntentInput, type IntentInputResult } from '@/lib/coach/intent-input';
import { applyChecked } from '@/lib/wati-page/apply';
import { readScopeForm } from '@/lib/wati-page/form';
import { stripCredentials } from '@/lib/tokens/strip-credentials';
import type { CoachController, CoachState } from './controller';
import { IntentPicker, ScopeFindings } from '@/components/coach/ScopeCheck';
import { onTrusted } from '@/components/trusted';

export interface ScopeAnalysis {
  intent: CoachIntent;
  recommendation?: Recommendation;
  findings: Finding[];
  /** An endpoint of the intent would get 403 with the ticked scopes. */
  blocking: boolean;
  /** Excess or high-risk scopes: the review asks for a reason. */
  needsConfirmation: boolean;
  confirmationReasons: string[];
  integrationHint?: string;
}

const EMPTY_INTENT: CoachIntent = { presets: [], endpoints: [] };

/** Least-privilege analysis of the form as it is now, against the stated intent. Pure derivation. */
export function analyseScopes(s: Pick<CoachState, 'page' | 'lastForm' | 'session'>): ScopeAnalysis {
  const intent = (s.session.intent as CoachIntent | undefined) ?? EMPTY_INTENT;
  const form = s.page?.form;
  const available = form?.scopes.map((c) => c.raw) ?? [];
  const selected = form ? form.scopes.filter((c) => c.checked).map((c) => c.raw) : (s.lastForm?.scopes ?? []);
  const refs = intentEndpoints(intent);
  const recommendation = refs.length ? computeMinimalScopes(refs, { available: available.length ? available : undefined }) : undefined;
  const selectAllUsed = !!form?.selectAll?.checked || (available.length > 4 && selected.length === available.length);
  const findings = form || selected.length ? checkScopes({ selected, available, recommended: recommendation, selectAllUsed }) : [];
  const risky = findings.filter((f) => f.kind === 'excess' || f.kind === 'high-risk' || f.kind === 'unknown');
  return {
    intent,
    recommendation,
    findings,
    blocking: findings.some((f) => f.kind === 'missing'),
    needsConfirmation: risky.length > 0,
    confirmationReasons: risky.map((f) => `${f.scope === 'select-all' ? 'Select all' : f.scope}: ${f.reason}`),
    integrationHint: integrationHint(intent),
  };
}

export function useScopeAnalysis(s: CoachState): ScopeAnalysis {
  return useMemo(() => analyseScopes(s), [s.page, s.lastForm, s.session.intent]);
}

/** Ticks exactly the recommended scopes in Wati's form, then reads the form again to confirm. */
export async function applyRecommended(recommendation: Recommendation): Promise<{ ok: boolean; message: string }> {
  return applyScopes(recommendation.scopes.map((r) => r.formName));
}

/** Ticks exactly `scopes` (matched to the form's spelling through normalisation) and nothing else. */
export async function applyScopes(scopes: string[]): Promise<{ ok: boolean; message: string }> {
  const form = readScopeForm(document);
  if (!form) return { ok: false, message: 'The scope form is not open any more.' };
  const canon = new Set(scopes.map(normaliseScope));
  const wanted = new Set(form.scopes.filter((c) => canon.has(normaliseScope(c.raw))).map((c) => c.raw));
  const absent = scopes.filter((sc) => !form.scopes.some((c) => normaliseScope(c.raw) === normaliseScope(sc)));
  if (absent.length) return { ok: false, message: `This form does not offer ${absent.join(', ')}.` };
  // Untick "Select all" first: some forms re-tick everything while it is on.
  if (form.selectAll?.checked) await applyChecked(form.selectAll, false);
  // Re-read before each click: frameworks may re-render (and replace) the controls after every change.
  for (const raw of form.scopes.map((c) => c.raw)) {
    const control = readScopeForm(document)?.scopes.find((c) => c.raw === raw);
    if (control && control.checked !== wanted.has(raw)) await applyChecked(control, wanted.has(raw));
  }
  const after = readScopeForm(document);
  const ticked = new Set(after?.scopes.filter((c) => c.checked).map((c) => c.raw) ?? []);
  const missing = [...wanted].filter((w) => !ticked.has(w));
  const extra = [...ticked].filter((t) => !wanted.has(t));
  if (!missing.length && !extra.length) return { ok: true, message: `The form now has exactly the ${wanted.size} recommended scope(s).` };
  return {
    ok: false,
    message: `The form did not take every change: ${[...missing.map((m) => `${m} is not ticked`), ...extra.map((e) => `${e} is still ticked`)].join('; ')}. Please fix it by hand.`,
  };
}

export function ScopeStep({ controller, analysis, rotating }: { controller: CoachController; analysis: ScopeAnalysis; rotating?: CoachState['rotating'] }) {
  const draft = controller.draft;
  const [pasteText, setPasteText] = useState(draft?.pasteText ?? '');
  const [stripped, setStripped] = useState(draft?.stripped ?? 0);
  const [applied, setApplied] = useState<{ ok: boolean; message: string } | undefined>();
  const intent = analysis.intent;
  const setIntent = (next: CoachIntent) => controller.updateSession({ intent: next });
  // One parse per change of the text (debounced while typing, at once on paste, refused above the cap); the
  // calls list below and the analysis (through the session's `pasted` refs) both use that one result.
  const [read, setRead] = useState<IntentInputResult | undefined>(draft?.read);
  const latestIntent = useRef(intent);
  latestIntent.current = intent;
  const pasting = useRef(false);
  const input = useMemo(
    () =>
      createIntentInput({
        onResult: (r) => {
          setRead(r);
          if (draft) draft.read = r;
          const refs = r.parsed ? endpointRefsOf(r.parsed) : [];
          // Only method + path leave this component: never the pasted text (it may hold a token).
          controller.updateSession({ intent: { ...latestIntent.current, pasted: refs.map(fromRef) } });
        },
      }),
    [controller],
  );
  useEffect(() => () => input.dispose(), [input]);
  const parsed = read?.parsed;
  // Ticking a native checkbox changes no attribute: read the form again ourselves after writing to it.
  const afterApply = (result: { ok: boolean; message: string }) => {
    setApplied(result);
    controller.refresh();
  };
  const presets = useMemo(() => listIntentPresets().map((p) => ({ id: p.id, label: p.label, description: p.description })), []);
  const endpoints = useMemo(() => listEndpoints().map((e) => ({ ref: endpointRefOf(e), label: e.label, published: e.published })), []);

  return (
    <>
      {rotating && (
        <div className="wtg-note" data-testid="rotation-prefill">
          <p>
            Replacing <b>{rotating.name}</b>, which had: {rotating.scopes.join(', ') || 'no recorded scopes'}.
          </p>
          <button type="button" data-testid="apply-previous" onClick={onTrusted(() => void applyScopes(rotating.scopes).then(afterApply))}>
            Tick the same scopes
          </button>
        </div>
      )}
      <IntentPicker
        presets={presets}
        selectedPresets={intent.presets}
        onTogglePreset={(id, on) =>
          setIntent({ ...intent, presets: on ? [...new Set([...intent.presets, id])] : intent.presets.filter((p) => p !== id) })
        }
        endpoints={endpoints}
        selectedEndpoints={intent.endpoints.map(toRef)}
        onToggleEndpoint={(ref, on) => {
          const refs = new Set(intent.endpoints.map(toRef));
          if (on) refs.add(ref);
          else refs.delete(ref);
          setIntent({ ...intent, endpoints: [...refs].map(fromRef) });
        }}
        pasteText={pasteText}
        onPasteEvent={() => {
          pasting.current = true;
        }}
        onPaste={(text) => {
          setPasteText(text);
          if (draft) draft.pasteText = text;
          // Credentials in pasted code (Authorization and Cookie headers, API keys, anything token-shaped) are
          // taken out before the text is read: the parser, the session and any message never see them.
          const clean = stripCredentials(text);
          setStripped(clean.stripped);
          if (draft) draft.stripped = clean.stripped;
          if (pasting.current) input.paste(clean.text);
          else input.type(clean.text);
          pasting.current = false;
        }}
        stripped={stripped}
        tooLong={read?.tooLong?.message}
        parsedCalls={parsed?.endpoints.map((c) => ({ method: c.method, path: c.apiPath ?? c.raw, label: c.label, status: c.status })) ?? []}
        unrecognised={parsed?.unrecognised ?? []}
      />
      <ScopeFindings
        recommendation={analysis.recommendation}
        findings={analysis.findings}
        canApply={!!analysis.recommendation?.scopes.length}
        onApply={() => {
          if (analysis.recommendation) void applyRecommended(analysis.recommendation).then(afterApply);
        }}
        applied={applied}
      />
    </>
  );
}
