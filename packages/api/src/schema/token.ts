import { z } from "zod";
import { requiredText, Timestamp } from "./common.ts";

export const TokenInput = z.object({ name: requiredText(100) });
export type TokenInput = z.infer<typeof TokenInput>;

/** A token in the listing: never its secret. */
export const Token = z
  .object({ id: z.int(), name: z.string(), createdAt: Timestamp, lastUsedAt: Timestamp.nullable() })
  .meta({ id: "Token" });
export type Token = z.infer<typeof Token>;

export const TokenList = z.object({ items: z.array(Token) }).meta({ id: "TokenList" });

/** A token just created, with its secret: the only time the secret is shown. */
export const NewToken = z
  .object({
    id: z.int(),
    name: z.string(),
    createdAt: Timestamp,
    token: z.string().meta({ description: "The secret. Store it now: it is not shown again" }),
  })
  .meta({ id: "NewToken" });
export type NewToken = z.infer<typeof NewToken>;
