/**
 * The coach's steps, derived from what the page shows and what the user confirmed: never from
 * counting clicks. Pure: the overlay reads the page into a `CoachInput` and renders the result.
 */
export const STEP_IDS = ['navigate', 'open-form', 'name', 'scopes', 'expiry', 'review', 'generate', 'capture', 'done'] as const;
export type StepId = (typeof STEP_IDS)[number];
export type StepState = 'todo' | 'current' | 'done';

export interface FormSnapshot {
  name: string;
  /** Scopes ticked, as the form names them. */
  scopes: string[];
  /** 'none' = no expiry chosen; otherwise days from now (select/duration) or an ISO date. */
  expiry: { kind: 'none' } | { kind: 'days'; days: number } | { kind: 'date'; date: string } | { kind: 'unknown' };
}

export interface CoachInput {
  onTokenPage: boolean;
  /** The generate form is visible and readable. */
  formOpen: boolean;
  form?: FormSnapshot;
  /** A token is shown on the page (the reveal). */
  revealShown: boolean;
  session: CoachSession;
  /** Blocking problems of the scopes step (e.g. an endpoint of the intent would get 403). */
  scopesBlocking: boolean;
  /** Findings that need an explicit confirmation before generating (excess, high risk). */
  needsConfirmation: boolean;
}

/** What the user said, kept per tab in session storage (never the token, never raw pasted text). */
export interface CoachSession {
  /** The user acknowledged generating without expiry (and why it is risky). */
  noExpiryAck?: boolean;
  /** Signature of the form the user reviewed; a later change to the form un-reviews it. */
  reviewedSignature?: string;
  /** The user confirmed excess/high-risk scopes, with this reason. */
  riskReason?: string;
  /** The form as it was when the token appeared (the form may close when the token shows). */
  generatedForm?: FormSnapshot;
  /** Fingerprint of the captured token. */
  capturedFingerprint?: string;
  /** The user said "I've stored it". */
  stored?: boolean;
}

export function formSignature(form: FormSnapshot | undefined): string {
  if (!form) return '';
  const expiry = form.expiry.kind === 'days' ? `d${form.expiry.days}` : form.expiry.kind === 'date' ? form.expiry.date : form.expiry.kind;
  return JSON.stringify([form.name.trim(), [...form.scopes].sort(), expiry]);
}

export function isExpirySet(form: FormSnapshot | undefined): boolean {
  return !!form && (form.expiry.kind === 'days' || form.expiry.kind === 'date');
}

/** Which steps are done; the first one not done is current; the rest are todo. */
export function deriveSteps(input: CoachInput): Record<StepId, StepState> {
  const s = input.session;
  const generated = input.revealShown || !!s.capturedFingerprint || !!s.generatedForm;
  const form = generated ? (s.generatedForm ?? input.form) : input.form;
  const done: Record<StepId, boolean> = {
    navigate: input.onTokenPage || generated,
    'open-form': input.formOpen || generated,
    name: generated || (!!form && form.name.trim().length > 0),
    scopes: generated || (!!form && form.scopes.length > 0 && !input.scopesBlocking),
    expiry: generated || isExpirySet(form) || (!!form && form.expiry.kind === 'none' && !!s.noExpiryAck),
    review:
      generated ||
      (!!form && s.reviewedSignature === formSignature(form) && (!input.needsConfirmation || !!s.riskReason)),
    generate: generated,
    capture: !!s.stored,
    done: false,
  };
  done.done = STEP_IDS.slice(0, -1).every((id) => done[id]);
  const out = {} as Record<StepId, StepState>;
  let currentFound = false;
  for (const id of STEP_IDS) {
    if (done[id] && !(id === 'done')) out[id] = 'done';
    else if (!currentFound) {
      out[id] = id === 'done' && done.done ? 'done' : 'current';
      currentFound = true;
    } else out[id] = 'todo';
  }
  if (done.done) out.done = 'done';
  return out;
}

export function currentStep(steps: Record<StepId, StepState>): StepId {
  return STEP_IDS.find((id) => steps[id] === 'current') ?? 'done';
}
