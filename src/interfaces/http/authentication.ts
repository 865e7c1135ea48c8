import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Accounts, Authentication } from "../../accounts/accounts.js";
import { DEFAULT_PROJECT, type Project, type Role } from "../../accounts/types.js";
import type { RouteContext } from "./context.js";
import { HttpError } from "./errors.js";
import type { KnowledgeBase } from "./knowledge-base.js";
import { hasTokens, requester } from "./security.js";

export const SESSION_COOKIE = "annals_session";
export const PROJECT_HEADER = "x-annals-project";
export const CSRF_HEADER = "x-csrf-token";

/** Who sends a request, in which project, with which role; `csrfToken` when it came with a session cookie. */
export interface Principal {
  user: string;
  role: Role;
  project: string;
  csrfToken?: string;
}

/** The server's accounts and how it opens a project's knowledge base. */
export interface TeamOptions {
  accounts: Accounts;
  open(project: Project): KnowledgeBase;
}

declare module "fastify" {
  interface FastifyRequest {
    /** The knowledge base of the request's project. */
    annals: KnowledgeBase;
    /** Undefined on a server without accounts when the request carries no token. */
    principal: Principal | undefined;
  }
}

/** Routes anyone may call: the API description, and logging in and out. */
const PUBLIC = ["/api/openapi.json", "/api/login", "/api/logout", "/api/session", "/api/oidc/"];

function isPublic(path: string): boolean {
  return !path.startsWith("/api/") || PUBLIC.some((p) => (p.endsWith("/") ? path.startsWith(p) : path === p));
}

function unauthorized(message: string): HttpError {
  return new HttpError(401, "unauthorized", message, "headers.authorization");
}

/** The account a request's API key or session cookie names (an ANNALS_TOKEN(S) token is not an account). */
export function authenticate(request: FastifyRequest, accounts: Accounts): Authentication | undefined {
  const bearer = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? "");
  if (bearer) return accounts.authenticateKey(bearer[1]!.trim());
  const session = request.cookies[SESSION_COOKIE];
  return session ? accounts.authenticateSession(session) : undefined;
}

function projectOf(request: FastifyRequest): string {
  const header = request.headers[PROJECT_HEADER];
  return (Array.isArray(header) ? header[0] : header) || DEFAULT_PROJECT;
}

/** The principal of a request to a team server: an env token's holder, else the account of its key or session. */
function teamPrincipal(request: FastifyRequest, context: RouteContext, accounts: Accounts, project: string) {
  const token = hasTokens(context) ? requester(request, context) : undefined;
  if (token) return { user: token.user, role: token.role, project };
  const found = authenticate(request, accounts);
  if (!found)
    throw unauthorized("log in (POST /api/login) or send Authorization: Bearer <API key> (annals keys create)");
  if ("refused" in found) throw unauthorized(found.refused);
  if (found.key?.project !== undefined && found.key.project !== project) {
    throw new HttpError(403, "forbidden", `this API key is for project ${found.key.project}`, "headers.authorization");
  }
  const role = accounts.roleOf(found.user, project);
  if (!role) {
    throw new HttpError(
      404,
      "not-found",
      `no project ${JSON.stringify(project)} of yours`,
      `headers.${PROJECT_HEADER}`,
    );
  }
  return { user: found.user.name, role, project, ...(found.csrfToken ? { csrfToken: found.csrfToken } : {}) };
}

/**
 * Sets `request.annals` and `request.principal` on every API request but the public ones. With accounts,
 * each needs an API key or a session, and the user must be a member of the project the X-Annals-Project
 * header names (default "default"); a non-member is told the project does not exist. Without accounts the
 * server is what it was: one knowledge base, env tokens for writes.
 */
export function registerAuthentication(app: FastifyInstance, context: RouteContext, team?: TeamOptions): void {
  app.decorateRequest("annals", null as unknown as KnowledgeBase);
  app.decorateRequest("principal", undefined);
  const opened = new Map<string, KnowledgeBase>([[DEFAULT_PROJECT, context.annals]]);
  const knowledgeBase = (project: Project) => {
    let kb = opened.get(project.name);
    if (!kb) opened.set(project.name, (kb = team!.open(project)));
    return kb;
  };

  app.addHook("onRequest", async (request) => {
    request.annals = context.annals;
    if (isPublic(request.url.split("?")[0] ?? request.url)) return;
    const project = projectOf(request);
    if (!team?.accounts.configured()) {
      if (project !== DEFAULT_PROJECT) throw new HttpError(404, "not-found", `no project ${JSON.stringify(project)}`);
      const token = requester(request, context);
      if (token) request.principal = { user: token.user, role: token.role, project };
      return;
    }
    request.principal = teamPrincipal(request, context, team.accounts, project);
    const stored = team.accounts.store.findProject(project);
    if (!stored) {
      throw new HttpError(404, "not-found", `no project ${JSON.stringify(project)}`, `headers.${PROJECT_HEADER}`);
    }
    request.annals = knowledgeBase(stored);
  });
}
