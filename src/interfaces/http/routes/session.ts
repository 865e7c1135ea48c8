import type { FastifyInstance, FastifyReply } from "fastify";
import type { User } from "../../../accounts/types.js";
import { SESSION_TTL_MS } from "../../../accounts/accounts.js";
import { authenticate, SESSION_COOKIE, type TeamOptions } from "../authentication.js";
import { HttpError } from "../errors.js";
import { LoginAttempts } from "../login-attempts.js";

interface LoginBody {
  user?: string;
  password?: string;
  key?: string;
}

const LOGIN_BODY = {
  type: "object",
  additionalProperties: false,
  properties: {
    user: { type: "string", minLength: 1, maxLength: 200, description: "user name or email" },
    password: { type: "string", minLength: 1, maxLength: 1000 },
    key: { type: "string", minLength: 1, maxLength: 200, description: "an API key instead of a password" },
  },
} as const;

/** Sets the session cookie: HttpOnly, SameSite=Strict, Secure when the request came over HTTPS. */
export function startSession(reply: FastifyReply, team: TeamOptions, user: User) {
  const session = team.accounts.startSession(user);
  void reply.setCookie(SESSION_COOKIE, session.id, {
    httpOnly: true,
    sameSite: "strict",
    secure: "auto",
    path: "/",
    maxAge: SESSION_TTL_MS / 1000,
  });
  return session;
}

/**
 * POST /api/login (password or API key → session cookie), POST /api/logout, GET /api/session (who is
 * logged in, their projects, the CSRF token writes need). Without accounts only GET /api/session answers.
 */
export function sessionRoutes(app: FastifyInstance, team: TeamOptions | undefined): void {
  const attempts = new LoginAttempts();

  app.get(
    "/api/session",
    {
      config: {
        doc: {
          summary: "Who is logged in",
          description:
            "`accounts` says whether the server needs a login; with a session, the user, their projects with roles, and the `csrfToken` to send as X-CSRF-Token on writes.",
          tags: ["accounts"],
          response: { type: "object" },
        },
      },
    },
    async (request) => {
      if (!team?.accounts.configured()) return { accounts: false, oidc: false };
      const found = authenticate(request, team.accounts);
      const oidc = app.hasRoute({ method: "GET", url: "/api/oidc/login" });
      if (!found || !("user" in found)) return { accounts: true, oidc, ...(found ? { refused: found.refused } : {}) };
      return {
        accounts: true,
        oidc,
        user: { name: found.user.name, ...(found.user.email ? { email: found.user.email } : {}) },
        projects: team.accounts.projectsOf(found.user),
        ...(found.csrfToken ? { csrfToken: found.csrfToken } : {}),
      };
    },
  );

  if (!team) return;

  app.post<{ Body: LoginBody }>(
    "/api/login",
    {
      schema: { body: LOGIN_BODY },
      config: {
        doc: {
          summary: "Log in",
          description:
            "With `user` and `password`, or with an API `key`: sets an HttpOnly, SameSite=Strict session cookie and answers as GET /api/session. Five failures for one user name or address within 15 minutes answer 429 until the window has passed.",
          tags: ["accounts"],
          response: { type: "object" },
          statuses: { "401": "wrong user name or password, or a refused key", "429": "too many failed logins" },
        },
      },
    },
    async (request, reply) => {
      const { user, password, key } = request.body;
      const keys = [`address ${request.ip}`, ...(user ? [`user ${user.toLowerCase()}`] : [])];
      const wait = attempts.retryAfter(keys);
      if (wait > 0) {
        void reply.header("retry-after", String(wait));
        throw new HttpError(429, "too-many-logins", `too many failed logins; try again in ${wait} s`, "body.user");
      }
      const found =
        key !== undefined
          ? team.accounts.authenticateKey(key)
          : user !== undefined && password !== undefined
            ? await team.accounts.checkPassword(user, password)
            : undefined;
      if (!found) throw new HttpError(400, "invalid-request", "send user and password, or key", "body");
      if (!("user" in found)) {
        attempts.failed(keys);
        throw new HttpError(401, "unauthorized", found.refused, key !== undefined ? "body.key" : "body.password");
      }
      attempts.succeeded(keys);
      const session = startSession(reply, team, found.user);
      return {
        accounts: true,
        user: { name: found.user.name, ...(found.user.email ? { email: found.user.email } : {}) },
        projects: team.accounts.projectsOf(found.user),
        csrfToken: session.csrfToken,
      };
    },
  );

  app.post(
    "/api/logout",
    {
      config: {
        doc: {
          summary: "Log out",
          description: "Ends the session and clears its cookie.",
          tags: ["accounts"],
          response: { type: "object" },
        },
      },
    },
    async (request, reply) => {
      const session = request.cookies[SESSION_COOKIE];
      if (session) team.accounts.endSession(session);
      void reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return { accounts: true };
    },
  );
}
