import { describe, expect, it } from "vitest";
import { KnownTotals } from "./known-totals.ts";

describe("known totals", () => {
  it("make a lookup wait for a count of the same listing under way, then answer its total", async () => {
    const totals = new KnownTotals();
    let finish = () => {};
    const count = new Promise<void>((resolve) => {
      finish = resolve;
    });
    totals.countedBy("ada:q=love", count);
    let answered = false;
    const lookUp = totals.lookUp("ada:q=love").then((known) => {
      answered = true;
      return known;
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(answered).toBe(false);
    totals.remember("ada:q=love", { version: "7", total: 42 });
    finish();
    expect(await lookUp).toEqual({ version: "7", total: 42 });
  });

  it("do not wait on other listings, nor on a count that failed", async () => {
    const totals = new KnownTotals();
    totals.countedBy("ada:q=love", new Promise(() => {}));
    expect(await totals.lookUp("ada:q=rain")).toBeUndefined();
    totals.countedBy("bob:q=rain", Promise.reject(new Error("connection lost")));
    expect(await totals.lookUp("bob:q=rain")).toBeUndefined();
  });
});
