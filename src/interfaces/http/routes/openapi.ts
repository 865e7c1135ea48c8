import type { FastifyInstance, RouteOptions } from "fastify";
import { COMPONENT_SCHEMAS } from "../openapi-components.js";
import type { RouteDoc } from "../schemas.js";

interface CollectedRoute {
  method: string;
  url: string;
  schema: { querystring?: unknown; params?: unknown };
  doc: RouteDoc;
}

interface ObjectSchema {
  properties?: Record<string, Record<string, unknown>>;
  required?: readonly string[];
}

function parameters(schema: unknown, where: "query" | "path"): object[] {
  const s = (schema ?? {}) as ObjectSchema;
  return Object.entries(s.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property;
    const isArray = rest["type"] === "array";
    return {
      name,
      in: where,
      required: where === "path" || (s.required ?? []).includes(name),
      ...(description ? { description: String(description) } : {}),
      schema: rest,
      ...(isArray ? { style: "form", explode: true } : {}),
    };
  });
}

const errorResponse = (description: string) => ({
  description,
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
});

function operation(route: CollectedRoute): object {
  const doc = route.doc;
  const schema = typeof doc.response === "string" ? { $ref: `#/components/schemas/${doc.response}` } : doc.response;
  const pageHeaders = doc.paginated
    ? {
        headers: {
          Link: { description: "first, prev, next and last pages", schema: { type: "string" } },
          "X-Total-Count": { description: "number of items, when known", schema: { type: "integer" } },
        },
      }
    : {};
  const responses: Record<string, object> = {
    "200": {
      description: "OK",
      ...(route.method === "GET" ? { headers: { ETag: { schema: { type: "string" } } } } : {}),
      ...pageHeaders,
      content: { [doc.mediaType ?? "application/json"]: { schema } },
    },
    "400": errorResponse("invalid parameters (every problem is listed in error.issues)"),
  };
  if (route.method === "GET") responses["304"] = { description: "not modified (If-None-Match)" };
  for (const [status, description] of Object.entries(doc.statuses ?? {})) {
    responses[status] =
      status === "422" && route.url === "/api/documents" && route.method === "POST"
        ? { description, content: { "application/json": { schema: { $ref: "#/components/schemas/IngestReport" } } } }
        : errorResponse(description);
  }
  responses["500"] = errorResponse("internal error");
  return {
    operationId: `${route.method.toLowerCase()}${route.url.replace(/[/:{}]+(\w)/g, (_, c: string) => c.toUpperCase())}`,
    summary: doc.summary,
    ...(doc.description ? { description: doc.description } : {}),
    tags: doc.tags,
    parameters: [...parameters(route.schema.params, "path"), ...parameters(route.schema.querystring, "query")],
    ...(doc.requestBody ? { requestBody: doc.requestBody } : {}),
    ...(doc.secured ? { security: [{}, { bearer: [] }] } : {}),
    responses,
  };
}

/**
 * GET /api/openapi.json: an OpenAPI 3.1 document made from the routes themselves (their schemas and
 * `config.doc`), so it covers every route. Register before the other routes.
 */
export function openApiRoutes(app: FastifyInstance): void {
  const routes: CollectedRoute[] = [];
  app.addHook("onRoute", (options: RouteOptions) => {
    const doc = options.config?.doc;
    const methods = Array.isArray(options.method) ? options.method : [options.method];
    for (const method of methods) {
      if (!doc || method === "HEAD") continue;
      routes.push({ method, url: options.url, schema: (options.schema ?? {}) as CollectedRoute["schema"], doc });
    }
  });
  let document: object | undefined;
  app.get(
    "/api/openapi.json",
    {
      config: {
        doc: { summary: "This document", tags: ["meta"], response: { type: "object" } },
      },
    },
    async () => {
      document ??= build(routes);
      return document;
    },
  );
}

function build(routes: readonly CollectedRoute[]): object {
  const paths: Record<string, Record<string, object>> = {};
  for (const route of routes) {
    const path = route.url.replace(/:(\w+)/g, "{$1}");
    (paths[path] ??= {})[route.method.toLowerCase()] = operation(route);
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "annals",
      version: "1",
      description:
        'The HTTP API of annals: the CLI\'s JSON shapes over HTTP. Read endpoints answer with a strong ETag and 304 on If-None-Match; lists take ?limit=&offset= and answer with Link (and X-Total-Count when known). Errors are {error: {code, message, path, issues?}}. On a server with accounts, X-Annals-Project names the project (default "default").',
    },
    servers: [{ url: "/" }],
    paths,
    components: {
      schemas: COMPONENT_SCHEMAS,
      securitySchemes: {
        bearer: {
          type: "http",
          scheme: "bearer",
          description:
            "an API key (annals keys create) or ANNALS_TOKEN; with accounts every route but the public ones needs one or a session",
        },
      },
    },
  };
}
