// `Authorization: Bearer <token>`, or a bare `Authorization: <token>` as the original Flask API
// accepted. Anything else (another scheme, extra words) presents no token.
const AUTHORIZATION = /^(?:Bearer\s+)?(\S+)$/i;

/** The API token a request presents, unchecked; null when it presents none. */
export function bearerToken(headers: Pick<Headers, "get">): string | null {
  const value = headers.get("authorization")?.trim() ?? "";
  return AUTHORIZATION.exec(value)?.[1] ?? null;
}
