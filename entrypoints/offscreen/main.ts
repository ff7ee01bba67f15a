import { browser } from 'wxt/browser';
import { z } from 'zod';
import { handleOffscreenMessage } from '@/lib/platform/offscreen';

z.config({ jitless: true });

/**
 * Chrome only: the MV3 worker has no DOM, so the clipboard is cleared (or fingerprinted) here. The
 * background creates this document for one request and closes it right after (lib/platform/clipboard).
 */
const ours = { extensionId: browser.runtime.id, extensionOrigin: new URL(browser.runtime.getURL('/')).origin };
browser.runtime.onMessage.addListener((raw: unknown, sender) => handleOffscreenMessage(raw, sender, ours));
