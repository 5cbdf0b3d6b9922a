import type { Db } from "@songbook/db";
import { appRouter, createContext } from "../../src/index.ts";

export interface CallerOptions {
  /** The whole Authorization header; `token` builds a Bearer one. */
  authorization?: string;
  token?: string;
  clientAddress?: string;
}

/** The procedures as one request with these headers calls them. */
export async function callerFor(
  db: Db,
  { authorization, token, clientAddress }: CallerOptions = {},
) {
  const headers = new Headers();
  const header = authorization ?? (token ? `Bearer ${token}` : undefined);
  if (header) headers.set("authorization", header);
  return appRouter.createCaller(await createContext({ db, headers, clientAddress }));
}

export type Caller = Awaited<ReturnType<typeof callerFor>>;

/** Signs up a user and returns them with their token and a caller that uses it. */
export async function signedUpUser(db: Db, email = "ada@example.com") {
  const anonymous = await callerFor(db);
  const { user, token } = await anonymous.auth.signup({ email, password: "correct horse" });
  return { user, token, caller: await callerFor(db, { token }) };
}
