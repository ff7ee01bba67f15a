/**
 * The scope catalog the sandbox's API Tokens form offers (the browser app keeps the same ids, with
 * descriptions, in app/assets/catalog.js; a unit test keeps the two in step).
 */
export const SCOPE_CATALOG = [
  'api',
  'wati_integration:read',
  'wati_integration:write',
  'contacts:read',
  'contacts:write',
  'messagetemplate:read',
  'conversations:write',
  'messagetemplatev2:write',
  'contactsv3:*',
  'contactsv3:read',
  'contactsv3:write',
  'conversationsv3:*',
  'conversationsv3:write',
  'messagetemplatev3:write',
] as const;

/**
 * Wati sometimes writes scopes with a `wati_` prefix (`wati_contacts:read`); the reference shows them without it,
 * except `wati_integration:*`, whose prefix is part of the name. Normalise to the unprefixed form.
 */
export function normaliseScope(scope: string): string {
  const s = scope.trim();
  if (s.startsWith('wati_') && !s.startsWith('wati_integration:')) return s.slice('wati_'.length);
  return s;
}

export function normaliseScopes(scopes: readonly string[]): string[] {
  return [...new Set(scopes.map(normaliseScope).filter((s) => s.length > 0))];
}

export function isKnownScope(scope: string): boolean {
  return (SCOPE_CATALOG as readonly string[]).includes(normaliseScope(scope));
}
