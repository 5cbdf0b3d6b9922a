import type { Db, Prisma } from "@songbook/db";
import type { User } from "../schema/user.ts";
import { apiObjectOf } from "./columns.ts";

// Users (`users`): every statement through Prisma's query API. None is on a hot path, and
// Prisma names the model in its errors, which the error formatter needs: a taken email (the
// unique index users_email_key, on a citext column) becomes the 409 "An account with this email
// already exists", a missing user a 404.

type Client = Prisma.TransactionClient;

/** The one list of the columns a User object is read from. */
const userSelect = {
  id: true,
  email: true,
  name: true,
  createdAt: true,
} satisfies Prisma.UserSelect;

type UserRow = Prisma.UserGetPayload<{ select: typeof userSelect }>;

const toUser: (row: UserRow) => User = apiObjectOf(userSelect);

export async function findUser(db: Db, id: number): Promise<User> {
  return toUser(await db.user.findUniqueOrThrow({ where: { id }, select: userSelect }));
}

/** The account with this email (compared case-insensitively), with its password hash. */
export async function findUserByEmail(
  db: Db,
  email: string,
): Promise<{ user: User; passwordHash: string } | null> {
  const row = await db.user.findUnique({
    where: { email },
    select: { ...userSelect, passwordHash: true },
  });
  if (!row) return null;
  const { passwordHash, ...user } = row;
  return { user: toUser(user), passwordHash };
}

/** The email and password hash of the user, to check a password against. */
export function findCredentials(
  db: Db,
  id: number,
): Promise<{ email: string; passwordHash: string }> {
  return db.user.findUniqueOrThrow({ where: { id }, select: { email: true, passwordHash: true } });
}

/** Makes the account; a taken email fails as a unique violation. */
export async function insertUser(
  db: Client,
  data: { email: string; name: string | null; passwordHash: string },
): Promise<User> {
  return toUser(await db.user.create({ data, select: userSelect }));
}

/** Sets the user's password hash. A Prisma promise, so that it can run in a batch transaction. */
export function updatePasswordHash(db: Client, id: number, passwordHash: string) {
  return db.user.update({ where: { id }, data: { passwordHash }, select: { id: true } });
}
