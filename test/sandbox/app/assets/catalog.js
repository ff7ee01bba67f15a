// The scopes the API Tokens form offers, grouped by family, with short descriptions (en / es / pt).
// Keep the ids in step with test/sandbox/catalog.ts (a unit test checks).

export const FAMILIES = [
  { id: 'full', en: 'Full access', es: 'Acceso completo', pt: 'Acesso total' },
  { id: 'integration', en: 'Integrations', es: 'Integraciones', pt: 'Integrações' },
  { id: 'contacts', en: 'Contacts', es: 'Contactos', pt: 'Contatos' },
  { id: 'conversations', en: 'Conversations', es: 'Conversaciones', pt: 'Conversas' },
  { id: 'templates', en: 'Message templates', es: 'Plantillas de mensajes', pt: 'Modelos de mensagem' },
];

export const SCOPES = [
  { id: 'api', family: 'full', en: 'Full access to every API endpoint', es: 'Acceso completo a todos los endpoints de la API', pt: 'Acesso total a todos os endpoints da API' },
  { id: 'wati_integration:read', family: 'integration', en: 'Read data for integrations', es: 'Leer datos para integraciones', pt: 'Ler dados para integrações' },
  { id: 'wati_integration:write', family: 'integration', en: 'Send messages and update data for integrations', es: 'Enviar mensajes y actualizar datos para integraciones', pt: 'Enviar mensagens e atualizar dados para integrações' },
  { id: 'contacts:read', family: 'contacts', en: 'Read contacts (v1)', es: 'Leer contactos (v1)', pt: 'Ler contatos (v1)' },
  { id: 'contacts:write', family: 'contacts', en: 'Create and update contacts (v1)', es: 'Crear y actualizar contactos (v1)', pt: 'Criar e atualizar contatos (v1)' },
  { id: 'messagetemplate:read', family: 'templates', en: 'Read message templates (v1)', es: 'Leer plantillas de mensajes (v1)', pt: 'Ler modelos de mensagem (v1)' },
  { id: 'conversations:write', family: 'conversations', en: 'Send session messages and files (v1)', es: 'Enviar mensajes y archivos de sesión (v1)', pt: 'Enviar mensagens e arquivos de sessão (v1)' },
  { id: 'messagetemplatev2:write', family: 'templates', en: 'Send template messages (v2)', es: 'Enviar mensajes de plantilla (v2)', pt: 'Enviar mensagens de modelo (v2)' },
  { id: 'contactsv3:*', family: 'contacts', en: 'All contact operations (v3)', es: 'Todas las operaciones de contactos (v3)', pt: 'Todas as operações de contatos (v3)' },
  { id: 'contactsv3:read', family: 'contacts', en: 'Read contacts (v3)', es: 'Leer contactos (v3)', pt: 'Ler contatos (v3)' },
  { id: 'contactsv3:write', family: 'contacts', en: 'Create and update contacts (v3)', es: 'Crear y actualizar contactos (v3)', pt: 'Criar e atualizar contatos (v3)' },
  { id: 'conversationsv3:*', family: 'conversations', en: 'All conversation operations (v3)', es: 'Todas las operaciones de conversaciones (v3)', pt: 'Todas as operações de conversas (v3)' },
  { id: 'conversationsv3:write', family: 'conversations', en: 'Send messages, assign operators, set status (v3)', es: 'Enviar mensajes, asignar operadores, cambiar estado (v3)', pt: 'Enviar mensagens, atribuir operadores, alterar status (v3)' },
  { id: 'messagetemplatev3:write', family: 'templates', en: 'Send and schedule template messages (v3)', es: 'Enviar y programar mensajes de plantilla (v3)', pt: 'Enviar e agendar mensagens de modelo (v3)' },
];

/** The Spanish UI shows scopes with the `wati_` prefix (except `api` and `wati_integration:*`, which keep theirs). */
export function prefixed(id) {
  return id === 'api' || id.startsWith('wati_') ? id : `wati_${id}`;
}

/** Inverse of `prefixed`, matching the server's normalisation. */
export function unprefixed(id) {
  return id.startsWith('wati_') && !id.startsWith('wati_integration:') ? id.slice(5) : id;
}
