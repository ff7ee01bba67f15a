/**
 * Every word the Wati page adapter relies on, per language.
 *
 * Adding a language = adding one `VocabularyBlock` to `BLOCKS`. Nothing else in the adapter holds
 * user-visible words. Matching is case-, diacritic-, punctuation- and whitespace-insensitive
 * (see `normaliseText`), so write the terms the way a person would read them.
 */

export interface VocabularyBlock {
  /** BCP 47 primary language tag, for `lang` hints. */
  lang: string;
  /** Title of the page that lists / generates the new scoped tokens. */
  pageTitle: string[];
  /** Title of the legacy page that shows the user's bearer token. */
  legacyPageTitle: string[];
  menu: { connectors: string[]; api: string[]; apiDocs: string[]; more: string[] };
  /** The button that opens the "new token" form (not the one that submits it). */
  openForm: string[];
  /** Labels / placeholders of the token-name field. */
  nameField: string[];
  /** Labels of search boxes, which must never be mistaken for the name field. */
  search: string[];
  scopeSection: string[];
  selectAll: string[];
  expiry: string[];
  /** Choice meaning "this token never expires". */
  never: string[];
  /** Submit button of the form ("Generate"). Matched as contained words. */
  generate: string[];
  copy: string[];
  close: string[];
  /** Fragments of the "this token is shown only once" warning. Matched as contained phrases. */
  showOnceWarning: string[];
  listHeaders: {
    name: string[];
    scopes: string[];
    created: string[];
    expiry: string[];
    status: string[];
    lastUsed: string[];
  };
  status: { active: string[]; revoked: string[]; expired: string[] };
  revoke: string[];
  /** Destructive alternatives to revoke (an icon button "Delete token"); used only when no revoke button. */
  delete: string[];
  /** Duration unit words, singular and plural, as they appear in "30 days" / "1 year". */
  units: { hour: string[]; day: string[]; week: string[]; month: string[]; year: string[] };
  /** Month names and abbreviations, index 0 = January. */
  months: string[][];
  /** How this language writes an all-numeric date when the parts are ambiguous (03/04/2026). */
  numericDateOrder: 'dmy' | 'mdy';
}

const EN: VocabularyBlock = {
  lang: 'en',
  pageTitle: ['API Tokens', 'API Token', 'API Access Tokens', 'Access Tokens', 'Create API Token'],
  legacyPageTitle: ['API Docs', 'API Documentation', 'API Endpoint'],
  menu: { connectors: ['Connectors', 'Connector', 'Integrations'], api: ['API'], apiDocs: ['API Docs'], more: ['More'] },
  openForm: [
    'Generate new token', 'Generate new API token', 'Generate token', 'Generate API token', 'New token', 'New API token',
    'Create new token', 'Create API token', 'Add token', 'Add new token',
  ],
  nameField: ['Token name', 'Name', 'Token label', 'Label', 'Description'],
  search: ['Search', 'Filter'],
  scopeSection: ['Scope', 'Scopes', 'Permissions', 'Access'],
  selectAll: ['Select all', 'Select all scopes', 'All scopes', 'Check all'],
  expiry: [
    'Expiry', 'Expiry date', 'Expiry duration', 'Expires', 'Expires in', 'Expires on', 'Expires at', 'Expiration',
    'Expiration date', 'Valid until', 'Validity', 'Token expiry', 'Lifetime',
  ],
  never: ['Never', 'No expiry', 'No expiration', 'Never expires', 'Does not expire', 'Unlimited', 'No end date'],
  generate: ['Generate', 'Create'],
  copy: ['Copy', 'Copy token', 'Copy to clipboard'],
  close: ['Close', 'Done', 'OK', 'Got it', 'I have copied it', 'I copied it', "I've copied it", 'Dismiss'],
  showOnceWarning: [
    'only be shown once', 'shown only once', 'only shown once', 'displayed only once', 'only be displayed once',
    "won't be able to see", 'will not be able to see', "won't be shown again", 'will not be shown again',
    'cannot be shown again', "can't be shown again", 'will not be displayed again', "won't be displayed again",
    'copy it now', 'make sure to copy', 'not be able to view it again', 'only time you will see',
  ],
  listHeaders: {
    name: ['Name', 'Token name', 'Token', 'Label'],
    scopes: ['Scopes', 'Scope', 'Permissions', 'Access'],
    created: ['Created', 'Created at', 'Created on', 'Date created', 'Creation date', 'Generated', 'Generated on'],
    expiry: [
      'Expiry', 'Expires', 'Expires at', 'Expires on', 'Expiry date', 'Expiration', 'Expiration date', 'Valid until',
    ],
    status: ['Status', 'State'],
    lastUsed: ['Last used', 'Last used at', 'Last activity'],
  },
  status: {
    active: ['Active', 'Valid', 'Enabled'],
    revoked: ['Revoked', 'Disabled', 'Blocked', 'Deleted'],
    expired: ['Expired'],
  },
  revoke: ['Revoke', 'Revoke token', 'Rotate'],
  delete: ['Delete', 'Delete token', 'Remove'],
  units: {
    hour: ['hour', 'hours', 'hr', 'hrs', 'h'],
    day: ['day', 'days', 'd'],
    week: ['week', 'weeks', 'wk', 'w'],
    month: ['month', 'months', 'mo', 'mos'],
    year: ['year', 'years', 'yr', 'yrs', 'y'],
  },
  months: [
    ['jan', 'january'], ['feb', 'february'], ['mar', 'march'], ['apr', 'april'], ['may'], ['jun', 'june'],
    ['jul', 'july'], ['aug', 'august'], ['sep', 'sept', 'september'], ['oct', 'october'], ['nov', 'november'],
    ['dec', 'december'],
  ],
  // Wati's users are mostly outside the US; `readTokenList` switches to mdy for lang="en-US" or when a
  // column proves it (a second part > 12).
  numericDateOrder: 'dmy',
};

const ES: VocabularyBlock = {
  lang: 'es',
  pageTitle: ['Tokens de API', 'Tokens API', 'Token de API', 'Tokens de acceso', 'Crear token de API'],
  legacyPageTitle: ['Documentación de la API', 'Documentos de API', 'Documentación API'],
  menu: { connectors: ['Conectores', 'Conector', 'Integraciones'], api: ['API'], apiDocs: ['Documentos de API'], more: ['Más'] },
  openForm: [
    'Generar nuevo token', 'Generar token nuevo', 'Generar token', 'Nuevo token', 'Crear nuevo token', 'Crear token',
    'Crear token de API', 'Agregar token', 'Añadir token',
  ],
  nameField: ['Nombre del token', 'Nombre', 'Etiqueta', 'Descripción'],
  search: ['Buscar', 'Filtrar'],
  scopeSection: ['Alcance', 'Alcances', 'Permisos', 'Ámbitos', 'Ámbito'],
  selectAll: ['Seleccionar todo', 'Seleccionar todos', 'Marcar todos', 'Todos los permisos'],
  expiry: [
    'Caducidad', 'Fecha de caducidad', 'Duración', 'Vencimiento', 'Fecha de vencimiento', 'Expiración',
    'Fecha de expiración', 'Caduca', 'Caduca en', 'Vence', 'Vence en', 'Válido hasta', 'Validez',
  ],
  never: ['Nunca', 'Sin caducidad', 'Sin vencimiento', 'Sin expiración', 'No caduca', 'Nunca caduca', 'Ilimitado'],
  generate: ['Generar', 'Crear'],
  copy: ['Copiar', 'Copiar token', 'Copiar al portapapeles'],
  close: ['Cerrar', 'Listo', 'Hecho', 'Entendido', 'Aceptar', 'Ya lo copié', 'Lo he copiado'],
  showOnceWarning: [
    'solo se mostrará una vez', 'sólo se mostrará una vez', 'se mostrará solo una vez', 'se muestra solo una vez',
    'no podrás verlo', 'no podrá verlo', 'no podrás volver a verlo', 'no se volverá a mostrar', 'cópialo ahora',
    'no lo volverás a ver',
  ],
  listHeaders: {
    name: ['Nombre', 'Nombre del token', 'Token'],
    scopes: ['Alcances', 'Alcance', 'Permisos', 'Ámbitos'],
    created: ['Creado', 'Creado el', 'Fecha de creación', 'Creación', 'Generado'],
    expiry: ['Caducidad', 'Caduca', 'Vence', 'Vencimiento', 'Expiración', 'Expira', 'Fecha de caducidad', 'Válido hasta'],
    status: ['Estado'],
    lastUsed: ['Último uso', 'Usado por última vez', 'Última actividad'],
  },
  status: {
    active: ['Activo', 'Activa', 'Válido', 'Habilitado'],
    revoked: ['Revocado', 'Revocada', 'Deshabilitado', 'Bloqueado', 'Eliminado'],
    expired: ['Caducado', 'Caducada', 'Expirado', 'Expirada', 'Vencido', 'Vencida'],
  },
  revoke: ['Revocar', 'Revocar token', 'Rotar'],
  delete: ['Eliminar', 'Eliminar token', 'Borrar', 'Quitar'],
  units: {
    hour: ['hora', 'horas'],
    day: ['día', 'días'],
    week: ['semana', 'semanas'],
    month: ['mes', 'meses'],
    year: ['año', 'años'],
  },
  months: [
    ['ene', 'enero'], ['feb', 'febrero'], ['mar', 'marzo'], ['abr', 'abril'], ['may', 'mayo'], ['jun', 'junio'],
    ['jul', 'julio'], ['ago', 'agosto'], ['sep', 'sept', 'set', 'septiembre', 'setiembre'], ['oct', 'octubre'],
    ['nov', 'noviembre'], ['dic', 'diciembre'],
  ],
  numericDateOrder: 'dmy',
};

const PT: VocabularyBlock = {
  lang: 'pt',
  pageTitle: ['Tokens da API', 'Tokens de API', 'Token da API', 'Tokens de acesso', 'Criar token de API'],
  legacyPageTitle: ['Documentação da API', 'Documentos da API', 'Documentação API'],
  menu: { connectors: ['Conectores', 'Conector', 'Integrações'], api: ['API'], apiDocs: ['Documentos da API'], more: ['Mais'] },
  openForm: [
    'Gerar novo token', 'Gerar token', 'Novo token', 'Criar novo token', 'Criar token', 'Criar token de API',
    'Adicionar token',
  ],
  nameField: ['Nome do token', 'Nome', 'Rótulo', 'Descrição'],
  search: ['Pesquisar', 'Buscar', 'Procurar', 'Filtrar'],
  scopeSection: ['Escopo', 'Escopos', 'Permissões', 'Âmbito'],
  selectAll: ['Selecionar tudo', 'Selecionar todos', 'Marcar todos', 'Todas as permissões'],
  expiry: [
    'Validade', 'Data de validade', 'Expiração', 'Data de expiração', 'Vence', 'Vence em', 'Vencimento', 'Expira',
    'Expira em', 'Duração', 'Válido até',
  ],
  never: ['Nunca', 'Sem validade', 'Sem expiração', 'Sem vencimento', 'Não expira', 'Nunca expira', 'Ilimitado'],
  generate: ['Gerar', 'Criar'],
  copy: ['Copiar', 'Copiar token', 'Copiar para a área de transferência'],
  close: ['Fechar', 'Concluído', 'Concluir', 'Pronto', 'Entendi', 'OK', 'Já copiei'],
  showOnceWarning: [
    'só será mostrado uma vez', 'será mostrado apenas uma vez', 'só será exibido uma vez', 'será exibido apenas uma vez',
    'exibido somente uma vez', 'mostrado somente uma vez', 'não poderá vê-lo novamente', 'não poderá ver novamente',
    'não será exibido novamente', 'não será mostrado novamente', 'copie-o agora', 'copie agora',
  ],
  listHeaders: {
    name: ['Nome', 'Nome do token', 'Token'],
    scopes: ['Escopos', 'Escopo', 'Permissões'],
    created: ['Criado', 'Criado em', 'Data de criação', 'Criação', 'Gerado em'],
    expiry: ['Validade', 'Expira', 'Expira em', 'Expiração', 'Vence', 'Vence em', 'Vencimento', 'Válido até'],
    status: ['Status', 'Estado', 'Situação'],
    lastUsed: ['Último uso', 'Usado pela última vez', 'Última atividade'],
  },
  status: {
    active: ['Ativo', 'Ativa', 'Válido', 'Habilitado'],
    revoked: ['Revogado', 'Revogada', 'Desativado', 'Bloqueado', 'Excluído'],
    expired: ['Expirado', 'Expirada', 'Vencido', 'Vencida'],
  },
  revoke: ['Revogar', 'Revogar token', 'Rotacionar'],
  delete: ['Excluir', 'Excluir token', 'Apagar', 'Remover'],
  units: {
    hour: ['hora', 'horas'],
    day: ['dia', 'dias'],
    week: ['semana', 'semanas'],
    month: ['mês', 'meses'],
    year: ['ano', 'anos'],
  },
  months: [
    ['jan', 'janeiro'], ['fev', 'fevereiro'], ['mar', 'março'], ['abr', 'abril'], ['mai', 'maio'], ['jun', 'junho'],
    ['jul', 'julho'], ['ago', 'agosto'], ['set', 'setembro'], ['out', 'outubro'], ['nov', 'novembro'],
    ['dez', 'dezembro'],
  ],
  numericDateOrder: 'dmy',
};

/** The supported languages. Add a language by adding a block here. */
export const BLOCKS: readonly VocabularyBlock[] = [EN, ES, PT];

// ---------------------------------------------------------------------------------------------------------
// Normalisation and matching

/**
 * Lower-case, strip diacritics and apostrophes, turn every other punctuation run into one space, trim.
 * "Permissões:" → "permissoes"; "Won’t be able" → "wont be able"; "Nome do token *" → "nome do token".
 */
export function normaliseText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’‘`´]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export type TermList = readonly string[];

const normalisedCache = new WeakMap<TermList, string[]>();
function normalisedTerms(terms: TermList): string[] {
  let cached = normalisedCache.get(terms);
  if (!cached) {
    cached = [...new Set(terms.map(normaliseText).filter((t) => t.length > 0))];
    normalisedCache.set(terms, cached);
  }
  return cached;
}

/** The whole text is one of the terms ("Scopes:" is "Scopes"). */
export function isTerm(text: string | null | undefined, terms: TermList): boolean {
  if (!text) return false;
  const n = normaliseText(text);
  return n.length > 0 && normalisedTerms(terms).includes(n);
}

/** One of the terms occurs in the text as whole words ("Token name (required)" contains "Token name"). */
export function containsTerm(text: string | null | undefined, terms: TermList): boolean {
  return findTerm(text, terms) !== undefined;
}

/** The first (longest) term contained as whole words, normalised; undefined when none. */
export function findTerm(text: string | null | undefined, terms: TermList): string | undefined {
  if (!text) return undefined;
  const padded = ` ${normaliseText(text)} `;
  let best: string | undefined;
  for (const t of normalisedTerms(terms)) {
    if (padded.includes(` ${t} `) && (best === undefined || t.length > best.length)) best = t;
  }
  return best;
}

/** The text starts with one of the terms as whole words ("Expires: 22 Nov 2026" starts with "Expires"). */
export function startsWithTerm(text: string | null | undefined, terms: TermList): string | undefined {
  if (!text) return undefined;
  const n = `${normaliseText(text)} `;
  let best: string | undefined;
  for (const t of normalisedTerms(terms)) {
    if (n.startsWith(`${t} `) && (best === undefined || t.length > best.length)) best = t;
  }
  return best;
}

// ---------------------------------------------------------------------------------------------------------
// Merged word lists (all languages), built once.

type FlatKey =
  | 'pageTitle' | 'legacyPageTitle' | 'openForm' | 'nameField' | 'search' | 'scopeSection' | 'selectAll' | 'expiry'
  | 'never' | 'generate' | 'copy' | 'close' | 'showOnceWarning' | 'revoke' | 'delete';

function merge(pick: (b: VocabularyBlock) => readonly string[]): string[] {
  return [...new Set(BLOCKS.flatMap(pick))];
}

/** Every language merged: `WORDS.selectAll` holds "Select all", "Seleccionar todo", "Selecionar tudo"… */
export const WORDS: Readonly<Record<FlatKey, TermList>> & {
  menu: Readonly<Record<keyof VocabularyBlock['menu'], TermList>>;
  listHeaders: Readonly<Record<ListColumn, TermList>>;
  status: Readonly<Record<TokenStatus, TermList>>;
  units: Readonly<Record<DurationUnit, TermList>>;
} = {
  pageTitle: merge((b) => b.pageTitle),
  legacyPageTitle: merge((b) => b.legacyPageTitle),
  openForm: merge((b) => b.openForm),
  nameField: merge((b) => b.nameField),
  search: merge((b) => b.search),
  scopeSection: merge((b) => b.scopeSection),
  selectAll: merge((b) => b.selectAll),
  expiry: merge((b) => b.expiry),
  never: merge((b) => b.never),
  generate: merge((b) => b.generate),
  copy: merge((b) => b.copy),
  close: merge((b) => b.close),
  showOnceWarning: merge((b) => b.showOnceWarning),
  revoke: merge((b) => b.revoke),
  delete: merge((b) => b.delete),
  menu: {
    connectors: merge((b) => b.menu.connectors),
    api: merge((b) => b.menu.api),
    apiDocs: merge((b) => b.menu.apiDocs),
    more: merge((b) => b.menu.more),
  },
  listHeaders: {
    name: merge((b) => b.listHeaders.name),
    scopes: merge((b) => b.listHeaders.scopes),
    created: merge((b) => b.listHeaders.created),
    expiry: merge((b) => b.listHeaders.expiry),
    status: merge((b) => b.listHeaders.status),
    lastUsed: merge((b) => b.listHeaders.lastUsed),
  },
  status: {
    active: merge((b) => b.status.active),
    revoked: merge((b) => b.status.revoked),
    expired: merge((b) => b.status.expired),
  },
  units: {
    hour: merge((b) => b.units.hour),
    day: merge((b) => b.units.day),
    week: merge((b) => b.units.week),
    month: merge((b) => b.units.month),
    year: merge((b) => b.units.year),
  },
};

export type ListColumn = 'name' | 'scopes' | 'created' | 'expiry' | 'status' | 'lastUsed';
export type TokenStatus = 'active' | 'revoked' | 'expired';
export type DurationUnit = 'hour' | 'day' | 'week' | 'month' | 'year';

// ---------------------------------------------------------------------------------------------------------
// Durations

/**
 * Days per unit. A month counts 30 days and a year 365, so "6 months" is 180 days: a policy "at most 180 days"
 * (Wati's own "rotate every 6 months") accepts Wati's "6 months" choice, and we never claim a token lives
 * longer than the calendar says by more than a few days. Hours round up to whole days.
 */
export const DAYS_PER_UNIT: Readonly<Record<DurationUnit, number>> = { hour: 1 / 24, day: 1, week: 7, month: 30, year: 365 };

const unitIndex: Map<string, DurationUnit> = (() => {
  const m = new Map<string, DurationUnit>();
  for (const unit of Object.keys(DAYS_PER_UNIT) as DurationUnit[]) {
    for (const w of WORDS.units[unit]) m.set(normaliseText(w), unit);
  }
  return m;
})();

const numberWords: Record<string, number> = {
  one: 1, a: 1, an: 1, two: 2, three: 3, six: 6, twelve: 12,
  un: 1, uno: 1, una: 1, dos: 2, tres: 3, seis: 6, doce: 12,
  um: 1, uma: 1, dois: 2, duas: 2, doze: 12,
};

/**
 * "30 days" → 30, "1 year" → 365, "6 meses" → 180, "1 año" → 365, "Never" / "Sin caducidad" → null,
 * "Custom" / "Select…" → undefined (not a duration). Takes the first number+unit pair in the text, so
 * "90 days (recommended)" works.
 */
export function parseDurationDays(label: string | null | undefined): number | null | undefined {
  if (!label) return undefined;
  const n = normaliseText(label);
  if (!n) return undefined;
  const words = n.split(' ');
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    // "30d" / "1y" written together
    const glued = /^(\d+)([a-z]+)$/.exec(w);
    if (glued) {
      const unit = unitIndex.get(glued[2]!);
      if (unit) return toDays(Number(glued[1]), unit);
    }
    const count = /^\d+$/.test(w) ? Number(w) : numberWords[w];
    if (count === undefined) continue;
    const next = words[i + 1];
    const unit = next === undefined ? undefined : unitIndex.get(next);
    if (unit) return toDays(count, unit);
  }
  if (containsTerm(label, WORDS.never)) return null;
  return undefined;
}

function toDays(count: number, unit: DurationUnit): number {
  return Math.ceil(count * DAYS_PER_UNIT[unit]);
}

// ---------------------------------------------------------------------------------------------------------
// Dates

const monthIndex: Map<string, number> = (() => {
  const m = new Map<string, number>();
  for (const b of BLOCKS) b.months.forEach((names, i) => names.forEach((name) => m.set(normaliseText(name), i)));
  return m;
})();

/** Numeric order for a document language ("en-US" → mdy, "es" → dmy), falling back to dmy. */
export function numericDateOrderFor(lang: string | null | undefined): 'dmy' | 'mdy' {
  const l = (lang ?? '').toLowerCase();
  if (l === 'en-us' || l === 'en_us') return 'mdy';
  const block = BLOCKS.find((b) => l === b.lang || l.startsWith(`${b.lang}-`));
  return block?.numericDateOrder ?? 'dmy';
}

function iso(y: number, m: number, d: number): string | undefined {
  if (y < 100) y += 2000;
  if (m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1) return undefined; // 31 Feb
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * Finds a calendar date in display text and returns it as ISO `yyyy-mm-dd` (date precision; a time of day
 * is dropped). Understands `2026-11-22`, `2026-11-22T10:00Z`, `2026-11-22 10:00`, `2026/11/22`,
 * `22 Nov 2026`, `22 de noviembre de 2026`, `Nov 22, 2026`, `22/11/2026`, `22.11.2026`, `11/22/2026`
 * (a part > 12 decides; otherwise `order`). Returns undefined when no date is found.
 */
export function parseDisplayDate(text: string | null | undefined, order: 'dmy' | 'mdy' = 'dmy'): string | undefined {
  if (!text) return undefined;
  const raw = text.normalize('NFKC');
  let m = /(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})/.exec(raw);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?!\d)/.exec(raw);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const y = Number(m[3]);
    if (a > 12) return iso(y, b, a);
    if (b > 12) return iso(y, a, b);
    return order === 'mdy' ? iso(y, a, b) : iso(y, b, a);
  }
  // Words: normalise so "março" = "marco", "de" fillers removed.
  const words = normaliseText(raw).split(' ').filter((w) => w !== 'de' && w !== 'del' && w !== 'of' && w !== 'the');
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const month = monthIndex.get(w) ?? monthIndex.get(w.replace(/\d+$/, ''));
    if (month === undefined) continue;
    const prev = words[i - 1];
    const next = words[i + 1];
    const next2 = words[i + 2];
    // 22 Nov 2026
    if (prev && /^\d{1,2}$/.test(prev.replace(/(st|nd|rd|th)$/, '')) && next && /^\d{4}$/.test(next)) {
      return iso(Number(next), month + 1, Number(prev.replace(/(st|nd|rd|th)$/, '')));
    }
    // Nov 22 2026 (the comma became a space)
    if (next && /^\d{1,2}(st|nd|rd|th)?$/.test(next) && next2 && /^\d{4}$/.test(next2)) {
      return iso(Number(next2), month + 1, Number(next.replace(/(st|nd|rd|th)$/, '')));
    }
    // "22-Nov-2026" normalises to "22 nov 2026": handled above.
  }
  return undefined;
}
