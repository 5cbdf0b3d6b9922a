import { apiEnv } from "../env.ts";

/**
 * The cookie that carries the web UI's session: an API token, httpOnly. Its name and Secure flag
 * follow the configuration alone (`SONGBOOK_HTTPS=1`: the app is reached over https, usually
 * through a TLS-terminating proxy), never request headers, which a client or a misconfigured
 * proxy could set either way. Over https it takes the `__Host-` prefix: browsers then accept it
 * only if Secure, for path `/` and without a Domain, so no subdomain or plain-http page can
 * plant or overwrite it.
 */
export const sessionCookie = sessionCookieFor(apiEnv.https);

export function sessionCookieFor(https: boolean) {
  return https
    ? { name: "__Host-songbook_session", secure: true }
    : { name: "songbook_session", secure: false };
}
