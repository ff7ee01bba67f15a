import { browser } from 'wxt/browser';
import { z } from 'zod';
import { OffscreenRequestSchema } from '@/lib/messaging/protocol';
import { readTextHere, writeEmptyHere } from '@/lib/platform/clipboard';
import { fingerprintToken } from '@/lib/tokens/fingerprint';

z.config({ jitless: true });

/** Chrome only: the MV3 worker has no DOM, so the clipboard is cleared (or fingerprinted) here. */
browser.runtime.onMessage.addListener((raw: unknown) => {
  const parsed = OffscreenRequestSchema.safeParse(raw);
  if (!parsed.success) return undefined; // a message for the background, not for us
  if (parsed.data.type === 'clipboard:clear') return writeEmptyHere().then((ok) => ({ ok }));
  return readTextHere().then(async (text) => ({ fingerprint: text === undefined ? undefined : await fingerprintToken(text) }));
});
