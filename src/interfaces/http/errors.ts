import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { InputError, UsageError } from "../../core/errors.js";

/** The body of every error response: `{ error: { code, message, path, issues? } }`. */
export interface ErrorBody {
  error: {
    code: string;
    message: string;
    /** Where the problem is: the request path, or the parameter ("querystring.limit"). */
    path: string;
    /** Every problem found, when the request had several. */
    issues?: { path: string; message: string }[];
  };
}

/** An error a route throws on purpose; the central handler turns it into an ErrorBody. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly path?: string,
  ) {
    super(message);
    this.name = "HttpError";
  }
}

export function notFound(what: string, id: string): HttpError {
  return new HttpError(404, "not-found", `no ${what} ${JSON.stringify(id)}`);
}

interface AjvIssue {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

/** One line per schema violation, with the parameter it concerns. */
function validationIssues(error: FastifyError): { path: string; message: string }[] {
  const context = error.validationContext ?? "request";
  return ((error.validation ?? []) as AjvIssue[]).map((issue) => {
    const name = issue.instancePath.replace(/^\//, "").replace(/\//g, ".");
    if (issue.keyword === "required") {
      const missing = String(issue.params["missingProperty"] ?? name);
      return { path: `${context}.${missing}`, message: `${missing} is required` };
    }
    if (issue.keyword === "additionalProperties") {
      const extra = String(issue.params["additionalProperty"] ?? "");
      return { path: `${context}.${extra}`, message: `unknown parameter "${extra}"` };
    }
    const path = name ? `${context}.${name}` : context;
    const message =
      issue.keyword === "enum"
        ? `must be one of ${(issue.params["allowedValues"] as unknown[]).join(", ")}`
        : (issue.message ?? "is invalid");
    return { path, message: `${name || context} ${message}` };
  });
}

function body(code: string, message: string, path: string, issues?: ErrorBody["error"]["issues"]): ErrorBody {
  return { error: { code, message, path, ...(issues ? { issues } : {}) } };
}

const CLIENT_ERROR_CODES: Record<number, string> = {
  403: "forbidden",
  404: "not-found",
  405: "method-not-allowed",
  413: "payload-too-large",
  415: "unsupported-media-type",
};

/** The one error handler: every error leaves as an ErrorBody with a fitting status. */
export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const path = request.url.split("?")[0] ?? request.url;
  if (error.validation) {
    const issues = validationIssues(error);
    const message = issues.map((i) => i.message).join("; ");
    return reply.code(400).send(body("invalid-request", message, issues[0]?.path ?? path, issues));
  }
  if (error instanceof HttpError) {
    return reply.code(error.statusCode).send(body(error.code, error.message, error.path ?? path));
  }
  if (error instanceof UsageError) return reply.code(400).send(body("invalid-request", error.message, path));
  if (error instanceof InputError) return reply.code(422).send(body(error.code, error.message, path));
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    const code = CLIENT_ERROR_CODES[status] ?? "bad-request";
    return reply.code(status).send(body(code, error.message, path));
  }
  request.log.error({ err: error }, "request failed");
  return reply.code(500).send(body("internal-error", "internal error; see the server log", path));
}
