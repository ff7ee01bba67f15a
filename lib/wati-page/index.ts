/**
 * The Wati page adapter: everything that knows Wati's URLs and DOM. See README.md in this folder.
 * Pure reads return plain data (+ element refs); `apply*` are the only writes. No `browser.*` here.
 */
export type {
  ExpiryControl, ExpiryKind, ExpiryOption, RevealState, ScopeControl, ScopeControlKind, ScopeFormState, TokenListRow,
  TokenPage, TokenPageKind, TokenStatus,
} from './types';

export {
  isApiHostUrl, isDashboardUrl, isHelpSiteUrl, isWatiHost, readTenantIdFromApiUrl, readWorkspaceFromUrl,
  type WatiWorkspace,
} from './url';

export { looksLikeTokenPage, readApiEndpoint, readTokenPage, readTokenPageKind } from './detect';
export { readCheckables, readCheckedState, readScopeForm, type ReadOptions } from './form';
export { hasFormLikeContent } from './form-like';
export { findTokenPageLink } from './nav';
export { readTokenList } from './list';
export { classifyTokenShape, findRevealedToken, findTokenWords, shannonEntropy, type TokenShape } from './reveal';
export {
  addDaysIso, applyChecked, applyExpiry, applySelect, applyText, chooseExpiryOption, type ApplyCheckedResult,
  type ApplyExpiryResult, type ApplyOptions, type ApplyValueResult, type CheckableTarget,
} from './apply';
export { readAccessibleName } from './accessible-name';
export { findScopeId, findScopeIds, isScopeId, readBareApiScope } from './scope-id';
export {
  BLOCKS, containsTerm, DAYS_PER_UNIT, isTerm, normaliseText, parseDisplayDate, parseDurationDays, WORDS,
  type VocabularyBlock,
} from './vocabulary';
