import { describe, expect, it } from "vitest";
import { clientNetwork } from "../src/limits/client-network.ts";

describe("the network a limit counts a client by", () => {
  it.each([
    ["an IPv4 address", "192.0.2.1", "192.0.2.1"],
    ["an IPv4-mapped IPv6 address, as its IPv4 address", "::ffff:192.0.2.1", "192.0.2.1"],
    ["the same in hex", "::FFFF:C000:0201", "192.0.2.1"],
    ["an IPv6 address, by its /64", "2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64"],
    ["another host of that /64, however written", "2001:DB8:0001:0002::ffff", "2001:db8:1:2::/64"],
    ["a /64 with zero groups", "2001:db8::1", "2001:db8::/64"],
    ["a /64 ending in zero groups", "1:0:0:5::1", "1:0:0:5::/64"],
    ["IPv6 loopback", "::1", "::/64"],
  ])("keys %s", (_, address, network) => {
    expect(clientNetwork(address)).toBe(network);
  });

  it.each([
    ["no address", null],
    ["a host name", "localhost"],
    ["an IPv4 address with leading zeros", "192.0.2.01"],
    ["two addresses", "192.0.2.1, 192.0.2.2"],
  ])("has none for %s", (_, address) => {
    expect(clientNetwork(address)).toBeNull();
  });
});
