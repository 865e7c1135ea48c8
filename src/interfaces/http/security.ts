import { timingSafeEqual, createHash } from "node:crypto";
import { isIP } from "node:net";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { atLeast, type Role } from "../../accounts/types.js";
import { HttpError } from "./errors.js";

/** Every asset is served by this process: nothing inline, nothing from another host. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const HEADERS: Record<string, string> = {
  "content-security-policy": CONTENT_SECURITY_POLICY,
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "x-frame-options": "DENY",
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-resource-policy": "same-origin",
  "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
};

/** True for 127.0.0.0/8, ::1 and localhost: addresses no other machine can reach. */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, "").toLowerCase();
  if (h === "localhost" || h === "::1" || h === "::ffff:127.0.0.1") return true;
  return isIP(h) === 4 && h.startsWith("127.");
}

/** The host name of a Host header ("127.0.0.1:8080" → "127.0.0.1", "[::1]:80" → "::1"). */
function hostName(header: string): string {
  const bracketed = /^\[([^\]]+)\]/.exec(header);
  if (bracketed) return bracketed[1]!;
  return header.replace(/:\d+$/, "");
}

/** host[:port] of a URL with the scheme's default port left out, or "" when it is no URL. */
function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return "";
  }
}

function sameToken(given: string, expected: string): boolean {
  // Hash both so the comparison takes the same time whatever the lengths.
  const a = createHash("sha256").update(given).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b);
}

/** A bearer token and what it may do; `user` is recorded on the decisions it makes. */
export interface RoleToken {
  token: string;
  role: Role;
  user: string;
}

export interface SecurityOptions {
  host: string;
  /** The admin token (ANNALS_TOKEN). */
  token?: string;
  /** Further tokens with their roles (ANNALS_TOKENS). */
  tokens?: readonly RoleToken[];
}

/** "viewer=abc,editor:maria=def": role[:user]=token pairs, as ANNALS_TOKENS gives them. */
export function parseRoleTokens(spec: string): RoleToken[] {
  return spec
    .split(",")
    .map((pair) => pair.trim())
    .filter((pair) => pair !== "")
    .map((pair) => {
      const match = /^(viewer|editor|admin)(?::([^=]+))?=(.+)$/.exec(pair);
      if (!match)
        throw new Error(
          `ANNALS_TOKENS: "${pair.split("=")[0]}" is not role[:user]=token with role viewer, editor or admin`,
        );
      const role = match[1] as Role;
      return { role, user: match[2] ?? role, token: match[3]! };
    });
}

/** Whether the server was given ANNALS_TOKEN or ANNALS_TOKENS. */
export function hasTokens(options: SecurityOptions): boolean {
  return knownTokens(options).length > 0;
}

function knownTokens(options: SecurityOptions): RoleToken[] {
  return [
    ...(options.token ? [{ token: options.token, role: "admin" as const, user: "admin" }] : []),
    ...(options.tokens ?? []),
  ];
}

/**
 * Who sends the request: the holder of its bearer token; anyone, as admin, when the server has no
 * token (loopback only). undefined when a token is needed and missing or wrong.
 */
export function requester(request: FastifyRequest, options: SecurityOptions): RoleToken | undefined {
  const tokens = knownTokens(options);
  if (tokens.length === 0) return { token: "", role: "admin", user: "" };
  const match = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? "");
  if (!match) return undefined;
  const given = match[1]!.trim();
  let found: RoleToken | undefined;
  for (const t of tokens) if (sameToken(given, t.token)) found ??= t;
  return found;
}

/**
 * Security headers on every response; on a loopback address, requests whose Host header names
 * another host are refused (DNS rebinding); write requests from another origin are refused (CSRF),
 * and need `Authorization: Bearer <token>` when a token is set.
 */
export function registerSecurity(app: FastifyInstance, options: SecurityOptions): void {
  const loopbackOnly = isLoopback(options.host);
  app.addHook("onRequest", async (request) => {
    if (loopbackOnly && !isLoopback(hostName(request.headers.host ?? ""))) {
      throw new HttpError(421, "wrong-host", "this server answers only to a loopback host name", "headers.host");
    }
  });
  app.addHook("onSend", async (_request, reply, payload) => {
    for (const [name, value] of Object.entries(HEADERS)) reply.header(name, value);
    return payload;
  });
}

/**
 * preHandler for write routes: same origin; a principal of at least `role` when the server has tokens or
 * accounts; and, for a request authenticated by a session cookie, its CSRF token in X-CSRF-Token.
 */
export function writeGuard(role: Role = "editor") {
  return async (request: FastifyRequest): Promise<void> => {
    const origin = request.headers.origin;
    if (origin !== undefined) {
      if (hostOf(origin) !== hostOf(`http://${request.headers.host ?? ""}`)) {
        throw new HttpError(403, "cross-origin", "write requests from another origin are refused", "headers.origin");
      }
    }
    const who = request.principal;
    if (!who) {
      throw new HttpError(
        401,
        "unauthorized",
        "this server needs Authorization: Bearer <ANNALS_TOKEN> for writes",
        "headers.authorization",
      );
    }
    if (who.csrfToken !== undefined) {
      const given = request.headers["x-csrf-token"];
      if (typeof given !== "string" || !sameToken(given, who.csrfToken)) {
        throw new HttpError(
          403,
          "csrf",
          "a write with a session cookie needs the session's X-CSRF-Token header (GET /api/session gives it)",
          "headers.x-csrf-token",
        );
      }
    }
    if (!atLeast(who.role, role)) {
      throw new HttpError(
        403,
        "forbidden",
        `this needs the ${role} role; ${who.user || "the token"} is a ${who.role} in ${who.project}`,
        "headers.authorization",
      );
    }
  };
}
