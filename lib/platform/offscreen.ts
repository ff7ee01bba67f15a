import { OffscreenRequestSchema } from '@/lib/messaging/protocol';
import { isOwnBackground, type SenderInfo } from '@/lib/messaging/sender';
import { fingerprintToken } from '@/lib/tokens/fingerprint';
import { readTextHere, writeEmptyHere } from './clipboard';

/**
 * The Chrome offscreen document's only listener (entrypoints/offscreen). Every runtime message reaches
 * every extension page, so it answers only our own background (isOwnBackground), and only the two
 * offscreen requests: write the empty string, or fingerprint what the clipboard holds (never the text).
 */
export function handleOffscreenMessage(
  raw: unknown,
  sender: { id?: string; url?: string; tab?: unknown },
  ours: SenderInfo,
  here: { clear(): Promise<boolean>; read(): Promise<string | undefined> } = { clear: writeEmptyHere, read: readTextHere },
): Promise<unknown> | undefined {
  const parsed = OffscreenRequestSchema.safeParse(raw);
  if (!parsed.success) return undefined; // a message for the background, not for us
  if (!isOwnBackground(sender, ours)) return undefined;
  if (parsed.data.type === 'clipboard:clear') return here.clear().then((ok) => ({ ok }));
  return here.read().then(async (text) => ({ fingerprint: text === undefined ? undefined : await fingerprintToken(text) }));
}
