import { describe, expect, test } from 'vitest';
import {
  isApiHostUrl, isDashboardUrl, isHelpSiteUrl, isWatiHost, readTenantIdFromApiUrl, readWorkspaceFromUrl,
} from '@/lib/wati-page/url';

// github-url-detection style: every predicate accepts its own examples and rejects everybody else's.
const examples = {
  isDashboardUrl: [
    'https://app.wati.io',
    'https://app.wati.io/',
    'https://app.wati.io/teamInbox',
    'https://app.wati.io/connectors/api-tokens?tab=1#new',
    'https://live.wati.io/10234',
    'https://live.wati.io/10234/connectors/api',
    'https://live.wati.io/acme/teamInbox',
    'https://live-12.wati.io/',
    'https://live-103422.wati.io/api-docs',
    'https://acme.wati.io/broadcast',
    'https://APP.WATI.IO/Connectors',
    'https://eu.app.wati.io/connectors',
    'https://app.wati.io:443/connectors',
  ],
  isApiHostUrl: [
    'https://live-mt-server.wati.io/api/ext/v3/contacts',
    'https://live-mt-server.wati.io/10234/api/v1/getContacts',
    'https://live-mt-server.wati.io',
    'https://live-server-10234.wati.io/10234/api/v1/sendSessionMessage/919999999999',
    'https://app-server.wati.io/api/v1/getMessageTemplates',
    'https://eu-mt-server.wati.io/10234',
    'https://api.wati.io/v1/anything',
    'https://api-eu.wati.io/v1',
  ],
  isHelpSiteUrl: [
    'https://support.wati.io/en/articles/11463217-how-to-generate-an-api-token',
    'https://support.wati.io/',
    'https://docs.wati.io/reference/introduction',
    'https://help.wati.io/hc/en-us',
    'https://developers.wati.io/',
  ],
} as const;

/** Rejected by every predicate above (but some are still wati.io hosts). */
const neither = {
  watiButNotThese: [
    'https://wati.io',
    'https://www.wati.io/pricing',
    'https://blog.wati.io/whatsapp-api',
    'https://status.wati.io',
    'https://cdn.wati.io/static/app.js',
  ],
  notWati: [
    'https://wati.io.evil.com/10234',
    'https://app.wati.io.evil.com/',
    'https://evilwati.io/',
    'https://app-wati.io/',
    'https://app.wati.io@evil.com/connectors',
    'https://example.com/?next=https://app.wati.io',
    'https://evil.com/app.wati.io',
    'file:///home/user/app.wati.io.html',
    'not a url',
    '',
  ],
  plainHttp: [
    'http://app.wati.io/connectors',
    'http://live.wati.io/10234',
    'http://live-mt-server.wati.io/api/ext/v3/contacts',
    'http://support.wati.io/',
  ],
};

const predicates = { isDashboardUrl, isApiHostUrl, isHelpSiteUrl } as const;
type Name = keyof typeof predicates;

describe('URL predicates: cross-matrix', () => {
  for (const [name, predicate] of Object.entries(predicates) as Array<[Name, (u: string) => boolean]>) {
    describe(name, () => {
      test.each([...examples[name]])(`accepts %s`, (url) => {
        expect(predicate(url)).toBe(true);
      });
      const others = (Object.keys(examples) as Name[]).filter((n) => n !== name).flatMap((n) => [...examples[n]]);
      test.each([...others, ...neither.watiButNotThese, ...neither.notWati, ...neither.plainHttp])(`rejects %s`, (url) => {
        expect(predicate(url)).toBe(false);
      });
    });
  }

  test('accepts URL objects as well as strings', () => {
    expect(isDashboardUrl(new URL('https://live.wati.io/10234'))).toBe(true);
    expect(isApiHostUrl(new URL('https://live-mt-server.wati.io/'))).toBe(true);
    expect(isHelpSiteUrl(new URL('https://docs.wati.io/'))).toBe(true);
  });
});

describe('isWatiHost', () => {
  test.each([...examples.isDashboardUrl, ...examples.isApiHostUrl, ...examples.isHelpSiteUrl, ...neither.watiButNotThese, ...neither.plainHttp])(
    'accepts every wati.io host: %s',
    (url) => expect(isWatiHost(url)).toBe(true),
  );
  test.each(neither.notWati)('rejects look-alikes and non-URLs: %s', (url) => expect(isWatiHost(url)).toBe(false));
});

describe('readWorkspaceFromUrl', () => {
  test.each([
    ['https://live.wati.io/10234/connectors/api', { host: 'live.wati.io', tenantId: '10234', baseUrl: 'https://live.wati.io/10234' }],
    ['https://live.wati.io/acme', { host: 'live.wati.io', tenantId: 'acme', baseUrl: 'https://live.wati.io/acme' }],
    ['https://live.wati.io/', { host: 'live.wati.io', baseUrl: 'https://live.wati.io' }],
    ['https://live.wati.io/login?next=/10234', { host: 'live.wati.io', baseUrl: 'https://live.wati.io' }],
    ['https://app.wati.io/teamInbox', { host: 'app.wati.io', baseUrl: 'https://app.wati.io' }],
    ['https://APP.wati.io/x', { host: 'app.wati.io', baseUrl: 'https://app.wati.io' }],
    ['https://live-12.wati.io/connectors', { host: 'live-12.wati.io', baseUrl: 'https://live-12.wati.io' }],
    ['https://acme.wati.io/', { host: 'acme.wati.io', baseUrl: 'https://acme.wati.io' }],
  ])('%s', (url, expected) => {
    expect(readWorkspaceFromUrl(url)).toEqual(expected);
  });

  test.each([...examples.isApiHostUrl, ...examples.isHelpSiteUrl, ...neither.watiButNotThese, ...neither.notWati, ...neither.plainHttp])(
    'undefined off the dashboard: %s',
    (url) => expect(readWorkspaceFromUrl(url)).toBeUndefined(),
  );
});

describe('readTenantIdFromApiUrl', () => {
  test.each([
    ['https://live-mt-server.wati.io/10234', '10234'],
    ['https://live-mt-server.wati.io/10234/api/v1/getContacts', '10234'],
    ['https://live-server-10234.wati.io/10234', '10234'],
    ['https://live-mt-server.wati.io/api/ext/v3/contacts', undefined],
    ['https://live-mt-server.wati.io/{tenantId}/api/v1/getContacts', undefined],
    ['https://live.wati.io/10234', undefined],
    ['nonsense', undefined],
  ])('%s → %s', (url, expected) => {
    expect(readTenantIdFromApiUrl(url)).toBe(expected);
  });
});
