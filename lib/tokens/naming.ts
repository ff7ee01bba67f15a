import { localParts } from '@/lib/reminders/calendar';

/**
 * Token names. Wati's advice is one separately named token per integration and per environment; a
 * name that says which integration, which environment and when makes the inventory, the token list
 * and the rotation obvious: `crm-sync-prod-2026-11`.
 */

export const NAME_MAX_LENGTH = 64;

/** Lower-case ASCII slug: accents folded, anything else becomes a dash. */
export function slugify(s: string, max = 40): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '');
}

const ENVIRONMENTS: Array<[RegExp, string]> = [
  [/^(prod|production|produccion|producao|live|prd)$/, 'prod'],
  [/^(staging|stage|stg|preprod|pre-prod|homologacao|homolog|hml)$/, 'staging'],
  [/^(dev|development|desarrollo|desenvolvimento|local)$/, 'dev'],
  [/^(test|testing|qa|pruebas|teste|testes)$/, 'test'],
  [/^(sandbox|sbx)$/, 'sandbox'],
];

function environmentSlug(env: string): string {
  const s = slugify(env, 16);
  for (const [re, out] of ENVIRONMENTS) if (re.test(s)) return out;
  return s;
}

/** `<integration>-<environment>-<YYYY-MM>` in the user's time zone; parts that are not given are left out. */
export function suggestTokenName(opts: { integration?: string; environment?: string; now: number; timeZone: string }): string {
  const integration = slugify(opts.integration ?? '', 40) || 'integration';
  const env = opts.environment ? environmentSlug(opts.environment) : '';
  const p = localParts(opts.now, opts.timeZone);
  const month = `${p.year}-${String(p.month).padStart(2, '0')}`;
  return [integration, env, month].filter(Boolean).join('-');
}

/**
 * Names that say nothing about what the token is for, in English, Spanish and Portuguese (the
 * languages Wati's help is most read in), compared after folding case, accents, separators and a
 * trailing number ("Test 2", "token_1", "Prueba").
 */
export const GENERIC_NAMES: ReadonlySet<string> = new Set([
  // English
  'test', 'tests', 'testing', 'token', 'tokens', 'api', 'api token', 'api key', 'apikey', 'key', 'my token', 'mytoken',
  'my key', 'new token', 'newtoken', 'new key', 'temp', 'tmp', 'temporary', 'default', 'demo', 'sample', 'example',
  'foo', 'bar', 'asdf', 'qwerty', 'abc', 'xxx', 'aaa', 'untitled', 'unnamed', 'unnamed token', 'name', 'secret',
  'access token', 'bearer', 'bearer token', 'wati', 'wati token', 'wati api', 'whatsapp', 'integration', 'token test',
  'test token', 'api test', 'test api', 'my api', 'main', 'prod', 'production', 'dev', 'staging',
  // Spanish
  'prueba', 'pruebas', 'mi token', 'nuevo token', 'token nuevo', 'token de prueba', 'clave', 'llave', 'mi clave',
  'clave api', 'llave api', 'ejemplo', 'sin nombre', 'temporal', 'integracion', 'produccion', 'desarrollo',
  // Portuguese
  'teste', 'testes', 'meu token', 'novo token', 'token novo', 'token de teste', 'chave', 'chave api', 'minha chave',
  'exemplo', 'sem nome', 'integracao', 'producao', 'desenvolvimento',
]);

function foldName(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s_\-.:/]+/g, ' ')
    .replace(/[\s#]*\d+$/, '')
    .trim();
}

export interface NameWarning {
  code: 'empty' | 'generic' | 'duplicate' | 'too-long';
  message: string;
}

/** Warnings (never errors: the name is the user's choice) about a token name. */
export function checkTokenName(name: string, existingNames: readonly string[]): NameWarning[] {
  const trimmed = (name ?? '').trim();
  if (trimmed === '') return [{ code: 'empty', message: 'Give the token a name that says which integration and environment use it.' }];
  const out: NameWarning[] = [];
  if (GENERIC_NAMES.has(foldName(trimmed)) || foldName(trimmed) === '') {
    out.push({
      code: 'generic',
      message: `"${trimmed}" does not say what the token is for. Name it after the integration and environment, e.g. crm-sync-prod.`,
    });
  }
  const lower = trimmed.toLowerCase();
  if (existingNames.some((n) => n.trim().toLowerCase() === lower)) {
    out.push({ code: 'duplicate', message: `A token named "${trimmed}" already exists: use one distinct name per integration and environment.` });
  }
  if (trimmed.length > NAME_MAX_LENGTH) {
    out.push({ code: 'too-long', message: `The name is ${trimmed.length} characters long; keep it to ${NAME_MAX_LENGTH} or fewer.` });
  }
  return out;
}
