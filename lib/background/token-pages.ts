import { tokenPagesItem } from '@/lib/storage/items';
import { z } from 'zod';
import { containsSecret } from '@/lib/tokens/secret-shape';
import { recordWriteError, writeErrorMessage } from './write-errors';

/** Workspaces whose token page is remembered; the least recently seen is forgotten first (review #10, finding 6). */
export const MAX_TOKEN_PAGES = 50;

/** Where each workspace's API Tokens page was last seen (Wati's path for it is not documented). */
const TokenPagesSchema = z.record(z.string().max(300), z.object({ url: z.string().url().max(2000), at: z.number() }));
type TokenPages = z.infer<typeof TokenPagesSchema>;

async function read(): Promise<TokenPages> {
  const r = TokenPagesSchema.safeParse(await tokenPagesItem.getValue());
  return r.success ? r.data : {};
}

export async function rememberTokenPage(baseUrl: string, url: string): Promise<void> {
  const pages = await read();
  const clean = url.split(/[?#]/)[0]!; // never keep query strings or fragments
  if (containsSecret(clean)) return; // nor a path that holds something token-shaped
  if (pages[baseUrl]?.url === clean) return;
  pages[baseUrl] = { url: clean, at: Date.now() };
  const kept = Object.fromEntries(
    Object.entries(pages)
      .sort((a, b) => b[1].at - a[1].at)
      .slice(0, MAX_TOKEN_PAGES),
  );
  await tokenPagesItem.setValue(kept).catch((e: unknown) => recordWriteError('token-pages', writeErrorMessage(e)));
}

export async function tokenPageFor(baseUrl: string): Promise<string | undefined> {
  return (await read())[baseUrl]?.url;
}

/** The workspace whose token page was seen last: where "Create a token safely" goes by default. */
export async function lastTokenPage(): Promise<{ baseUrl: string; url: string } | undefined> {
  const entries = Object.entries(await read()).sort((a, b) => b[1].at - a[1].at);
  const first = entries[0];
  return first && { baseUrl: first[0], url: first[1].url };
}
