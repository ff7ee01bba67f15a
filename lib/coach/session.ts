import { z } from 'zod';
import type { CoachSession } from './steps';

/**
 * What the coach remembers for one tab across reloads and client-side navigation (session
 * storage, through the background). Validated on every read; unknown keys are dropped, so
 * nothing but these fields can ever be persisted: in particular never a token and never the raw
 * text the user pasted (only the method + path of the calls it contained, without query strings).
 */
const Expiry = z.union([
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('days'), days: z.number().int().min(0).max(36500) }),
  z.object({ kind: z.literal('date'), date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
  z.object({ kind: z.literal('unknown') }),
]);
const FormSnapshotSchema = z.object({
  name: z.string().max(200),
  scopes: z.array(z.string().max(100)).max(200),
  expiry: Expiry,
});
export const EndpointRefSchema = z.object({
  method: z.string().max(10),
  path: z.string().max(300).regex(/^[^?#\s]*$/, 'no query strings'),
});
export const CoachSessionSchema = z.object({
  noExpiryAck: z.boolean().optional(),
  reviewedSignature: z.string().max(5000).optional(),
  riskReason: z.string().max(500).optional(),
  generatedForm: FormSnapshotSchema.optional(),
  capturedFingerprint: z.string().regex(/^sha256:[0-9a-f]{16}$/).optional(),
  capturedRecordId: z.string().max(200).optional(),
  stored: z.boolean().optional(),
  dismissed: z.boolean().optional(),
  minimised: z.boolean().optional(),
  intent: z
    .object({
      presets: z.array(z.string().max(80)).max(50),
      /** Endpoints picked from the catalog. */
      endpoints: z.array(EndpointRefSchema).max(200),
      /** Endpoints parsed from pasted text (the text itself is never kept). */
      pasted: z.array(EndpointRefSchema).max(500).optional(),
    })
    .optional(),
  /** The expiry banner was dismissed in this tab. */
  bannerDismissed: z.boolean().optional(),
  /** Rotation: the inventory record this new token replaces. */
  rotateFrom: z.string().max(200).optional(),
});
export type CoachSessionData = z.infer<typeof CoachSessionSchema> & CoachSession;

export function parseCoachSession(raw: unknown): CoachSessionData {
  const r = CoachSessionSchema.safeParse(raw);
  if (r.success) return r.data;
  // Keep what is valid, field by field.
  const out: Record<string, unknown> = {};
  if (raw && typeof raw === 'object') {
    for (const [key, schema] of Object.entries(CoachSessionSchema.shape)) {
      const f = (schema as z.ZodTypeAny).safeParse((raw as Record<string, unknown>)[key]);
      if (f.success && f.data !== undefined) out[key] = f.data;
    }
  }
  return out as CoachSessionData;
}
