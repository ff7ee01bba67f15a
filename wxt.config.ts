import { defineConfig } from 'wxt';

/** The Firefox add-on id: fixed, so storage works for temporary installs and policies can name it. */
export const GECKO_ID = 'wati-token-guard@wati-token-guard.dev';

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  // Firefox gets MV3 too: a non-persistent event page behaves like Chrome's service worker, so
  // the "survives a background restart" guarantees (pending clipboard clear, reminders) are the
  // same code and are tested the same way in both browsers.
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    name: 'Wati Token Guard',
    description:
      'Guides Wati API token generation, checks least-privilege scopes, captures the show-once token safely and reminds about expiry and rotation.',
    // Every permission here is used by shipped code; README "Permissions" says why.
    permissions: [
      'storage',
      'alarms',
      'notifications',
      'scripting',
      'clipboardWrite',
      ...(browser === 'chrome' ? ['offscreen'] : []),
    ],
    optional_permissions: ['clipboardRead'],
    host_permissions: ['https://*.wati.io/*'],
    action: { default_title: 'Wati Token Guard' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              strict_min_version: '140.0', // data_collection_permissions; MAIN-world content scripts need 128+
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  zip: {
    artifactTemplate: '{{name}}-{{version}}-{{browser}}.zip',
    sourcesTemplate: '{{name}}-{{version}}-sources.zip',
    // The sources zip is for add-on reviewers: no tests, fixtures, certificates or sandbox.
    excludeSources: ['test/**', '.sandbox/**', '.ci/**', 'coverage/**', '**/*.pem', '**/*.key', '.output/**'],
  },
});
