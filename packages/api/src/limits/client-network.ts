import { BlockList, isIPv4, isIPv6, SocketAddress } from "node:net";

/**
 * What the limits count a request by when the web layer could not tell its address: such
 * requests share one network, so they stay limited.
 */
export const UNKNOWN_NETWORK = "unknown";

const ipv4Mapped = new BlockList();
ipv4Mapped.addSubnet("::ffff:0:0", 96, "ipv6");

/**
 * The network a limit counts a client by: an IPv4 address as it is, an IPv6 address by its /64
 * (e.g. `2001:db8:1:2::/64`) — one subscriber gets a whole /64 and can rotate through it at will —
 * and an IPv4-mapped IPv6 address (`::ffff:192.0.2.1`, what a dual-stack socket reports) as the
 * IPv4 address it is. Null for anything that is not an IP address.
 */
export function clientNetwork(address: string | null): string | null {
  if (address === null) return null;
  if (isIPv4(address)) return address;
  if (!isIPv6(address)) return null;
  // node:net's canonical text (RFC 5952): lower case, no leading zeros, the longest run of zero
  // groups as `::`, and an IPv4-mapped address in dotted form.
  const canonical = new SocketAddress({ address, family: "ipv6" }).address;
  if (ipv4Mapped.check(canonical, "ipv6")) return canonical.slice(canonical.lastIndexOf(":") + 1);
  const prefix = groupsOf(canonical).slice(0, 4).join(":");
  return `${new SocketAddress({ address: `${prefix}::`, family: "ipv6" }).address}/64`;
}

/** The eight groups of a canonical IPv6 address, with its `::` spelled out as zero groups. */
function groupsOf(canonical: string): string[] {
  const [head = "", tail] = canonical.split("::");
  const split = (part: string) => (part ? part.split(":") : []);
  if (tail === undefined) return split(head);
  const zeros = 8 - split(head).length - split(tail).length;
  return [...split(head), ...Array<string>(zeros).fill("0"), ...split(tail)];
}
