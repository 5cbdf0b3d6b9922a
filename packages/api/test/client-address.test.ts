import { describe, expect, it } from "vitest";
import {
  parseTrustedProxies,
  resolveClientAddress,
  type TrustedProxies,
} from "../src/http/client-address.ts";

const none = parseTrustedProxies(undefined);
const hops = (count: number) => parseTrustedProxies(String(count));

/** The client address of a request from `socket` carrying `X-Forwarded-For: forwardedFor`. */
function client(trusted: TrustedProxies, socket: string | undefined, forwardedFor?: string) {
  return resolveClientAddress(socket, forwardedFor, trusted);
}

describe("with no proxy trusted (SONGBOOK_TRUST_PROXY unset)", () => {
  it("is the connection's address, whatever X-Forwarded-For claims", () => {
    expect(client(none, "198.51.100.7")).toBe("198.51.100.7");
    expect(client(none, "198.51.100.7", "203.0.113.1")).toBe("198.51.100.7");
    expect(client(parseTrustedProxies(""), "2001:db8::7", "203.0.113.1")).toBe("2001:db8::7");
    expect(client(parseTrustedProxies("0"), "198.51.100.7", "203.0.113.1")).toBe("198.51.100.7");
  });

  it("reads an IPv4 client of a dual-stack socket as plain IPv4", () => {
    expect(client(none, "::ffff:198.51.100.7")).toBe("198.51.100.7");
  });

  it("is undefined for a connection that has no address any more", () => {
    expect(client(none, undefined, "203.0.113.1")).toBeUndefined();
  });
});

describe("with a hop count", () => {
  it("skips that many addresses from the right, the connection's peer being the nearest proxy", () => {
    expect(client(hops(1), "10.0.0.1", "203.0.113.9")).toBe("203.0.113.9");
    expect(client(hops(2), "10.0.0.2", "203.0.113.9, 10.0.0.1")).toBe("203.0.113.9");
    expect(client(hops(1), "10.0.0.1", "203.0.113.9,198.51.100.4")).toBe("198.51.100.4");
  });

  it("ignores what the client put left of the address the proxies saw", () => {
    expect(client(hops(1), "10.0.0.1", "1.1.1.1, 8.8.8.8, 203.0.113.9")).toBe("203.0.113.9");
    expect(client(hops(2), "10.0.0.2", "1.1.1.1, 203.0.113.9, 10.0.0.1")).toBe("203.0.113.9");
  });

  it("is the left-most address present when the chain is shorter than the hops", () => {
    expect(client(hops(3), "10.0.0.2", "203.0.113.9")).toBe("203.0.113.9");
    expect(client(hops(1), "10.0.0.1")).toBe("10.0.0.1");
    expect(client(hops(1), "10.0.0.1", "")).toBe("10.0.0.1");
  });

  it("stops at a malformed entry, keeping the last good address", () => {
    expect(client(hops(1), "10.0.0.1", "203.0.113.9, not-an-address")).toBe("10.0.0.1");
    expect(client(hops(2), "10.0.0.2", "not-an-address, 10.0.0.1")).toBe("10.0.0.1");
    expect(client(hops(1), "10.0.0.1", "203.0.113.9:4711")).toBe("10.0.0.1");
    expect(client(hops(1), "10.0.0.1", "unknown")).toBe("10.0.0.1");
    expect(client(hops(2), "10.0.0.2", "203.0.113.9,,10.0.0.1")).toBe("10.0.0.1");
  });

  it("takes IPv6 entries, with the whitespace around them trimmed", () => {
    expect(client(hops(1), "::1", " 2001:db8::42 ")).toBe("2001:db8::42");
    expect(client(hops(2), "::1", "2001:db8::42, ::ffff:10.0.0.1")).toBe("2001:db8::42");
    expect(client(hops(1), "::1", "::ffff:203.0.113.9")).toBe("203.0.113.9");
  });

  it("reads several X-Forwarded-For headers as one list", () => {
    expect(resolveClientAddress("10.0.0.2", ["1.1.1.1, 203.0.113.9", "10.0.0.1"], hops(2))).toBe(
      "203.0.113.9",
    );
  });
});

describe("with trusted address ranges", () => {
  const ranges = parseTrustedProxies("10.0.0.0/8, 192.168.1.1, fd00::/8, 2001:db8:ffff::1");

  it("walks from the connection's address leftwards past every trusted proxy", () => {
    expect(client(ranges, "10.1.2.3", "203.0.113.9")).toBe("203.0.113.9");
    expect(client(ranges, "10.1.2.3", "203.0.113.9, 192.168.1.1, 10.9.9.9")).toBe("203.0.113.9");
    expect(client(ranges, "fd12::1", "2001:db8::42, 2001:db8:ffff::1")).toBe("2001:db8::42");
  });

  it("ignores X-Forwarded-For from a connection that is not a trusted proxy", () => {
    expect(client(ranges, "198.51.100.7", "203.0.113.9")).toBe("198.51.100.7");
    expect(client(ranges, "192.168.1.2", "203.0.113.9")).toBe("192.168.1.2");
    expect(client(ranges, "2001:db8::7", "203.0.113.9")).toBe("2001:db8::7");
  });

  it("ignores what the client put left of the first untrusted address", () => {
    expect(client(ranges, "10.1.2.3", "10.0.0.5, 203.0.113.9, 10.4.4.4")).toBe("203.0.113.9");
    expect(client(ranges, "10.1.2.3", "1.1.1.1, 203.0.113.9")).toBe("203.0.113.9");
  });

  it("matches IPv4 ranges whichever way the socket reports an IPv4 peer", () => {
    expect(client(ranges, "::ffff:10.1.2.3", "203.0.113.9")).toBe("203.0.113.9");
  });

  it("stops at a malformed entry, keeping the last good address", () => {
    expect(client(ranges, "10.1.2.3", "203.0.113.9, bogus, 10.4.4.4")).toBe("10.4.4.4");
    expect(client(ranges, "10.1.2.3", "[2001:db8::42]")).toBe("10.1.2.3");
  });

  it("is the left-most address when every one is a trusted proxy", () => {
    expect(client(ranges, "10.1.2.3", "10.4.4.4, 10.5.5.5")).toBe("10.4.4.4");
  });
});

describe("SONGBOOK_TRUST_PROXY values", () => {
  it("accepts hop counts, addresses and CIDR ranges of both families", () => {
    expect(parseTrustedProxies("1")).toEqual({ hops: 1 });
    expect(parseTrustedProxies(" 2 ")).toEqual({ hops: 2 });
    const ranges = parseTrustedProxies("127.0.0.1,::1, 172.16.0.0/12 ,fc00::/7, 0.0.0.0/0");
    expect("ranges" in ranges).toBe(true);
  });

  it.each([
    ["yes"],
    ["true"],
    ["-1"],
    ["1.5"],
    ["10.0.0.0/33"],
    ["fd00::/129"],
    ["10.0.0.0/8/8"],
    ["10.0.0.0/"],
    ["10.0.0.0/x"],
    ["10.0.0.256"],
    ["10.0.0.0/8,"],
    ["10.0.0.0/8, proxy.internal"],
    ["2001:db8::/32 10.0.0.0/8"],
  ])("refuses %j, naming the bad entry", (value) => {
    expect(() => parseTrustedProxies(value)).toThrow(
      /^SONGBOOK_TRUST_PROXY must be .*" is neither$/,
    );
  });
});
