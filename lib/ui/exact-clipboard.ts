import { useCallback, useEffect, useRef, useState } from 'react';
import { hasClipboardReadPermission, removeClipboardRead, requestClipboardRead } from '@/lib/platform/permissions';
import type { Settings } from '@/lib/storage/settings';

export type ExactCheckStatus = 'idle' | 'requesting' | 'granted' | 'denied' | 'removed' | 'missing' | 'error';

export const EXACT_CHECK_MESSAGES: Record<Exclude<ExactCheckStatus, 'idle'>, string> = {
  requesting: 'Asking the browser for permission to read the clipboard…',
  granted: 'Permission granted. Before clearing, the extension checks that the clipboard still holds the token it copied (it compares fingerprints and keeps nothing).',
  denied: 'Permission not granted, so the exact check stays off. The clipboard is still cleared after the countdown, unless you copied something else in a Wati tab.',
  removed: 'Exact check off; the permission to read the clipboard was given back.',
  missing: 'The permission to read the clipboard was removed in the browser, so the exact check cannot run. Turn it off and on again to restore it.',
  error: 'The browser did not complete the permission change. Click the checkbox again.',
};

/**
 * The exact clipboard check toggle. Turning it on asks for the optional `clipboardRead` permission
 * IN the click (the request starts before any await) and saves `exactClipboardCheck: true` only if
 * granted; turning it off saves false and gives the permission back.
 */
export function useExactClipboardCheck(settings: Settings | undefined, save: (next: Settings) => Promise<void>) {
  const [status, setStatus] = useState<ExactCheckStatus>('idle');
  const latest = useRef({ settings, save });
  latest.current = { settings, save };

  const enabled = settings?.exactClipboardCheck === true;
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    void hasClipboardReadPermission().then((held) => {
      if (live && !held) setStatus((s) => (s === 'idle' ? 'missing' : s));
    });
    return () => {
      live = false;
    };
  }, [enabled]);

  const toggle = useCallback((on: boolean) => {
    const persist = (value: boolean) => {
      const s = latest.current.settings;
      if (s && s.exactClipboardCheck !== value) return latest.current.save({ ...s, exactClipboardCheck: value });
      return Promise.resolve();
    };
    if (on) {
      let request: Promise<boolean>;
      try {
        request = requestClipboardRead(); // first thing in the click handler: keeps the user gesture
      } catch {
        setStatus('error');
        return;
      }
      setStatus('requesting');
      request
        .then(async (granted) => {
          await persist(granted);
          setStatus(granted ? 'granted' : 'denied');
        })
        .catch(() => setStatus('error'));
    } else {
      void persist(false)
        .then(() => removeClipboardRead())
        .then(
          () => setStatus('removed'),
          () => setStatus('error'),
        );
    }
  }, []);

  return { status, message: status === 'idle' ? undefined : EXACT_CHECK_MESSAGES[status], toggle };
}
