import { isIsoDateOnly, isoDateToDayNumber } from '@/lib/tokens/dates';
import { redactSecrets } from '@/lib/tokens/jwt';
import { NOTES_MAX } from '@/lib/tokens/record';

/**
 * Validation of the popup's edit form (expiry date + notes). Pure: the form shows the errors, and
 * only a valid edit becomes an `inventory:update` patch holding just what changed.
 */

export interface TokenEditInput {
  /** The date input's value (`YYYY-MM-DD`, or '' when empty or incomplete). */
  expiryDate: string;
  noExpiry: boolean;
  notes: string;
  /** The date input reported text it could not read as a date (`validity.badInput`). */
  badDate?: boolean;
}

export interface TokenEditContext {
  /** What is stored: a date or a date-time. */
  expiresAt: string | null;
  /** Local `YYYY-MM-DD` of the stored expiry (what the date input started with). */
  expiryDate: string | null;
  notes: string;
  /** Local `YYYY-MM-DD` of the creation date. */
  createdDate: string;
  /** Local `YYYY-MM-DD` of now. */
  today: string;
}

export interface TokenEditPatch {
  expiresAt?: string | null;
  notes?: string;
}

export interface TokenEditResult {
  errors: { expiry?: string; notes?: string };
  /** Allowed, but worth a second look (shown under the field). */
  warnings: string[];
  /** Only when there are no errors; `{}` when nothing changed. */
  patch?: TokenEditPatch;
}

const FAR_FUTURE_DAYS = 5 * 366;

export function validateTokenEdit(input: TokenEditInput, ctx: TokenEditContext): TokenEditResult {
  const errors: TokenEditResult['errors'] = {};
  const warnings: string[] = [];
  const patch: TokenEditPatch = {};

  if (input.noExpiry) {
    if (ctx.expiresAt !== null) patch.expiresAt = null;
  } else {
    const date = input.expiryDate.trim();
    const quoted = date.slice(0, 40);
    if (input.badDate) errors.expiry = 'The expiry date is incomplete or not a real date. Pick it in the calendar or type it as YYYY-MM-DD.';
    else if (date === '') errors.expiry = 'Enter the expiry date shown by Wati, or tick "No expiry".';
    else if (!isIsoDateOnly(date)) errors.expiry = `"${quoted}" is not a real date. Use YYYY-MM-DD, e.g. ${ctx.today}.`;
    else if (date < ctx.createdDate) errors.expiry = `The expiry date is before the token was created (${ctx.createdDate}).`;
    else {
      const ahead = isoDateToDayNumber(date) - isoDateToDayNumber(ctx.today);
      if (ahead < 0) warnings.push('This date is in the past: the token is recorded as expired.');
      else if (ahead > FAR_FUTURE_DAYS) warnings.push('This date is more than 5 years away: check the year.');
      // Unchanged date: keep what is stored (it may be a precise date-time read from the token).
      if (date !== ctx.expiryDate) patch.expiresAt = date;
    }
  }

  const notes = input.notes.replace(/\s+$/, '');
  if (notes.length > NOTES_MAX) errors.notes = `Notes are too long: ${notes.length} characters, at most ${NOTES_MAX}.`;
  else if (redactSecrets(notes) !== notes) {
    errors.notes = 'The notes look like they contain a token. Never paste a token here: write where it is stored instead (e.g. "1Password › Wati › crm-sync").';
  } else if (notes !== ctx.notes) patch.notes = notes;

  if (errors.expiry || errors.notes) return { errors, warnings };
  return { errors, warnings, patch };
}

export function isEmptyPatch(p: TokenEditPatch): boolean {
  return p.expiresAt === undefined && p.notes === undefined;
}
