import { describe, expect, it } from 'vitest';
import { currentStep, deriveSteps, formSignature, type CoachInput, type FormSnapshot } from '@/lib/coach/steps';

const form = (patch: Partial<FormSnapshot> = {}): FormSnapshot => ({
  name: '',
  scopes: [],
  expiry: { kind: 'none' },
  ...patch,
});
const base = (patch: Partial<CoachInput> = {}): CoachInput => ({
  onTokenPage: true,
  formOpen: false,
  revealShown: false,
  session: {},
  scopesBlocking: false,
  needsConfirmation: false,
  ...patch,
});

describe('deriveSteps', () => {
  it('starts at navigate away from the token page', () => {
    expect(currentStep(deriveSteps(base({ onTokenPage: false })))).toBe('navigate');
  });

  it('follows the form as it is filled, whatever order the user fills it in', () => {
    expect(currentStep(deriveSteps(base()))).toBe('open-form');
    expect(currentStep(deriveSteps(base({ formOpen: true, form: form() })))).toBe('name');
    const steps = deriveSteps(base({ formOpen: true, form: form({ expiry: { kind: 'days', days: 180 } }) }));
    expect(steps.name).toBe('current');
    expect(steps.expiry).toBe('done');
    expect(steps.scopes).toBe('todo');
    expect(currentStep(deriveSteps(base({ formOpen: true, form: form({ name: 'crm-sync-prod', scopes: ['contacts:read'] }) })))).toBe('expiry');
  });

  it('needs an acknowledgement to leave expiry empty', () => {
    const f = form({ name: 'n', scopes: ['api'] });
    expect(currentStep(deriveSteps(base({ formOpen: true, form: f })))).toBe('expiry');
    expect(currentStep(deriveSteps(base({ formOpen: true, form: f, session: { noExpiryAck: true } })))).toBe('review');
  });

  it('un-reviews when the form changes after the review, and asks for a reason when risky', () => {
    const f = form({ name: 'n', scopes: ['contacts:read'], expiry: { kind: 'days', days: 180 } });
    const reviewed = { reviewedSignature: formSignature(f) };
    expect(currentStep(deriveSteps(base({ formOpen: true, form: f, session: reviewed })))).toBe('generate');
    const changed = { ...f, scopes: ['contacts:read', 'api'] };
    expect(currentStep(deriveSteps(base({ formOpen: true, form: changed, session: reviewed })))).toBe('review');
    expect(currentStep(deriveSteps(base({ formOpen: true, form: f, session: reviewed, needsConfirmation: true })))).toBe('review');
    expect(
      currentStep(deriveSteps(base({ formOpen: true, form: f, session: { ...reviewed, riskReason: 'migration' }, needsConfirmation: true }))),
    ).toBe('generate');
  });

  it('blocks the scopes step while an intended endpoint would get 403', () => {
    const f = form({ name: 'n', scopes: ['contacts:read'], expiry: { kind: 'days', days: 30 } });
    expect(deriveSteps(base({ formOpen: true, form: f, scopesBlocking: true })).scopes).toBe('current');
  });

  it('moves to capture when the token shows, and to done only after "I have stored it"', () => {
    const f = form({ name: 'n', scopes: ['contacts:read'], expiry: { kind: 'days', days: 30 } });
    const shown = deriveSteps(base({ formOpen: false, revealShown: true, session: { generatedForm: f } }));
    expect(currentStep(shown)).toBe('capture');
    expect(shown.generate).toBe('done');
    const stored = deriveSteps(base({ revealShown: false, session: { generatedForm: f, capturedFingerprint: 'sha256:0123456789abcdef', stored: true } }));
    expect(currentStep(stored)).toBe('done');
    expect(stored.done).toBe('done');
  });
});
