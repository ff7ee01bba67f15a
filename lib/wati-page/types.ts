/**
 * Plain data the Wati page adapter hands to the rest of the extension. Element references are included
 * so an overlay can anchor to them or `apply*` can act on them; everything else is strings, numbers, booleans.
 */

export type ScopeControlKind = 'checkbox' | 'aria-checkbox' | 'switch';

export interface ScopeControl {
  /** The scope as the page names it, e.g. 'wati_contacts:read' or 'api'. Not normalised. */
  raw: string;
  checked: boolean;
  /** The clickable control: the native input, the role=checkbox/switch element, or (for a visually hidden native input) its label. */
  el: HTMLElement;
  kind: ScopeControlKind;
  /** The native checkbox holding the state, when there is one (it may be hidden and differ from `el`). */
  input?: HTMLInputElement;
  /** The control is disabled (it cannot be changed). */
  disabled?: boolean;
  /** The full label text the scope was read from (may include a description). Always set by `readScopeForm`. */
  label?: string;
}

export type ExpiryKind = 'date' | 'select' | 'text' | 'radio-group';

export interface ExpiryOption {
  label: string;
  /** The select option's value, or the radio's value (or its label when it has none). */
  value: string;
  /** Duration in days; null = never expires. Options that are neither (placeholder, "Custom…") are omitted. */
  days: number | null;
  /** For radio groups: the clickable radio. */
  el?: HTMLElement;
}

export interface ExpiryControl {
  /** The date/text input, the select, or the radio group's container. */
  el: HTMLElement;
  kind: ExpiryKind;
  /** Current value as the control holds it (yyyy-mm-dd for a date input, the option value for a select). */
  value: string;
  options?: ExpiryOption[];
  /** Current choice as a duration when knowable (select/radio; a date when `now` was given). null = never. */
  days?: number | null;
  /** ISO yyyy-mm-dd when the current choice is a date. */
  date?: string;
  /** A separate "No expiry" / "Never expires" checkbox or switch next to a date input, when present. */
  neverToggle?: { el: HTMLElement; checked: boolean; input?: HTMLInputElement };
  /** The label text the control was recognised by, if any. */
  label?: string;
}

export interface ScopeFormState {
  /** Nearest common ancestor of the scope controls and the name field. */
  container: HTMLElement;
  /** The form sits in an open dialog / modal. */
  isModal: boolean;
  /** The dialog, the `<form>`, or a slightly wider block around `container`: where expiry and footer buttons were
   * searched. Always set by `readScopeForm`. */
  region?: HTMLElement;
  name?: { el: HTMLInputElement; value: string };
  scopes: ScopeControl[];
  selectAll?: { el: HTMLElement; checked: boolean; mixed?: boolean; kind: ScopeControlKind | 'button'; input?: HTMLInputElement };
  expiry?: ExpiryControl;
  generate?: HTMLElement;
}

export type TokenStatus = 'active' | 'revoked' | 'expired';

export interface TokenListRow {
  name: string;
  scopes?: string[];
  /** ISO yyyy-mm-dd. */
  createdAt?: string;
  /** ISO yyyy-mm-dd; null = never expires. */
  expiresAt?: string | null;
  status?: TokenStatus;
  /** ISO yyyy-mm-dd, or null when the page says "Never" used. */
  lastUsedAt?: string | null;
  revokeButton?: HTMLElement;
  el: HTMLElement;
}

export interface RevealState {
  token: string;
  /** 'jwt' (eyJ… three base64url parts) or 'opaque' (long high-entropy string). */
  shape: 'jwt' | 'opaque';
  /** The element showing it (input, textarea, code, or the text's parent element). */
  el: HTMLElement;
  /** The dialog or panel around it. */
  container: HTMLElement;
  isModal: boolean;
  copyButton?: HTMLElement;
  closeButtons: HTMLElement[];
  warning?: HTMLElement;
  /** What surrounds it: a copy button, the show-once warning. A legacy bearer token usually has copy but no warning. */
  near: { copy: boolean; warning: boolean };
}

export type TokenPageKind = 'api-tokens' | 'legacy-api-docs';

export interface TokenPage {
  isTokenPage: boolean;
  /** Which page the heading/title says this is. */
  kind?: TokenPageKind;
  heading?: HTMLElement;
  /** The "Generate new token" button that opens the form. */
  openFormButton?: HTMLElement;
  form?: ScopeFormState;
  list?: TokenListRow[];
  reveal?: RevealState;
  /** Read from an API endpoint URL shown on the page, e.g. https://live-mt-server.wati.io/10234. */
  tenantId?: string;
  /** The API endpoint URL shown on the page, when one is. */
  apiEndpoint?: string;
}
