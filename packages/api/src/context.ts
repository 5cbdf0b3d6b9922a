import type { Db } from "@songbook/db";
import { bearerToken } from "./auth/credential.ts";

export interface CreateContextOptions {
  db: Db;
  headers: Headers;
  /** The client's network address as the web layer determined it; keys the login limit. */
  clientAddress?: string;
}

/** What every procedure gets. Nothing is looked up yet: only protected procedures need the user. */
export interface Context {
  db: Db;
  /** The API token the request presents, not yet checked. */
  credential: string | null;
  clientAddress: string | null;
}

/** The context of one request, for the tRPC and the REST endpoint alike (and tests). */
export async function createContext({
  db,
  headers,
  clientAddress,
}: CreateContextOptions): Promise<Context> {
  return {
    db,
    // The web UI's session cookie is to be read here as well, as another source of a credential,
    // when there is no Authorization header.
    credential: bearerToken(headers),
    clientAddress: clientAddress ?? null,
  };
}
