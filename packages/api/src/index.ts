// @songbook/api: the procedures of Songbook, served as tRPC (/api/trpc) and as REST (/api/v1)
// by apps/web, and the schemas and types their clients and forms share.
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "./root.ts";

export { sessionCookie } from "./auth/session-cookie.ts";
export { type Context, type CreateContextOptions, createContext } from "./context.ts";
export type { ApiErrorShape, ErrorData } from "./errors/format.ts";
export { DATABASE_RETRY_AFTER_SECONDS } from "./errors/service-unavailable.ts";
export { sendJson, setApiHeaders } from "./http/api-headers.ts";
export {
  parseTrustedProxies,
  resolveClientAddress,
  type TrustedProxies,
} from "./http/client-address.ts";
export { answerClientError } from "./http/client-error.ts";
export { clientAddress, type EndpointOptions } from "./http/endpoint.ts";
export { createApiListener } from "./http/node.ts";
export { REST_BASE_PATH } from "./http/rest.ts";
export { TRPC_BASE_PATH } from "./http/trpc.ts";
export { type AccessLogOptions, observeRequests } from "./observability/access-log.ts";
export { logger } from "./observability/logger.ts";
export { createMetricsEndpoint, METRICS_PATH } from "./observability/metrics-endpoint.ts";
export { apiRouteName, type RouteName } from "./observability/route-template.ts";
export { API_VERSION, buildOpenApiDocument } from "./openapi/document.ts";
export { SUCCESS_STATUS } from "./openapi/status.ts";
export { type AppRouter, appRouter, type ProcedurePath } from "./root.ts";
export * from "./schema/index.ts";

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
