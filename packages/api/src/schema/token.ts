import { z } from "zod";
import { integer, jsonNumber, requiredText, Timestamp } from "./common.ts";

/** The longest lifetime a token can be given at creation: ten years. */
export const MAX_TOKEN_DAYS = 3650;

export const TokenInput = z.object({
  name: requiredText(100),
  expiresInDays: jsonNumber(integer(1, MAX_TOKEN_DAYS))
    .nullable()
    .optional()
    .meta({
      description: `Days until the token stops working (1–${MAX_TOKEN_DAYS}). Absent or null: it never expires`,
    }),
});
export type TokenInput = z.infer<typeof TokenInput>;

const expiresAt = Timestamp.nullable().meta({
  description:
    "When the token stops working; null: never. A session (from signup or login) ends 30 days " +
    "after its last use, so its expiry moves forward as it is used",
});

/** A token in the listing: never its secret. */
export const Token = z
  .object({
    id: z.int(),
    name: z.string(),
    createdAt: Timestamp,
    lastUsedAt: Timestamp.nullable(),
    expiresAt,
  })
  .meta({ id: "Token" });
export type Token = z.infer<typeof Token>;

export const TokenList = z.object({ items: z.array(Token) }).meta({ id: "TokenList" });

/** A token just created, with its secret: the only time the secret is shown. */
export const NewToken = z
  .object({
    id: z.int(),
    name: z.string(),
    createdAt: Timestamp,
    expiresAt,
    token: z.string().meta({ description: "The secret. Store it now: it is not shown again" }),
  })
  .meta({ id: "NewToken" });
export type NewToken = z.infer<typeof NewToken>;
