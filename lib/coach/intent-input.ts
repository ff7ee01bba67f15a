import { parseIntentText, type ParsedIntent } from '@/lib/scopes';
import { INTENT_MAX_BYTES, intentSizeBytes, intentTooLongMessage } from '@/lib/coach/intent';

/** Quiet time after the last keystroke before the pasted intent is read again. */
export const INTENT_PARSE_DELAY_MS = 150;

export interface IntentInputResult {
  text: string;
  /** Undefined for an empty or too-long text. */
  parsed?: ParsedIntent;
  /** Set when the text is over INTENT_MAX_BYTES: shown to the user, nothing parsed. */
  tooLong?: { bytes: number; message: string };
}

export interface IntentInputOptions {
  onResult(result: IntentInputResult): void;
  parse?: (text: string) => ParsedIntent;
  delayMs?: number;
}

export interface IntentInput {
  /** A keystroke: read the text once typing pauses. */
  type(text: string): void;
  /** A paste: read it now (the user expects the calls to appear at once). */
  paste(text: string): void;
  dispose(): void;
}

/**
 * The coach's intent box: at most ONE parse per distinct text, debounced while typing, at once on paste, and
 * refused above the size cap. The result is memoised on the text, so whoever needs the parse (the list of
 * recognised calls, the scope analysis through the session's `pasted` refs) reuses it instead of parsing again.
 */
export function createIntentInput(opts: IntentInputOptions): IntentInput {
  const parse = opts.parse ?? parseIntentText;
  const delay = opts.delayMs ?? INTENT_PARSE_DELAY_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last: IntentInputResult | undefined;
  let disposed = false;

  const cancel = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  const run = (text: string) => {
    cancel();
    if (disposed || last?.text === text) return; // same text: the memoised result stands
    const bytes = text.length > INTENT_MAX_BYTES / 3 ? intentSizeBytes(text) : text.length; // ≤ 3 bytes a UTF-16 unit: surely under
    if (bytes > INTENT_MAX_BYTES) last = { text, tooLong: { bytes, message: intentTooLongMessage(bytes) } };
    else last = text.trim() ? { text, parsed: parse(text) } : { text };
    opts.onResult(last);
  };
  return {
    type(text) {
      cancel();
      if (disposed) return;
      timer = setTimeout(() => run(text), delay);
    },
    paste: run,
    dispose() {
      disposed = true;
      cancel();
    },
  };
}
