import { BlockList, isIP } from "node:net";

/**
 * Who may tell us the client's address through X-Forwarded-For: the number of proxies in front
 * of the app (0: none, the connection's peer is the client), or the address ranges of the proxies.
 */
export type TrustedProxies = { hops: number } | { ranges: BlockList };

const NO_TRUSTED_PROXY: TrustedProxies = { hops: 0 };

/**
 * SONGBOOK_TRUST_PROXY: unset or empty for none, a hop count (`1`), or a comma-separated list of
 * addresses and CIDR ranges, IPv4 or IPv6 (`10.0.0.0/8, fd00::/8`). Throws an Error that says what
 * is wrong with any other value.
 */
export function parseTrustedProxies(value: string | undefined): TrustedProxies {
  const setting = value?.trim() ?? "";
  if (setting === "") return NO_TRUSTED_PROXY;
  if (/^\d+$/.test(setting)) return { hops: Number(setting) };
  const ranges = new BlockList();
  for (const entry of setting.split(",").map((item) => item.trim())) {
    if (!addRange(ranges, entry)) {
      throw new Error(
        `SONGBOOK_TRUST_PROXY must be a number of proxies (e.g. 1) or a comma-separated list of ` +
          `proxy addresses or CIDR ranges (e.g. 10.0.0.0/8, fd00::/8); "${entry}" is neither`,
      );
    }
  }
  return { ranges };
}

/** Adds `entry` (an address, or address/prefix) to `ranges`; false when it is not one. */
function addRange(ranges: BlockList, entry: string): boolean {
  const [address = "", prefix, ...rest] = entry.split("/");
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  const family = version === 4 ? "ipv4" : "ipv6";
  if (prefix === undefined) {
    ranges.addAddress(address, family);
    return true;
  }
  const bits = Number(prefix);
  if (!/^\d+$/.test(prefix) || bits > (version === 4 ? 32 : 128)) return false;
  ranges.addSubnet(address, bits, family);
  return true;
}

/**
 * The client's address: the right-most address of the chain (X-Forwarded-For entries, then the
 * connection's peer) that is not a trusted proxy. Entries left of it are whatever the client
 * chose to send and are never looked at. A malformed entry ends the walk at the address right of
 * it, and a chain of nothing but trusted proxies ends at its left-most address. Undefined only
 * when the connection has no address (it is already closed).
 */
export function resolveClientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | readonly string[] | undefined,
  trusted: TrustedProxies,
): string | undefined {
  let client = socketAddress === undefined ? undefined : plainAddress(socketAddress);
  if (client === undefined || !isTrustedHop(trusted, client, 0) || !forwardedFor) return client;
  // Several X-Forwarded-For headers are one list, in order (node:http joins them already).
  const entries = (typeof forwardedFor === "string" ? forwardedFor : forwardedFor.join(",")).split(
    ",",
  );
  for (let hop = 1; hop <= entries.length; hop++) {
    const address = plainAddress(entries[entries.length - hop] ?? "");
    if (address === undefined) return client;
    client = address;
    if (!isTrustedHop(trusted, client, hop)) return client;
  }
  return client;
}

/**
 * Whether the connection's peer is a trusted proxy, whose headers about the request (the client's
 * address, a request id) are believed.
 */
export function isTrustedPeer(socketAddress: string | undefined, trusted: TrustedProxies): boolean {
  const peer = socketAddress === undefined ? undefined : plainAddress(socketAddress);
  return peer !== undefined && isTrustedHop(trusted, peer, 0);
}

/** Whether the address `hop` steps left of the connection's peer (0: the peer) is a proxy's. */
function isTrustedHop(trusted: TrustedProxies, address: string, hop: number): boolean {
  if ("hops" in trusted) return hop < trusted.hops;
  return trusted.ranges.check(address, isIP(address) === 4 ? "ipv4" : "ipv6");
}

/**
 * The address itself, or undefined if `text` is not one. An IPv4 address that a dual-stack socket
 * reports as IPv4-mapped IPv6 (`::ffff:203.0.113.9`) becomes plain IPv4, so that one client has
 * one address whichever way it reached us.
 */
function plainAddress(text: string): string | undefined {
  const address = text.trim();
  const version = isIP(address);
  if (version === 0) return undefined;
  const mapped = version === 6 ? /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address) : null;
  return mapped?.[1] ?? address;
}
