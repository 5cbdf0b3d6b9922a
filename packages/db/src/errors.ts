/** A database problem the user can act on; its message is shown as is, without a stack trace. */
export class DatabaseError extends Error {
  override name = "DatabaseError";
}
