import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

export interface SecurityHeaderOptions {
  /** SONGBOOK_HTTPS=1: browsers reach the app over https (HSTS is sent). */
  https: boolean;
  /** `next dev`: its hot reloading evaluates code and talks over a WebSocket. */
  dev: boolean;
}

/** The browser-facing security headers of the app's HTTP server. */
export function createSecurityHeaders({ https, dev }: SecurityHeaderOptions) {
  const everyAnswer: [name: string, value: string][] = [
    ["x-content-type-options", "nosniff"],
    // For browsers that predate CSP's frame-ancestors: no page of ours is ever framed, so the
    // delete and revoke dialogs cannot be clickjacked.
    ["x-frame-options", "DENY"],
    ["referrer-policy", "same-origin"],
  ];
  // Never from a request header (anyone can send X-Forwarded-Proto): only the configuration knows
  // that every client reaches us over https.
  if (https) everyAnswer.push(["strict-transport-security", "max-age=31536000"]);

  return {
    /** Headers every answer carries, pages and API alike: constant, so cheap to set. */
    setForEveryAnswer(res: ServerResponse): void {
      for (const [name, value] of everyAnswer) res.setHeader(name, value);
    },

    /**
     * A page's Content-Security-Policy with a nonce of its own. Next puts the nonce it finds in
     * the request's `content-security-policy` header on every script it renders, so the policy is
     * set on the request (replacing whatever the client sent) as well as on the answer.
     */
    setPagePolicy(req: IncomingMessage, res: ServerResponse): void {
      const policy = pagePolicy(randomBytes(16).toString("base64"), dev);
      req.headers["content-security-policy"] = policy;
      delete req.headers["content-security-policy-report-only"];
      res.setHeader("content-security-policy", policy);
    },
  };
}

/**
 * Scripts: only those Next renders with this answer's nonce, and what they load in turn
 * ('strict-dynamic'). Styles: the app's stylesheets and Next's own nonced style elements (in
 * development also the inline styles of Next's dev tools); style attributes (the loading
 * skeletons' widths) are allowed, as they cannot run code.
 */
function pagePolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' ${dev ? "'unsafe-inline'" : `'nonce-${nonce}'`}`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
