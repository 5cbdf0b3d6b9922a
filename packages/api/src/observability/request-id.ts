import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { isTrustedPeer, type TrustedProxies } from "../http/client-address.ts";

/** What a request id from a proxy may look like: ids of the usual kinds, nothing to inject. */
const WELL_FORMED = /^[\w.:+/=-]{1,128}$/;

/**
 * The request's id: the `X-Request-Id` a trusted proxy (SONGBOOK_TRUST_PROXY) sent, so that its
 * log and ours name the request alike, when it is well-formed; else a new one. A client's own is
 * ignored: it could make its requests look like someone else's in the log.
 */
export function requestIdOf(req: IncomingMessage, trustedProxies: TrustedProxies): string {
  const given = req.headers["x-request-id"];
  return typeof given === "string" &&
    WELL_FORMED.test(given) &&
    isTrustedPeer(req.socket.remoteAddress, trustedProxies)
    ? given
    : randomUUID();
}
