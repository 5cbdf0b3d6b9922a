import type {
  TRPC_ERROR_CODE_KEY,
  TRPC_ERROR_CODE_NUMBER,
  TRPCDefaultErrorShape,
  TRPCError,
} from "@trpc/server";
import { TRPC_ERROR_CODES_BY_KEY } from "@trpc/server/rpc";
import { z } from "zod";
import type { Issue } from "../schema/common.ts";
import { retryAfterSeconds } from "./retry-later.ts";

/** What a failed call tells the client, over tRPC in `error.data`, over REST as the body. */
export interface ErrorData {
  code: TRPC_ERROR_CODE_KEY;
  httpStatus: number;
  /** The procedure, e.g. `song.create`. */
  path?: string;
  /** Every offending field of a request that failed validation. */
  issues?: Issue[];
  /**
   * Seconds to wait before retrying (TOO_MANY_REQUESTS, SERVICE_UNAVAILABLE); both endpoints
   * send it as `Retry-After` too.
   */
  retryAfter?: number;
}

/**
 * The error shape of every procedure. tRPC clients need the JSON-RPC number in `code` (they do not
 * recognise an error without it) and the HTTP status in `data.httpStatus` (the tRPC endpoint
 * answers 200 without it); the contract's string code travels in `data.code`.
 */
export interface ApiErrorShape {
  message: string;
  code: TRPC_ERROR_CODE_NUMBER;
  data: ErrorData;
}

/** tRPC's `errorFormatter`: the contract's code, message and issues, with internals masked. */
export function formatError({
  error,
  shape,
}: {
  error: TRPCError;
  shape: TRPCDefaultErrorShape;
}): ApiErrorShape {
  const { code, message, issues } = contractError(error);
  return {
    message,
    code: TRPC_ERROR_CODES_BY_KEY[code],
    data: {
      code,
      httpStatus: shape.data.httpStatus,
      path: shape.data.path,
      issues,
      retryAfter: retryAfterSeconds(error),
    },
  };
}

/** The body of a REST error, exactly the contract's `{message, code, issues?}`. */
export interface RestErrorBody {
  message: string;
  code: TRPC_ERROR_CODE_KEY;
  issues?: Issue[];
}

/** The REST error body of an error: the same code, message and issues as over tRPC. */
export function restErrorBody(error: TRPCError): RestErrorBody {
  const { code, message, issues } = contractError(error);
  return issues ? { message, code, issues } : { message, code };
}

function contractError(error: TRPCError): {
  code: TRPC_ERROR_CODE_KEY;
  message: string;
  issues?: Issue[];
} {
  // Anything unplanned (a thrown Error, a failed query, an invalid output): its message can hold
  // SQL, data or file paths, so the client learns nothing but that it happened.
  if (error.code === "INTERNAL_SERVER_ERROR") {
    return { code: error.code, message: "Internal server error" };
  }
  if (error.code === "PARSE_ERROR") {
    return { code: "BAD_REQUEST", message: "The request body is not valid JSON" };
  }
  if (error.cause instanceof z.ZodError) {
    return {
      code: "BAD_REQUEST",
      message: "Input validation failed",
      issues: issuesOf(error.cause),
    };
  }
  return { code: error.code, message: error.message };
}

/** One issue per problem: a value can fail two checks with the same message (1e30 > 100). */
function issuesOf(error: z.ZodError): Issue[] {
  const seen = new Set<string>();
  const issues: Issue[] = [];
  for (const { path, message } of error.issues) {
    const issue = { path: path.map(String), message };
    const key = JSON.stringify(issue);
    if (!seen.has(key)) issues.push(issue);
    seen.add(key);
  }
  return issues;
}
