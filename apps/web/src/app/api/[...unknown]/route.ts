import { jsonError } from "~/server/http/json";

/** Anything under /api that no route answers: a JSON 404, never an HTML page. */
function notFound(req: Request) {
  const { pathname } = new URL(req.url);
  return jsonError(404, "NOT_FOUND", `No route ${req.method} ${pathname}.`);
}

export {
  notFound as DELETE,
  notFound as GET,
  notFound as HEAD,
  notFound as OPTIONS,
  notFound as PATCH,
  notFound as POST,
  notFound as PUT,
};
