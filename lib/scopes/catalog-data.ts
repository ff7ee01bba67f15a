/**
 * The scope catalog: every scope name found in Wati's public material, plus the few that are "likely but never
 * seen". This is the ONE place to update when Wati publishes more (see lib/scopes/README.md).
 *
 * Plain data, no logic. Shape-checked by TypeScript here (`satisfies`) and fully validated by
 * `validateScopeData()` (zod + cross-checks), which the unit tests run; nothing validates it on hot paths.
 *
 * Rules for entries:
 * - `id` is canonical: lowercase, without the cosmetic `wati_` prefix, except `wati_integration:*` whose name keeps it.
 * - `seenInDocs: false` only for names inferred from Wati's naming pattern; `source` then starts with "inferred".
 */

export const SCOPE_FAMILIES = ['contacts', 'conversations', 'messagetemplate', 'integration', 'all'] as const;
export const SCOPE_API_VERSIONS = ['v1', 'v2', 'v3', 'any'] as const;
export const SCOPE_ACCESS = ['read', 'write', 'wildcard', 'full'] as const;

export type ScopeFamily = (typeof SCOPE_FAMILIES)[number];
export type ScopeApiVersion = (typeof SCOPE_API_VERSIONS)[number];
export type ScopeAccess = (typeof SCOPE_ACCESS)[number];

export interface ScopeEntry {
  readonly id: string;
  readonly family: ScopeFamily;
  readonly apiVersion: ScopeApiVersion;
  readonly access: ScopeAccess;
  readonly description: string;
  readonly seenInDocs: boolean;
  readonly source: string;
}

const REF = 'docs.wati.io API reference, per-endpoint scope lists';
const HELP = 'support.wati.io, API token scopes article';

export const SCOPE_CATALOG_DATA = [
  {
    id: 'api',
    family: 'all',
    apiVersion: 'any',
    access: 'full',
    description: 'Full access: accepted by every endpoint whose scope list Wati publishes.',
    seenInDocs: true,
    source: REF,
  },
  {
    id: 'wati_integration:read',
    family: 'integration',
    apiVersion: 'any',
    access: 'read',
    description: 'Broad read access for integrations, accepted by many read endpoints across families.',
    seenInDocs: true,
    source: `${REF} (GET /api/v1/getMessageTemplates)`,
  },
  {
    id: 'wati_integration:write',
    family: 'integration',
    apiVersion: 'any',
    access: 'write',
    description: 'Broad write access for integrations, accepted by many sending and assignment endpoints.',
    seenInDocs: true,
    source: `${REF} (v3 sends, v1 sendSessionMessage/sendSessionFile)`,
  },
  {
    id: 'contacts:read',
    family: 'contacts',
    apiVersion: 'v1',
    access: 'read',
    description: 'Read contacts through the v1 API.',
    seenInDocs: true,
    source: HELP,
  },
  {
    id: 'contacts:write',
    family: 'contacts',
    apiVersion: 'v1',
    access: 'write',
    description: 'Create or update contacts through the v1 API.',
    seenInDocs: true,
    source: HELP,
  },
  {
    id: 'conversations:read',
    family: 'conversations',
    apiVersion: 'v1',
    access: 'read',
    description: 'Read conversations and messages through the v1 API (name never seen in Wati material).',
    seenInDocs: false,
    source: 'inferred: pattern of conversations:write',
  },
  {
    id: 'conversations:write',
    family: 'conversations',
    apiVersion: 'v1',
    access: 'write',
    description: 'Send session messages and files through the v1 API.',
    seenInDocs: true,
    source: `${REF} (POST /api/v1/sendSessionMessage, sendSessionFile)`,
  },
  {
    id: 'messagetemplate:read',
    family: 'messagetemplate',
    apiVersion: 'v1',
    access: 'read',
    description: 'Read message templates through the v1 API.',
    seenInDocs: true,
    source: `${REF} (GET /api/v1/getMessageTemplates)`,
  },
  {
    id: 'messagetemplate:write',
    family: 'messagetemplate',
    apiVersion: 'v1',
    access: 'write',
    description: 'Send template messages through the v1 API (name never seen in Wati material).',
    seenInDocs: false,
    source: 'inferred: pattern of messagetemplatev2:write / messagetemplatev3:write',
  },
  {
    id: 'messagetemplatev2:write',
    family: 'messagetemplate',
    apiVersion: 'v2',
    access: 'write',
    description: 'Send template messages through the v2 (beta) endpoints.',
    seenInDocs: true,
    source: `${REF} (POST /api/v2/sendTemplateMessages)`,
  },
  {
    id: 'contactsv3:*',
    family: 'contacts',
    apiVersion: 'v3',
    access: 'wildcard',
    description: 'Every v3 contact operation (parent of contactsv3:read and contactsv3:write).',
    seenInDocs: true,
    source: HELP,
  },
  {
    id: 'contactsv3:read',
    family: 'contacts',
    apiVersion: 'v3',
    access: 'read',
    description: 'Read contacts through the v3 API (name never seen in Wati material).',
    seenInDocs: false,
    source: 'inferred: pattern of contactsv3:write',
  },
  {
    id: 'contactsv3:write',
    family: 'contacts',
    apiVersion: 'v3',
    access: 'write',
    description: 'Create contacts through the v3 API.',
    seenInDocs: true,
    source: `${REF} (POST /api/ext/v3/contacts)`,
  },
  {
    id: 'conversationsv3:*',
    family: 'conversations',
    apiVersion: 'v3',
    access: 'wildcard',
    description: 'Every v3 conversation operation (parent of conversationsv3:read and conversationsv3:write).',
    seenInDocs: true,
    source: HELP,
  },
  {
    id: 'conversationsv3:read',
    family: 'conversations',
    apiVersion: 'v3',
    access: 'read',
    description: 'Read conversations and messages through the v3 API (name never seen in Wati material).',
    seenInDocs: false,
    source: 'inferred: pattern of conversationsv3:write',
  },
  {
    id: 'conversationsv3:write',
    family: 'conversations',
    apiVersion: 'v3',
    access: 'write',
    description: 'Send messages, assign operators and change conversation status through the v3 API.',
    seenInDocs: true,
    source: `${REF} (POST /api/ext/v3/conversations/messages/*, PUT .../operator, .../status)`,
  },
  {
    id: 'messagetemplatev3:read',
    family: 'messagetemplate',
    apiVersion: 'v3',
    access: 'read',
    description: 'Read message templates through the v3 API (name never seen in Wati material).',
    seenInDocs: false,
    source: 'inferred: pattern of messagetemplatev3:write',
  },
  {
    id: 'messagetemplatev3:write',
    family: 'messagetemplate',
    apiVersion: 'v3',
    access: 'write',
    description: 'Send and schedule template messages through the v3 API.',
    seenInDocs: true,
    source: `${REF} (POST /api/ext/v3/messageTemplates/send, /schedule)`,
  },
] as const satisfies readonly ScopeEntry[];

/** Canonical ids of every catalog scope, as a union type (handy for data tables). */
export type CatalogScopeId = (typeof SCOPE_CATALOG_DATA)[number]['id'];
