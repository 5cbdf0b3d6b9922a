import { generateOpenApiDocument, type OpenAPIObject } from "trpc-to-openapi";
import { EXPORT_PATHS, type ExportProcedure, exportMediaTypes } from "../export/routes.ts";
import { REST_BASE_PATH } from "../http/rest.ts";
import { appRouter } from "../root.ts";
import { ErrorBody } from "../schema/common.ts";
import { REQUEST_EXAMPLES } from "./examples.ts";
import { describeImportOperation, IMPORT_OPERATION_ID } from "./import-operation.ts";
import { successStatus } from "./status.ts";
import { TAGS } from "./tags.ts";

export const API_VERSION = "1.0.0";

const DESCRIPTION = `The Songbook REST API: your songs and playlists.

Authenticate with an API token from signup, login or \`POST /users/self/tokens\`:
\`Authorization: Bearer <token>\` (a bare \`Authorization: <token>\` works too).
Anything that does not exist or belongs to someone else is a 404.

Every error has a JSON body \`{message, code, issues?}\`; a validation failure (400) lists each
offending field in \`issues\`. While the database is down or too slow, any route answers 503
(\`SERVICE_UNAVAILABLE\`) with \`Retry-After\`. Request bodies are JSON of at most 1 MiB. Strings
are trimmed, and control characters (other than tab, line feed and carriage return) are rejected
in every field.`;

type Operation = NonNullable<NonNullable<OpenAPIObject["paths"]>[string]["get"]>;
type Responses = NonNullable<Operation["responses"]>;

const METHODS = ["get", "post", "put", "patch", "delete"] as const;
const BODY_METHODS: ReadonlySet<string> = new Set(["post", "put", "patch"]);

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: "Invalid input; `issues` lists every offending field.",
  401: "Missing, malformed, unknown, expired or revoked token.",
  404: "Not found, or not yours.",
  409: "An account with this email already exists.",
  413: "The body is larger than 1 MiB.",
  415: "The body is not `application/json`.",
  429: "Too many requests (the route's description says which). Wait the seconds in `Retry-After`.",
  500: "Something went wrong on the server; the body does not say what.",
  503: "The database is unavailable or too slow. Try again after the seconds in `Retry-After`.",
};

/** The errors that answer with `Retry-After`. */
const RETRY_STATUSES: ReadonlySet<number> = new Set([429, 503]);

/**
 * The OpenAPI 3.1 document of every REST route. Its server is the relative URL `/api/v1`, which
 * clients resolve against wherever they fetched the document from: right behind any host name or
 * proxy, with nothing to guess from request headers. Generating the document walks every schema:
 * build it once and cache it.
 */
export function buildOpenApiDocument(): OpenAPIObject {
  const document = generateOpenApiDocument(appRouter, {
    title: "Songbook API",
    version: API_VERSION,
    description: DESCRIPTION,
    baseUrl: REST_BASE_PATH,
    securitySchemes: {
      bearerAuth: {
        type: "http",
        scheme: "bearer",
        description: "An API token (`sb_…`). A bare token without `Bearer ` is accepted too.",
      },
    },
    defs: { Error: ErrorBody },
  });
  document.tags = Object.entries(TAGS).map(([name, description]) => ({ name, description }));
  for (const item of Object.values(document.paths ?? {})) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      operation.responses = responses(operation, method);
      documentDownload(operation);
      addRequestExample(operation);
      requirePathParameters(operation);
      if (operation.operationId === IMPORT_OPERATION_ID) describeImportOperation(operation);
    }
  }
  dropGeneratedErrorSchemas(document);
  return document;
}

/**
 * The generator documents every success as 200 and errors with its own body schema. This puts in
 * the status REST really answers (SUCCESS_STATUS, which `serveRest` follows), the contract's
 * error body, and the errors every route of its kind can give.
 */
function responses(operation: Operation, method: (typeof METHODS)[number]): Responses {
  const { 200: success, ...generated } = operation.responses ?? {};
  // trpc-to-openapi names each operation after its procedure, dots turned into dashes.
  const status = successStatus(operation.operationId?.replaceAll("-", ".") ?? "");
  const errors = new Set(Object.keys(generated).map(Number));
  if (BODY_METHODS.has(method)) {
    errors.add(413);
    errors.add(415);
  }
  // Every route reads or writes the database.
  errors.add(500);
  errors.add(503);

  const result: Responses = {
    [status]: status === 204 ? { description: "Done. No body." } : success,
  };
  for (const code of [...errors].sort((a, b) => a - b)) result[code] = errorResponse(code);
  return result;
}

/**
 * The export routes answer a file, not their procedure's JSON (that is the tRPC answer): the
 * 200 response lists the file's content types (export/routes.ts).
 */
function documentDownload(operation: Operation): void {
  const procedure = operation.operationId?.replaceAll("-", ".") ?? "";
  if (!(procedure in EXPORT_PATHS) || !operation.responses) return;
  const file = { schema: { type: "string" as const } };
  operation.responses[200] = {
    description: "The file, as an attachment, streamed.",
    headers: {
      "Content-Disposition": {
        description: 'attachment; filename="songbook-….<ext>"',
        schema: { type: "string" },
      },
    },
    content: Object.fromEntries(
      exportMediaTypes(procedure as ExportProcedure).map((type) => [type, file]),
    ),
  };
}

function addRequestExample(operation: Operation): void {
  const procedure = operation.operationId?.replaceAll("-", ".") ?? "";
  const example = (REQUEST_EXAMPLES as Record<string, object | undefined>)[procedure];
  const body = operation.requestBody;
  const json = body && "content" in body ? body.content["application/json"] : undefined;
  if (example && json) json.example = example;
}

/**
 * OpenAPI requires `required: true` on every path parameter. zod-openapi infers it from the schema,
 * and an id parameter (a preprocess: it also accepts the id as a string) looks optional to it.
 */
function requirePathParameters(operation: Operation): void {
  for (const parameter of operation.parameters ?? []) {
    if ("in" in parameter && parameter.in === "path") parameter.required = true;
  }
}

/** The generator's own error schemas (`error.NOT_FOUND`, …), no longer referenced. */
function dropGeneratedErrorSchemas(document: OpenAPIObject): void {
  const schemas = document.components?.schemas ?? {};
  for (const name of Object.keys(schemas)) {
    if (name.startsWith("error.")) delete schemas[name];
  }
}

function errorResponse(status: number): Responses[string] {
  return {
    description: ERROR_DESCRIPTIONS[status] ?? "Error",
    ...(RETRY_STATUSES.has(status) && {
      headers: {
        "Retry-After": {
          description: "Seconds to wait before trying again.",
          schema: { type: "integer" },
        },
      },
    }),
    content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
  };
}
