import { describe, expect, it } from 'vitest';
import { NOTES_MAX } from '@/lib/tokens/record';
import { isEmptyPatch, validateTokenEdit, type TokenEditContext } from '@/lib/ui/token-edit';
import { makeJwt } from '../tokens/helpers';

const ctx: TokenEditContext = { expiresAt: '2026-12-31', expiryDate: '2026-12-31', notes: 'in 1Password', createdDate: '2026-01-15', today: '2026-06-15' };
const input = (over: Partial<Parameters<typeof validateTokenEdit>[0]> = {}) => ({ expiryDate: '2026-12-31', noExpiry: false, notes: 'in 1Password', ...over });

describe('validateTokenEdit', () => {
  it('sends only what changed', () => {
    expect(validateTokenEdit(input(), ctx)).toEqual({ errors: {}, warnings: [], patch: {} });
    expect(isEmptyPatch(validateTokenEdit(input(), ctx).patch!)).toBe(true);
    expect(validateTokenEdit(input({ expiryDate: '2027-01-31' }), ctx).patch).toEqual({ expiresAt: '2027-01-31' });
    expect(validateTokenEdit(input({ notes: 'Vault: wati/crm  \n' }), ctx).patch).toEqual({ notes: 'Vault: wati/crm' });
    expect(validateTokenEdit(input({ notes: '' }), ctx).patch).toEqual({ notes: '' });
  });

  it('keeps a precise stored date-time when the date was not touched', () => {
    const c = { ...ctx, expiresAt: '2026-12-31T15:00:00.000Z', expiryDate: '2026-12-31' };
    expect(validateTokenEdit(input(), c).patch).toEqual({});
  });

  it('"No expiry" stores null, and setting a date on a token without expiry stores it', () => {
    expect(validateTokenEdit(input({ noExpiry: true, expiryDate: '' }), ctx).patch).toEqual({ expiresAt: null });
    expect(validateTokenEdit(input({ noExpiry: true }), { ...ctx, expiresAt: null, expiryDate: null }).patch).toEqual({});
    expect(validateTokenEdit(input({ expiryDate: '2026-08-01' }), { ...ctx, expiresAt: null, expiryDate: null }).patch).toEqual({ expiresAt: '2026-08-01' });
  });

  it('refuses an empty, incomplete, impossible or pre-creation date with a clear message', () => {
    expect(validateTokenEdit(input({ expiryDate: '' }), ctx).errors.expiry).toMatch(/Enter the expiry date.*No expiry/);
    expect(validateTokenEdit(input({ expiryDate: '', badDate: true }), ctx).errors.expiry).toMatch(/incomplete or not a real date/);
    expect(validateTokenEdit(input({ expiryDate: '2026-02-30' }), ctx).errors.expiry).toBe('"2026-02-30" is not a real date. Use YYYY-MM-DD, e.g. 2026-06-15.');
    expect(validateTokenEdit(input({ expiryDate: '31/12/2026' }), ctx).errors.expiry).toMatch(/not a real date/);
    expect(validateTokenEdit(input({ expiryDate: '2026-01-14' }), ctx).errors.expiry).toBe('The expiry date is before the token was created (2026-01-15).');
    expect(validateTokenEdit(input({ expiryDate: '2026-02-30' }), ctx).patch).toBeUndefined();
  });

  it('warns (but allows) a past date or one more than 5 years away', () => {
    const past = validateTokenEdit(input({ expiryDate: '2026-06-01' }), ctx);
    expect(past.patch).toEqual({ expiresAt: '2026-06-01' });
    expect(past.warnings).toEqual(['This date is in the past: the token is recorded as expired.']);
    expect(validateTokenEdit(input({ expiryDate: '2062-06-01' }), ctx).warnings[0]).toMatch(/more than 5 years/);
  });

  it('refuses notes that are too long or hold a token', () => {
    expect(validateTokenEdit(input({ notes: 'x'.repeat(NOTES_MAX + 1) }), ctx).errors.notes).toBe(`Notes are too long: ${NOTES_MAX + 1} characters, at most ${NOTES_MAX}.`);
    const jwt = makeJwt({ sub: 'u', tenant: '123', exp: 2_000_000_000 });
    const r = validateTokenEdit(input({ notes: `token is ${jwt}` }), ctx);
    expect(r.errors.notes).toMatch(/look like they contain a token/);
    expect(r.patch).toBeUndefined();
  });

  it('reports both fields at once', () => {
    const r = validateTokenEdit(input({ expiryDate: 'soon', notes: 'y'.repeat(NOTES_MAX + 5) }), ctx);
    expect(Object.keys(r.errors).sort()).toEqual(['expiry', 'notes']);
  });
});
