import type { IncomingMessage, ServerResponse } from "node:http";
import { TRPCError } from "@trpc/server";
import { createOpenApiNodeHttpHandler } from "trpc-to-openapi";
import { createContext } from "../context.ts";
import { restResponseMeta } from "../openapi/status.ts";
import { appRouter } from "../root.ts";
import type { EndpointOptions } from "./endpoint.ts";

/** The options of each request in flight, by the request object the handler is given. */
const optionsOf = new WeakMap<object, EndpointOptions>();

// trpc-to-openapi's handler, built once. Its fetch adapter builds a new one for every request,
// and with it the table of every route (measured: about 4% of a REST request's CPU). The handler
// is written for node:http but takes a fetch Request in the shape its fetch adapter gives it,
// which is what `callOpenApi` does here.
const handler = createOpenApiNodeHttpHandler({
  router: appRouter,
  createContext: ({ req }) => {
    const { db, clientAddress } = optionsOf.get(req) as EndpointOptions;
    return createContext({ db, headers: (req as unknown as Request).headers, clientAddress });
  },
  responseMeta: restResponseMeta,
  onError: ({ error, path, req }) => optionsOf.get(req)?.onError?.({ error, path }),
});

/**
 * Calls trpc-to-openapi for a request whose body was read already (`body`: its text, undefined for
 * a request without one); `url` is the request's URL without the REST base path.
 */
export function callOpenApi(
  req: Request,
  url: string,
  body: string | undefined,
  options: EndpointOptions,
): Promise<Response> {
  const parsed = body === undefined ? undefined : parseJson(body);
  const request = new Proxy(req, {
    get(target, property) {
      if (property === "url") return url;
      // What the adapter reads as the parsed body; it refuses non-JSON content types first.
      if (property === "body") {
        if (parsed && "error" in parsed) throw parsed.error;
        return parsed?.value;
      }
      return Reflect.get(target, property, target);
    },
  });
  optionsOf.set(request, options);
  return new Promise((resolve) => {
    const headers = new Headers();
    let status = 200;
    const response = {
      setHeader(name: string, value: string | string[]) {
        for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
      },
      get statusCode() {
        return status;
      },
      set statusCode(code: number) {
        status = code;
      },
      end(chunk?: string) {
        resolve(new Response(chunk, { status, headers }));
      },
    };
    void handler(request as unknown as IncomingMessage, response as unknown as ServerResponse);
  });
}

function parseJson(text: string): { value: unknown } | { error: TRPCError } {
  try {
    return { value: JSON.parse(text) };
  } catch (cause) {
    return {
      error: new TRPCError({
        code: "PARSE_ERROR",
        message: "Failed to parse request body",
        cause: cause as Error,
      }),
    };
  }
}
