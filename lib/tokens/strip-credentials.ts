import { findSecretSpans, REDACTED, redactSpans } from './secret-shape';

/**
 * Pasted intents (curl commands, HAR files, code, Postman collections) often carry credentials: an
 * `Authorization` header with an older token or another tenant's, cookies, API keys. They are taken out
 * before the text is even parsed, so no later step (the parser, a message, a log) can ever hold them:
 * the value of every credential-named header, JSON key, query or form parameter, and every token-shaped
 * run (lib/tokens/secret-shape, the classifier the capture and the redactor share). Method and path, all
 * the parser needs, are never credentials.
 */
const NAMED_RE =
  /((?:["']?)(?:authorization|proxy-authorization|cookie|set-cookie|x-api-key|api[-_]?key|x-auth-token|access[-_]?token|refresh[-_]?token|client[-_]?secret|password|passwd|secret|token)(?:["']?)\s*(?:=>|[:=])\s*(?:\{\s*["']?value["']?\s*:\s*)?)(["']?)([^\n"'&,;}]*)/gi;

export function stripCredentials(text: string): { text: string; stripped: number } {
  let stripped = 0;
  const out = text.replace(NAMED_RE, (whole, head: string, quote: string, value: string) => {
    const v = value.trim();
    // Placeholders are not credentials: $WATI_TOKEN, {{token}}, <token>, process.env.X, empty.
    if (!v || /^(?:bearer\s+)?(?:\$\{?\w+\}?|\{\{[^}]*\}\}|<[^>]*>|process\.env\.\w+|os\.environ\S*|env\(\S*|\[redacted\])$/i.test(v)) return whole;
    stripped++;
    return `${head}${quote}${REDACTED}`;
  });
  const spans = findSecretSpans(out);
  return { text: redactSpans(out, spans), stripped: stripped + spans.length };
}
