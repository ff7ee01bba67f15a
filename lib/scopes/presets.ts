import type { EndpointRef } from '@/lib/scopes/endpoints';

/**
 * Intent presets: "what will this token be used for", as a list of endpoint rows. Ids are stable (they may be
 * stored and sent between contexts); labels are English UI text. Each preset lists only what the intent needs:
 * extra endpoints would widen the recommendation for everyone choosing it.
 */
export interface IntentPreset {
  readonly id: IntentPresetId;
  readonly label: string;
  /** One sentence for the UI and for maintainers: what is included and why. */
  readonly description: string;
  readonly endpoints: readonly EndpointRef[];
}

export const INTENT_PRESET_IDS = [
  'send-templates-v3',
  'reply-conversations-v3',
  'sync-contacts-read-v3',
  'sync-contacts-rw-v3',
  'read-templates-v1',
  'send-session-v1',
  'sync-contacts-read-v1',
  'send-templates-v2',
] as const;
export type IntentPresetId = (typeof INTENT_PRESET_IDS)[number];

const V3_CONTACT_READS = [
  'GET /api/ext/v3/contacts',
  'GET /api/ext/v3/contacts/count',
  'GET /api/ext/v3/contacts/{target}',
] as const;

export const INTENT_PRESETS: readonly IntentPreset[] = [
  {
    id: 'send-templates-v3',
    label: 'Send template messages (v3)',
    // Scheduling accepts the same scope (messagetemplatev3:write), so including it costs no privilege.
    description: 'Send and schedule approved template messages with the v3 API.',
    endpoints: ['POST /api/ext/v3/messageTemplates/send', 'POST /api/ext/v3/messageTemplates/schedule'],
  },
  {
    id: 'reply-conversations-v3',
    label: 'Reply in conversations (v3)',
    // Incoming messages reach an integration by webhook, so reading conversations is not part of replying.
    description: 'Send text, file and interactive replies inside open conversations with the v3 API.',
    endpoints: [
      'POST /api/ext/v3/conversations/messages/text',
      'POST /api/ext/v3/conversations/messages/file',
      'POST /api/ext/v3/conversations/messages/fileViaUrl',
      'POST /api/ext/v3/conversations/messages/interactive',
    ],
  },
  {
    id: 'sync-contacts-read-v3',
    label: 'Sync contacts, read-only (v3)',
    // Wati does not publish these scopes: the recommendation is a guess (contactsv3:read) and says so.
    description: 'List, count and fetch contacts with the v3 API, without changing them.',
    endpoints: [...V3_CONTACT_READS],
  },
  {
    id: 'sync-contacts-rw-v3',
    label: 'Sync contacts, read/write (v3)',
    description: 'List, fetch, create and update contacts with the v3 API.',
    endpoints: [...V3_CONTACT_READS, 'POST /api/ext/v3/contacts', 'PUT /api/ext/v3/contacts/{target}'],
  },
  {
    id: 'read-templates-v1',
    label: 'Read templates (v1)',
    description: 'Read the list of message templates with the v1 API.',
    endpoints: ['GET /{tenantId}/api/v1/getMessageTemplates'],
  },
  {
    id: 'send-session-v1',
    label: 'Send session messages (v1)',
    description: 'Send session (24-hour window) messages and files with the v1 API.',
    endpoints: [
      'POST /{tenantId}/api/v1/sendSessionMessage/{whatsappNumber}',
      'POST /{tenantId}/api/v1/sendSessionFile/{whatsappNumber}',
    ],
  },
  {
    id: 'sync-contacts-read-v1',
    label: 'Sync contacts, read-only (v1)',
    // Wati does not publish this scope: the recommendation is a guess (contacts:read) and says so.
    description: 'List contacts with the v1 API, without changing them.',
    endpoints: ['GET /{tenantId}/api/v1/getContacts'],
  },
  {
    id: 'send-templates-v2',
    label: 'Send template messages (v2)',
    description: 'Send template messages in bulk with the v2 (beta) API.',
    endpoints: ['POST /{tenantId}/api/v2/sendTemplateMessages'],
  },
];

const BY_ID: ReadonlyMap<string, IntentPreset> = new Map(INTENT_PRESETS.map((p) => [p.id, p]));

export function getIntentPreset(id: string): IntentPreset | undefined {
  return BY_ID.get(id);
}

export function listIntentPresets(): readonly IntentPreset[] {
  return INTENT_PRESETS;
}
