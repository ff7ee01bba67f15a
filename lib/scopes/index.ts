/** Public API of the scopes module: catalog, endpoint table, intent parsing, presets, least-privilege analysis. */
export {
  comparePrivilege,
  isHighRisk,
  isKnownScope,
  isWildcardScope,
  listScopes,
  lookupScope,
  normaliseScope,
  normaliseScopes,
  privilegeRank,
  privilegeTier,
  scopeCovers,
  PRIVILEGE_TIERS,
  ScopeCatalogSchema,
  ScopeEntrySchema,
} from '@/lib/scopes/catalog';
export type {
  CatalogScopeId,
  PrivilegeTier,
  ScopeAccess,
  ScopeApiVersion,
  ScopeEntry,
  ScopeFamily,
  ScopeInfo,
} from '@/lib/scopes/catalog';

export {
  endpointRefOf,
  endpointScopeOptions,
  getEndpoint,
  isPlaceholderSegment,
  isWatiApiPath,
  listEndpoints,
  matchEndpoint,
  matchEndpointsByPath,
  splitWatiApiPath,
  EndpointEntrySchema,
  EndpointTableSchema,
  HTTP_METHODS,
} from '@/lib/scopes/endpoints';
export type {
  ApiVersion,
  EndpointEntry,
  EndpointInfo,
  EndpointMatch,
  EndpointRef,
  HttpMethod,
  WatiApiPath,
} from '@/lib/scopes/endpoints';

export { endpointRefsOf, parseIntentText } from '@/lib/scopes/parse-intent';
export type { MethodSource, ParsedCall, ParsedCallStatus, ParsedIntent } from '@/lib/scopes/parse-intent';

export { getIntentPreset, listIntentPresets, INTENT_PRESETS, INTENT_PRESET_IDS } from '@/lib/scopes/presets';
export type { IntentPreset, IntentPresetId } from '@/lib/scopes/presets';

export { computeMinimalScopes, scopeSatisfiesEndpoint } from '@/lib/scopes/minimal';
export type { MinimalScopeOptions, Recommendation, RecommendedScope } from '@/lib/scopes/minimal';

export { checkScopes, SELECT_ALL_SCOPE } from '@/lib/scopes/check';
export type { CheckScopesInput, Finding, FindingKind } from '@/lib/scopes/check';

export { validateScopeData } from '@/lib/scopes/validate';
