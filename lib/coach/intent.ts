import { getIntentPreset, type EndpointRef } from '@/lib/scopes';

/** The integration's intent as the coach keeps it: presets, picked endpoints and pasted calls. */
export interface CoachIntent {
  presets: string[];
  endpoints: Array<{ method: string; path: string }>;
  pasted?: Array<{ method: string; path: string }>;
}

export const toRef = (e: { method: string; path: string }): EndpointRef => `${e.method.toUpperCase()} ${e.path}`;
export function fromRef(ref: EndpointRef): { method: string; path: string } {
  const i = ref.indexOf(' ');
  return { method: ref.slice(0, i), path: ref.slice(i + 1).split(/[?#]/)[0]! };
}

/** Every endpoint the intent names, deduplicated, presets first. */
export function intentEndpoints(intent: CoachIntent | undefined): EndpointRef[] {
  if (!intent) return [];
  const refs = [
    ...intent.presets.flatMap((id) => getIntentPreset(id as never)?.endpoints ?? []),
    ...intent.endpoints.map(toRef),
    ...(intent.pasted ?? []).map(toRef),
  ];
  return [...new Set(refs)];
}

/** A short slug for the suggested token name, from the first preset (e.g. "send-templates"). */
export function integrationHint(intent: CoachIntent | undefined): string | undefined {
  const id = intent?.presets[0];
  return id ? id.replace(/-v\d$/, '') : undefined;
}
