import { prefetchLocal } from '@/lib/platform/prefetch';

/**
 * The popup's entry: start reading what the first render needs (storage keys of `inventoryItem` and
 * `settingsItem`, lib/storage/items.ts), then load the UI. The browser answers the read while React,
 * zod and the schemas are fetched and compiled, instead of after the first render.
 */
const reads = prefetchLocal(['inventory', 'settings']);
void import('./boot').then((m) => m.boot(reads));

