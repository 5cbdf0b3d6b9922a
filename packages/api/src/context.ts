import type { Db } from "@songbook/db";
import { bearerToken } from "./auth/credential.ts";
import { sessionCookie } from "./auth/session-cookie.ts";
import type { RequestHeaders } from "./http/node-request.ts";

export interface CreateContextOptions {
  db: Db;
  headers: RequestHeaders;
  /** The client's network address as the web layer determined it; keys the login limit. */
  clientAddress?: string;
}

/** What every procedure gets. Nothing is looked up yet: only protected procedures need the user. */
export interface Context {
  db: Db;
  /** The API token the request presents, not yet checked. */
  credential: string | null;
  /**
   * The credential came from the session cookie of a request another site made: a browser sends
   * cookies along with cross-site requests, so such a request must not change anything (CSRF).
   */
  crossSiteCookie: boolean;
  clientAddress: string | null;
}

/** The context of one request, for the tRPC and the REST endpoint alike (and tests). */
export async function createContext({
  db,
  headers,
  clientAddress,
}: CreateContextOptions): Promise<Context> {
  const header = bearerToken(headers);
  const cookie = header ? null : sessionCookieToken(headers);
  return {
    db,
    credential: header ?? cookie,
    crossSiteCookie: cookie !== null && isCrossSite(headers),
    clientAddress: clientAddress ?? null,
  };
}

/** The session cookie's token; null when there is none, or its value is not a valid escape. */
function sessionCookieToken(headers: RequestHeaders): string | null {
  for (const pair of headers.get("cookie")?.split(";") ?? []) {
    const separator = pair.indexOf("=");
    if (separator > 0 && pair.slice(0, separator).trim() === sessionCookie.name) {
      return decodeCookieValue(pair.slice(separator + 1).trim());
    }
  }
  return null;
}

/**
 * A cookie value as the browser got it from Set-Cookie (percent-encoded). A malformed escape
 * (`songbook_session=%`) is not ours: ignored like a missing cookie, never a 500.
 */
function decodeCookieValue(value: string): string | null {
  try {
    return decodeURIComponent(value) || null;
  } catch {
    return null;
  }
}

/**
 * Made by a page of another origin: `Sec-Fetch-Site: cross-site`, or an `Origin` other than the
 * host the request was sent to (`X-Forwarded-Host` behind a proxy; a page cannot set that header
 * on a cross-origin request without a preflight, which this server never grants).
 */
function isCrossSite(headers: RequestHeaders): boolean {
  if (headers.get("sec-fetch-site") === "cross-site") return true;
  const origin = headers.get("origin");
  if (origin === null) return false;
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
  return !URL.canParse(origin) || new URL(origin).host !== host;
}
