/**
 * Bundles the sandbox's React pages (test/sandbox/react/<name>.jsx) with rolldown (vite 8's bundler, already in
 * node_modules), as production builds of React, into memory. Each bundle is built once per process (the first
 * request waits, ~0.3 s) and served by server.ts as /assets/react/<name>.js.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REACT_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'react');
const cache = new Map<string, Promise<string>>();

/** The names that have a source file (`drawer` for react/drawer.jsx). */
export function reactBundleExists(name: string): boolean {
  return /^[a-z][a-z0-9-]*$/.test(name) && fs.existsSync(path.join(REACT_DIR, `${name}.jsx`));
}

async function build(name: string): Promise<string> {
  const { rolldown } = await import('rolldown');
  const bundle = await rolldown({
    input: path.join(REACT_DIR, `${name}.jsx`),
    cwd: path.resolve(REACT_DIR, '../../..'),
    platform: 'browser',
    logLevel: 'warn',
    transform: { jsx: 'react-jsx', define: { 'process.env.NODE_ENV': '"production"' } },
  });
  try {
    const { output } = await bundle.generate({ format: 'esm', minify: true });
    const chunk = output.find((o) => o.type === 'chunk' && o.isEntry);
    if (!chunk || chunk.type !== 'chunk') throw new Error(`no entry chunk for ${name}`);
    return chunk.code;
  } finally {
    await bundle.close();
  }
}

/** The bundle's code (cached per process; a failed build is retried on the next call). */
export function reactBundle(name: string): Promise<string> {
  let p = cache.get(name);
  if (!p) {
    p = build(name);
    cache.set(name, p);
    p.catch(() => cache.delete(name));
  }
  return p;
}
