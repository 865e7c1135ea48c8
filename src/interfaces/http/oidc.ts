import type { FastifyInstance, FastifyRequest } from "fastify";
import * as client from "openid-client";
import { InputError } from "../../core/errors.js";
import type { User } from "../../accounts/types.js";
import type { TeamOptions } from "./authentication.js";
import { HttpError } from "./errors.js";
import { startSession } from "./routes/session.js";
import { isLoopback } from "./security.js";

/** An OpenID Connect provider users may log in with (authorization code flow with PKCE). */
export interface OidcOptions {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The callback URL registered with the provider; default this server's /api/oidc/callback as the browser reached it. */
  redirectUri?: string;
}

interface Pending {
  verifier: string;
  nonce: string;
  redirectUri: string;
  expires: number;
}

type Claims = client.IDToken & Partial<client.UserInfoResponse>;

const PENDING_MS = 10 * 60_000;

function callbackUrl(request: FastifyRequest, options: OidcOptions): string {
  return options.redirectUri ?? `${request.protocol}://${request.host}/api/oidc/callback`;
}

/**
 * The user an ID token names: the one linked to its issuer and `sub`, else the one with its verified
 * email (linked from then on). Nobody gets an account by logging in: an admin adds it first.
 */
function userOf(team: TeamOptions, issuer: string, claims: Claims): User {
  const subject = `${issuer} ${claims.sub}`;
  const linked = team.accounts.store.userByOidcSubject(subject);
  if (linked) return linked;
  const email = typeof claims["email"] === "string" ? claims["email"] : undefined;
  if (!email || claims["email_verified"] === false) {
    throw new HttpError(403, "no-account", "the identity provider gave no verified email to find your account by");
  }
  const user = team.accounts.store.findUser(email);
  if (!user || user.email?.toLowerCase() !== email.toLowerCase()) {
    throw new HttpError(
      403,
      "no-account",
      `no account for ${email}; an admin adds it with annals users add NAME --email ${email}`,
    );
  }
  team.accounts.store.updateUser(user.id, { oidcSubject: subject });
  return user;
}

/**
 * GET /api/oidc/login redirects to the provider; GET /api/oidc/callback takes the code back, checks state,
 * PKCE and nonce, starts a session and redirects to the web UI. Plain HTTP is allowed to a loopback provider only.
 */
export async function oidcRoutes(app: FastifyInstance, team: TeamOptions, options: OidcOptions): Promise<void> {
  const issuer = new URL(options.issuer);
  const insecure = issuer.protocol === "http:" && isLoopback(issuer.hostname);
  let config: client.Configuration;
  try {
    config = await client.discovery(
      issuer,
      options.clientId,
      options.clientSecret,
      undefined,
      insecure ? { execute: [client.allowInsecureRequests] } : undefined,
    );
  } catch (error) {
    throw new InputError(
      `cannot read the OpenID Connect configuration of ${options.issuer}: ${(error as Error).message}`,
      "oidc-unavailable",
    );
  }
  const pending = new Map<string, Pending>();

  app.get(
    "/api/oidc/login",
    {
      config: {
        doc: {
          summary: "Log in with the identity provider",
          description: "Redirects to the OpenID Connect provider.",
          tags: ["accounts"],
          response: { type: "object" },
        },
      },
    },
    async (request, reply) => {
      const now = Date.now();
      for (const [state, p] of pending) if (p.expires < now) pending.delete(state);
      const state = client.randomState();
      const entry = {
        verifier: client.randomPKCECodeVerifier(),
        nonce: client.randomNonce(),
        redirectUri: callbackUrl(request, options),
        expires: now + PENDING_MS,
      };
      pending.set(state, entry);
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: entry.redirectUri,
        scope: "openid email profile",
        code_challenge: await client.calculatePKCECodeChallenge(entry.verifier),
        code_challenge_method: "S256",
        state,
        nonce: entry.nonce,
      });
      return reply.redirect(url.href, 302);
    },
  );

  app.get<{ Querystring: Record<string, string> }>(
    "/api/oidc/callback",
    {
      config: {
        doc: {
          summary: "Where the identity provider sends the user back",
          description: "Starts a session and redirects to the web UI.",
          tags: ["accounts"],
          response: { type: "object" },
        },
      },
    },
    async (request, reply) => {
      const state = request.query["state"] ?? "";
      const entry = pending.get(state);
      pending.delete(state);
      if (!entry || entry.expires < Date.now()) {
        throw new HttpError(
          400,
          "invalid-request",
          "this login is unknown or too old; start again at /api/oidc/login",
          "querystring.state",
        );
      }
      const current = new URL(request.url, entry.redirectUri);
      let claims: Claims | undefined;
      try {
        const tokens = await client.authorizationCodeGrant(config, current, {
          pkceCodeVerifier: entry.verifier,
          expectedState: state,
          expectedNonce: entry.nonce,
        });
        const id = tokens.claims();
        // Providers put email in the ID token or only in the userinfo answer.
        if (id) claims = { ...(await client.fetchUserInfo(config, tokens.access_token, id.sub)), ...id };
      } catch (error) {
        throw new HttpError(
          401,
          "unauthorized",
          `the identity provider refused the login: ${(error as Error).message}`,
        );
      }
      if (!claims) throw new HttpError(401, "unauthorized", "the identity provider sent no ID token");
      const user = userOf(team, config.serverMetadata().issuer, claims);
      if (user.disabled) throw new HttpError(401, "unauthorized", `the account of ${user.name} is disabled`);
      startSession(reply, team, user);
      return reply.redirect("/", 302);
    },
  );
}
