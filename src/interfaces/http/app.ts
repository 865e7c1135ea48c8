import fastifyCookie from "@fastify/cookie";
import Fastify, { type FastifyInstance, type FastifyServerOptions } from "fastify";
import type { RouteContext } from "./context.js";
import { registerEtags } from "./etag.js";
import { errorHandler, HttpError } from "./errors.js";
import type { KnowledgeBase } from "./knowledge-base.js";
import { documentRoutes } from "./routes/documents.js";
import { entityRoutes } from "./routes/entities.js";
import { eventRoutes } from "./routes/events.js";
import { exportRoutes } from "./routes/export.js";
import { graphRoutes } from "./routes/graph.js";
import { openApiRoutes } from "./routes/openapi.js";
import { searchRoutes } from "./routes/search.js";
import { isLoopback, registerSecurity, type RoleToken } from "./security.js";
import { decisionRoutes } from "./routes/decisions.js";
import { sessionRoutes } from "./routes/session.js";
import { oidcRoutes, type OidcOptions } from "./oidc.js";
import { registerAuthentication, type TeamOptions } from "./authentication.js";
import { DEFAULT_WEB_ROOT, registerWeb, wantsPage } from "./static.js";

export const DEFAULT_HOST = "127.0.0.1";
export const DEFAULT_MAX_UPLOAD_BYTES = 50 * 2 ** 20;

export interface AppOptions {
  /** The address the server will listen on; decides the Host-header check and whether a token is needed. */
  host: string;
  /** Write requests need `Authorization: Bearer <token>` when set; required on a non-loopback host. */
  token?: string;
  /** Tokens with a role: a viewer's may not write, an editor's may make decisions and upload. */
  tokens?: readonly RoleToken[];
  /** Staging folder for uploads (inside the knowledge base's directory); no uploads without it. */
  uploadDir?: string;
  /** Built web UI (default web/dist of this package). */
  webRoot?: string;
  maxUploadBytes?: number;
  /** Worker threads for ingesting uploads; 0 runs inline (tests). Default 1. */
  ingestWorkers?: number;
  logger?: FastifyServerOptions["logger"];
  /** Users, projects and roles; once a user exists every API request needs a key or a session. */
  team?: TeamOptions;
  /** Login with an OpenID Connect provider (needs `team`). */
  oidc?: OidcOptions;
}

/** Thrown for options the server must not start with. */
export class UnsafeOptionsError extends Error {}

/**
 * The HTTP API and the web UI over one knowledge base, not yet listening: tests call `inject`,
 * `annals serve` calls `listen`.
 */
export async function buildApp(annals: KnowledgeBase, options: AppOptions): Promise<FastifyInstance> {
  if (!isLoopback(options.host) && !options.token && !options.tokens?.length && !options.team?.accounts.configured()) {
    throw new UnsafeOptionsError(
      `refusing to listen on ${options.host} without a token or accounts: add a user (annals users add), set ANNALS_TOKEN, or listen on 127.0.0.1`,
    );
  }
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 1024 * 1024,
    requestTimeout: 120_000,
    return503OnClosing: true,
    routerOptions: { maxParamLength: 2000 },
    ajv: { customOptions: { allErrors: true, removeAdditional: false, coerceTypes: "array", useDefaults: true } },
  });
  const context: RouteContext = {
    annals,
    host: options.host,
    ...(options.token ? { token: options.token } : {}),
    ...(options.tokens ? { tokens: options.tokens } : {}),
    ...(options.uploadDir ? { uploadDir: options.uploadDir } : {}),
    maxUploadBytes: options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES,
    ingestWorkers: options.ingestWorkers ?? 1,
  };

  app.setErrorHandler(errorHandler);
  registerSecurity(app, context);
  await app.register(fastifyCookie);
  registerAuthentication(app, context, options.team);
  sessionRoutes(app, options.team);
  if (options.oidc) {
    if (!options.team) throw new UnsafeOptionsError("OpenID Connect login needs accounts");
    await oidcRoutes(app, options.team, options.oidc);
  }
  registerEtags(app);
  openApiRoutes(app);
  searchRoutes(app);
  documentRoutes(app, context);
  entityRoutes(app);
  eventRoutes(app);
  graphRoutes(app);
  exportRoutes(app);
  decisionRoutes(app);
  const sendPage = await registerWeb(
    app,
    options.webRoot ?? DEFAULT_WEB_ROOT,
    () => options.team?.accounts.configured() ?? false,
  );
  app.setNotFoundHandler(async (request, reply) => {
    const path = request.url.split("?")[0] ?? request.url;
    // A browser asking for a page gets the UI's own "Not found" view, with the status a crawler or a link checker reads.
    if (sendPage && wantsPage(request.method, path, request.headers.accept)) return sendPage(reply.code(404));
    throw new HttpError(404, "not-found", `nothing at ${request.method} ${path}`);
  });
  await app.ready();
  return app;
}
