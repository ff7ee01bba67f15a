import { describe, expect, test } from 'vitest';
import {
  BLOCKS, containsTerm, findTerm, isTerm, normaliseText, numericDateOrderFor, parseDisplayDate, parseDurationDays,
  startsWithTerm, WORDS,
} from '@/lib/wati-page/vocabulary';

describe('normaliseText', () => {
  test.each([
    ['Permissões:', 'permissoes'],
    ['  Nome   do token * ', 'nome do token'],
    ['You won’t be able to see it', 'you wont be able to see it'],
    ['EXPIRACIÓN', 'expiracion'],
    ['Concluído', 'concluido'],
    ['Seleccionar\u00a0todo', 'seleccionar todo'],
  ])('%s → %s', (input, expected) => expect(normaliseText(input)).toBe(expected));
});

describe('matching is case-, diacritic- and whitespace-insensitive', () => {
  test('isTerm matches the whole text', () => {
    expect(isTerm('  SELECT ALL ', WORDS.selectAll)).toBe(true);
    expect(isTerm('Selecionar tudo', WORDS.selectAll)).toBe(true);
    expect(isTerm('Seleccionar todos', WORDS.selectAll)).toBe(true);
    expect(isTerm('Select all scopes you need', WORDS.selectAll)).toBe(false);
    expect(isTerm('Permissoes', WORDS.scopeSection)).toBe(true);
    expect(isTerm('Expiración:', WORDS.expiry)).toBe(true);
  });
  test('containsTerm matches whole words only', () => {
    expect(containsTerm('Token name (required)', WORDS.nameField)).toBe(true);
    expect(containsTerm('Renamed', WORDS.nameField)).toBe(false);
    expect(containsTerm('This token will only be shown once.', WORDS.showOnceWarning)).toBe(true);
    expect(containsTerm('Este token SOLO se mostrará una vez', WORDS.showOnceWarning)).toBe(true);
    expect(containsTerm('O token só será mostrado uma vez', WORDS.showOnceWarning)).toBe(true);
    expect(containsTerm('You won’t be able to see it again', WORDS.showOnceWarning)).toBe(true);
  });
  test('findTerm / startsWithTerm return the longest normalised term', () => {
    expect(findTerm('Expiry date', WORDS.expiry)).toBe('expiry date');
    expect(startsWithTerm('Expires on: 22 Nov 2026', WORDS.listHeaders.expiry)).toBe('expires on');
    expect(startsWithTerm('Nothing here', WORDS.listHeaders.expiry)).toBeUndefined();
  });
});

describe('vocabulary structure', () => {
  test('every block fills every list (adding a language is one block)', () => {
    for (const b of BLOCKS) {
      for (const [key, value] of Object.entries(b)) {
        if (Array.isArray(value)) expect(value.length, `${b.lang}.${key}`).toBeGreaterThan(0);
        else if (value && typeof value === 'object') {
          for (const [k2, v2] of Object.entries(value)) expect((v2 as string[]).length, `${b.lang}.${key}.${k2}`).toBeGreaterThan(0);
        }
      }
      expect(b.months).toHaveLength(12);
    }
  });
  test('covers the words of the brief in en/es/pt', () => {
    for (const w of ['API Tokens', 'Tokens de API', 'Tokens da API', 'API tokens']) expect(containsTerm(w, WORDS.pageTitle)).toBe(true);
    for (const w of ['Connectors', 'Connector', 'Conectores']) expect(isTerm(w, WORDS.menu.connectors)).toBe(true);
    for (const w of ['More', 'Más', 'Mais']) expect(isTerm(w, WORDS.menu.more)).toBe(true);
    for (const w of ['Token name', 'Name', 'Nombre del token', 'Nombre', 'Nome do token']) expect(isTerm(w, WORDS.nameField)).toBe(true);
    for (const w of ['Scope', 'Scopes', 'Alcance', 'Alcances', 'Permisos', 'Escopo', 'Escopos', 'Permissões']) expect(isTerm(w, WORDS.scopeSection)).toBe(true);
    for (const w of ['Expiry', 'Expiry date', 'Expiry duration', 'Expires', 'Expiration', 'Caducidad', 'Vencimiento', 'Expiración', 'Validade', 'Expiração', 'Vence']) {
      expect(isTerm(w, WORDS.expiry), w).toBe(true);
    }
    for (const w of ['Never', 'No expiry', 'Nunca', 'Sin caducidad', 'Sem validade']) expect(isTerm(w, WORDS.never)).toBe(true);
    for (const w of ['Generate', 'Create', 'Generar', 'Crear', 'Gerar', 'Criar']) expect(isTerm(w, WORDS.generate)).toBe(true);
    for (const w of ['Close', 'Done', 'Cerrar', 'Listo', 'Fechar', 'Concluído']) expect(isTerm(w, WORDS.close)).toBe(true);
    for (const w of ['Revoke', 'Revocar', 'Revogar']) expect(isTerm(w, WORDS.revoke)).toBe(true);
    for (const w of ['Active', 'Activo', 'Ativo']) expect(isTerm(w, WORDS.status.active)).toBe(true);
    for (const w of ['Revoked', 'Revocado', 'Revogado']) expect(isTerm(w, WORDS.status.revoked)).toBe(true);
    for (const w of ['Expired', 'Caducado', 'Expirado']) expect(isTerm(w, WORDS.status.expired)).toBe(true);
    for (const w of ['Last used', 'Último uso']) expect(isTerm(w, WORDS.listHeaders.lastUsed)).toBe(true);
  });
});

describe('parseDurationDays (a month is 30 days, a year 365)', () => {
  test.each([
    ['30 days', 30], ['30 días', 30], ['30 dias', 30], ['1 year', 365], ['1 año', 365], ['1 ano', 365],
    ['6 months', 180], ['6 meses', 180], ['1 mês', 30], ['2 weeks', 14], ['24 hours', 1], ['90d', 90], ['1y', 365],
    ['90 days (recommended)', 90], ['One year', 365], ['a year', 365], ['Un año', 365],
    ['Never', null], ['No expiry', null], ['Nunca', null], ['Sin caducidad', null], ['Sem validade', null],
    ['Custom', undefined], ['Select…', undefined], ['', undefined],
  ])('%s → %s', (label, days) => expect(parseDurationDays(label)).toBe(days));
});

describe('parseDisplayDate', () => {
  test.each([
    ['2026-11-22', '2026-11-22'],
    ['2026-11-22T10:00:00Z', '2026-11-22'],
    ['2026-11-22 10:00', '2026-11-22'],
    ['2026/11/22', '2026-11-22'],
    ['22 Nov 2026', '2026-11-22'],
    ['22 November 2026', '2026-11-22'],
    ['Nov 22, 2026', '2026-11-22'],
    ['November 22nd, 2026', '2026-11-22'],
    ['22-Nov-2026', '2026-11-22'],
    ['22/11/2026', '2026-11-22'],
    ['22.11.2026', '2026-11-22'],
    ['22 de noviembre de 2026', '2026-11-22'],
    ['1 de febrero de 2026', '2026-02-01'],
    ['22 de nov. de 2026', '2026-11-22'],
    ['22 de março de 2026', '2026-03-22'],
    ['3 dez 2026', '2026-12-03'],
    ['Expired on 24 Feb 2026', '2026-02-24'],
    ['31/02/2026', undefined],
    ['Never', undefined],
    ['—', undefined],
  ])('%s → %s', (text, iso) => expect(parseDisplayDate(text)).toBe(iso));

  test('an ambiguous numeric date follows the given order; a part > 12 decides by itself', () => {
    expect(parseDisplayDate('03/04/2026', 'dmy')).toBe('2026-04-03');
    expect(parseDisplayDate('03/04/2026', 'mdy')).toBe('2026-03-04');
    expect(parseDisplayDate('11/22/2026', 'dmy')).toBe('2026-11-22');
    expect(parseDisplayDate('22/11/2026', 'mdy')).toBe('2026-11-22');
  });

  test('numericDateOrderFor reads the document language', () => {
    expect(numericDateOrderFor('en-US')).toBe('mdy');
    expect(numericDateOrderFor('en')).toBe('dmy');
    expect(numericDateOrderFor('es')).toBe('dmy');
    expect(numericDateOrderFor('pt-BR')).toBe('dmy');
    expect(numericDateOrderFor(undefined)).toBe('dmy');
  });
});
