/**
 * Error containment for everything the overlay runs inside Wati's page (refined-github's
 * helpers/errors.ts, Bitwarden's overlay circuit breaker): a callback that throws is reported
 * once and never rethrown into the page; a feature that keeps failing is switched off for this page.
 */
import { redactSecrets } from '@/lib/tokens/jwt';

export const MAX_ERRORS_PER_FEATURE = 5;

export interface Guard {
  /** Wraps a callback so it never throws; returns undefined when it failed or the feature is off. */
  wrap<A extends unknown[], R>(feature: string, fn: (...args: A) => R): (...args: A) => R | undefined;
  run<R>(feature: string, fn: () => R): R | undefined;
  isDisabled(feature: string): boolean;
  errors(): ReadonlyArray<{ feature: string; message: string }>;
}

export function createGuard(report: (feature: string, message: string) => void = defaultReport): Guard {
  const counts = new Map<string, number>();
  const seen: Array<{ feature: string; message: string }> = [];
  const fail = (feature: string, e: unknown) => {
    const n = (counts.get(feature) ?? 0) + 1;
    counts.set(feature, n);
    // Only the error's class and message, with anything token-shaped redacted: a message can quote a value.
    const message = e instanceof Error ? redactSecrets(`${e.name}: ${e.message}`).slice(0, 300) : 'non-Error thrown';
    if (n === 1) {
      seen.push({ feature, message });
      report(feature, message);
    }
  };
  const guard: Guard = {
    wrap(feature, fn) {
      return (...args) => guard.run(feature, () => fn(...args));
    },
    run(feature, fn) {
      if (guard.isDisabled(feature)) return undefined;
      try {
        const r = fn();
        if (r instanceof Promise) r.catch((e: unknown) => fail(feature, e));
        return r;
      } catch (e) {
        fail(feature, e);
        return undefined;
      }
    },
    isDisabled: (feature) => (counts.get(feature) ?? 0) >= MAX_ERRORS_PER_FEATURE,
    errors: () => seen,
  };
  return guard;
}

function defaultReport(feature: string, message: string) {
  console.warn(`[Wati Token Guard] ${feature} failed and was contained: ${message}`);
}
