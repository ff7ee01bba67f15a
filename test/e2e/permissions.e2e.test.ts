import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { E2E_BROWSERS, OUT_DIR } from './harness/browsers';

/**
 * The permission gate (review #10): the shipped manifests ask for exactly this. A new permission, host,
 * web-accessible resource, content-script match or externally connectable origin fails here, so it is a
 * decision someone writes down (README "Permissions"), never a side effect of a dependency or a refactor.
 */
const EXPECTED = {
  chrome: { permissions: ['alarms', 'clipboardWrite', 'notifications', 'offscreen', 'scripting', 'storage'] },
  firefox: { permissions: ['alarms', 'clipboardWrite', 'notifications', 'scripting', 'storage'] },
} as const;

describe.each(E2E_BROWSERS)('%s: the shipped manifest asks for nothing new', (name) => {
  const manifest = () => JSON.parse(fs.readFileSync(path.join(OUT_DIR[name], 'manifest.json'), 'utf8')) as Record<string, unknown>;

  it('permissions, optional permissions, hosts, web-accessible resources and content scripts are exactly the reviewed ones', () => {
    const m = manifest();
    expect([...((m.permissions as string[]) ?? [])].sort()).toEqual(EXPECTED[name].permissions);
    expect(m.optional_permissions ?? []).toEqual(['clipboardRead']);
    expect(m.host_permissions).toEqual(['https://*.wati.io/*']);
    expect(m.optional_host_permissions ?? []).toEqual([]);
    expect(m.web_accessible_resources ?? []).toEqual([]);
    expect(m.externally_connectable).toBeUndefined();
    const scripts = (m.content_scripts as Array<{ matches: string[]; world?: string; all_frames?: boolean }>).map((c) => ({
      matches: c.matches,
      world: c.world ?? 'ISOLATED',
      allFrames: !!c.all_frames,
    }));
    expect(scripts.sort((a, b) => a.world.localeCompare(b.world))).toEqual([
      { matches: ['https://*.wati.io/*'], world: 'ISOLATED', allFrames: false },
      { matches: ['https://*.wati.io/*'], world: 'MAIN', allFrames: false },
    ]);
    // No remote code: the extension pages' CSP (the browser default for MV3) is not loosened.
    expect(JSON.stringify(m.content_security_policy ?? {})).not.toMatch(/unsafe-eval|https?:/);
  });
});
