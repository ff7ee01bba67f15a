import { z } from 'zod';

/**
 * The message protocol between content scripts, extension pages and the background.
 * Every request has a zod schema; the background validates every message and checks its sender
 * (see lib/messaging/sender.ts). No message ever carries a token: the clipboard is written by the
 * content script in the user's click, and the background only ever writes the empty string.
 */
const Workspace = z.object({ host: z.string().max(253), tenantId: z.string().max(64).optional() });

export const RequestSchema = z.discriminatedUnion('type', [
  /**
   * Sentry → background: a dashboard page is showing; should the overlay be injected? The workspace is
   * the sender's (sender.url); `url` only refines the token page's path within it.
   */
  z.object({ type: z.literal('page:hello'), url: z.string().url().max(4096).optional(), tokenPage: z.boolean() }),
  /** Overlay → background: a copy of the token was written; clear it later. */
  z.object({
    type: z.literal('clipboard:copied'),
    fingerprint: z.string().regex(/^sha256:[0-9a-f]{16}$/),
  }),
  /** Sentry → background: the user copied or cut (a trusted copy/cut event); cancels a clear unless it was the token. */
  z.object({ type: z.literal('clipboard:user-copied'), fingerprint: z.string().regex(/^sha256:[0-9a-f]{16}$/).optional() }),
  /** Sentry → background: Wati's page wrote the clipboard (the MAIN-world hook). Forgeable: it never cancels a clear. */
  z.object({ type: z.literal('clipboard:page-wrote'), fingerprint: z.string().regex(/^sha256:[0-9a-f]{16}$/).optional() }),
  /** Overlay → background: keep the worker alive / report the countdown. */
  z.object({ type: z.literal('clipboard:status') }),
  /** Extension pages → background: open (or focus) a Wati tab with the coach. */
  z.object({ type: z.literal('coach:open'), workspace: Workspace.optional(), rotateTokenId: z.string().max(200).optional() }),
  /** Overlay → background: which tokens of this workspace need attention (for the banner). */
  z.object({ type: z.literal('attention:get'), workspace: Workspace }),
  /** Overlay → background: metadata of a captured token (never the token). */
  z.object({ type: z.literal('inventory:capture'), record: z.record(z.string(), z.unknown()) }),
  /** Overlay → background: the rows read from Wati's token list. */
  z.object({ type: z.literal('inventory:sync'), workspace: Workspace, rows: z.array(z.record(z.string(), z.unknown())).max(2000) }),
  /** Overlay → background: mark records revoked (after the user agrees). */
  z.object({ type: z.literal('inventory:mark-revoked'), ids: z.array(z.string().max(200)).max(2000) }),
  /** Overlay → background: this tab's coach progress (session storage, keyed by tab). */
  z.object({ type: z.literal('coach:session:get') }),
  z.object({ type: z.literal('coach:session:set'), session: z.record(z.string(), z.unknown()) }),
  /** Popup → background: edit, delete, rotate one record. */
  z.object({
    type: z.literal('inventory:update'),
    id: z.string().max(200),
    patch: z.object({ expiresAt: z.string().max(40).nullable().optional(), notes: z.string().max(2000).optional(), status: z.enum(['active', 'revoked', 'replaced']).optional() }),
  }),
  z.object({ type: z.literal('inventory:delete'), id: z.string().max(200) }),
  z.object({ type: z.literal('token:rotate'), id: z.string().max(200) }),
  /** Popup → background: no notifications for this token for a day (the badge still counts it). */
  z.object({ type: z.literal('token:snooze'), id: z.string().max(200) }),
  /** Overlay → background: the new token replaces `oldId`; revoke the old one after `revokeInHours` (0 = now). */
  z.object({ type: z.literal('inventory:link-replacement'), oldId: z.string().max(200), newId: z.string().max(200), revokeInHours: z.number().min(0).max(24 * 30) }),
  /** Options page → background: merge a validated import into the inventory. */
  z.object({
    type: z.literal('inventory:import'),
    inventory: z.object({
      version: z.literal(1),
      records: z.array(z.record(z.string(), z.unknown())).max(10_000),
      quarantine: z.array(z.object({ raw: z.unknown(), error: z.string().max(2000), at: z.string().max(40) })).max(10_000),
    }),
  }),
  /** Extension pages → background: re-run reminders now (after a settings or inventory change). */
  z.object({ type: z.literal('reminders:refresh') }),
]);
export type Request = z.infer<typeof RequestSchema>;
export type RequestType = Request['type'];

/** Background → the Chrome offscreen document. Only the empty string is ever written from there. */
export const OffscreenRequestSchema = z.discriminatedUnion('type', [
  z.object({ target: z.literal('offscreen'), type: z.literal('clipboard:clear') }),
  z.object({ target: z.literal('offscreen'), type: z.literal('clipboard:fingerprint') }),
]);
export type OffscreenRequest = z.infer<typeof OffscreenRequestSchema>;
