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

/**
 * The largest paste the coach reads (UTF-8 bytes). Above it the coach says so and reads nothing: a parse of the
 * first part would look like a complete answer. The parser itself is linear; the cap bounds the main-thread time
 * on Wati's page (security review, issue 10 finding 9).
 */
export const INTENT_MAX_BYTES = 256 * 1024;

/** UTF-8 size of `text`, counted without allocating a copy. */
export function intentSizeBytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

export function intentTooLongMessage(bytes: number): string {
  return `This is too long to read here (${Math.ceil(bytes / 1024)} KB; the limit is ${INTENT_MAX_BYTES / 1024} KB). Paste only the part with the API calls.`;
}
