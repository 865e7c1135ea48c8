import { timingSafeEqual, createHash } from "node:crypto";
import { isIP } from "node:net";
import type { FastifyInstance, FastifyRequest } from "fastify";
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

export interface SecurityOptions {
  host: string;
  token?: string;
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

/** preHandler for write routes. */
export function writeGuard(options: SecurityOptions) {
  return async (request: FastifyRequest): Promise<void> => {
    const origin = request.headers.origin;
    if (origin !== undefined) {
      if (hostOf(origin) !== hostOf(`http://${request.headers.host ?? ""}`)) {
        throw new HttpError(403, "cross-origin", "write requests from another origin are refused", "headers.origin");
      }
    }
    if (options.token === undefined) return;
    const auth = request.headers.authorization ?? "";
    const match = /^Bearer\s+(.+)$/i.exec(auth);
    if (!match || !sameToken(match[1]!.trim(), options.token)) {
      throw new HttpError(
        401,
        "unauthorized",
        "this server needs Authorization: Bearer <ANNALS_TOKEN> for writes",
        "headers.authorization",
      );
    }
  };
}
