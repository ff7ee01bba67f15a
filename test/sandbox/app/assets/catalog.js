// The scopes the API Tokens form offers, grouped by family, with short descriptions (en / es).
// Keep the ids in step with test/sandbox/catalog.ts (a unit test checks).

export const FAMILIES = [
  { id: 'full', en: 'Full access', es: 'Acceso completo' },
  { id: 'integration', en: 'Integrations', es: 'Integraciones' },
  { id: 'contacts', en: 'Contacts', es: 'Contactos' },
  { id: 'conversations', en: 'Conversations', es: 'Conversaciones' },
  { id: 'templates', en: 'Message templates', es: 'Plantillas de mensajes' },
];

export const SCOPES = [
  { id: 'api', family: 'full', en: 'Full access to every API endpoint', es: 'Acceso completo a todos los endpoints de la API' },
  { id: 'wati_integration:read', family: 'integration', en: 'Read data for integrations', es: 'Leer datos para integraciones' },
  { id: 'wati_integration:write', family: 'integration', en: 'Send messages and update data for integrations', es: 'Enviar mensajes y actualizar datos para integraciones' },
  { id: 'contacts:read', family: 'contacts', en: 'Read contacts (v1)', es: 'Leer contactos (v1)' },
  { id: 'contacts:write', family: 'contacts', en: 'Create and update contacts (v1)', es: 'Crear y actualizar contactos (v1)' },
  { id: 'messagetemplate:read', family: 'templates', en: 'Read message templates (v1)', es: 'Leer plantillas de mensajes (v1)' },
  { id: 'conversations:write', family: 'conversations', en: 'Send session messages and files (v1)', es: 'Enviar mensajes y archivos de sesión (v1)' },
  { id: 'messagetemplatev2:write', family: 'templates', en: 'Send template messages (v2)', es: 'Enviar mensajes de plantilla (v2)' },
  { id: 'contactsv3:*', family: 'contacts', en: 'All contact operations (v3)', es: 'Todas las operaciones de contactos (v3)' },
  { id: 'contactsv3:read', family: 'contacts', en: 'Read contacts (v3)', es: 'Leer contactos (v3)' },
  { id: 'contactsv3:write', family: 'contacts', en: 'Create and update contacts (v3)', es: 'Crear y actualizar contactos (v3)' },
  { id: 'conversationsv3:*', family: 'conversations', en: 'All conversation operations (v3)', es: 'Todas las operaciones de conversaciones (v3)' },
  { id: 'conversationsv3:write', family: 'conversations', en: 'Send messages, assign operators, set status (v3)', es: 'Enviar mensajes, asignar operadores, cambiar estado (v3)' },
  { id: 'messagetemplatev3:write', family: 'templates', en: 'Send and schedule template messages (v3)', es: 'Enviar y programar mensajes de plantilla (v3)' },
];

/** The Spanish UI shows scopes with the `wati_` prefix (except `api` and `wati_integration:*`, which keep theirs). */
export function prefixed(id) {
  return id === 'api' || id.startsWith('wati_') ? id : `wati_${id}`;
}

/** Inverse of `prefixed`, matching the server's normalisation. */
export function unprefixed(id) {
  return id.startsWith('wati_') && !id.startsWith('wati_integration:') ? id.slice(5) : id;
}
