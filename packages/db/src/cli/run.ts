import { DatabaseError } from "../errors.ts";

/** Runs a command-line entry point: known problems print one line, anything else its stack. */
export function runCli(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error instanceof DatabaseError ? `error: ${error.message}` : error);
      process.exit(1);
    },
  );
}
