import { createHash } from "node:crypto";
import type { FastifyInstance, FastifyRequest } from "fastify";

/** A strong ETag: a hash of the exact bytes of the body. */
export function etagOf(payload: string | Buffer): string {
  return `"${createHash("sha1").update(payload).digest("base64url")}"`;
}

function matches(request: FastifyRequest, etag: string): boolean {
  const header = request.headers["if-none-match"];
  if (!header) return false;
  return header.split(",").some((candidate) => {
    const tag = candidate.trim();
    return tag === "*" || tag === etag || tag === `W/${etag}`;
  });
}

/**
 * Read endpoints under /api answer with a strong ETag and `Cache-Control: no-cache` (revalidate
 * every time), and with 304 and no body when If-None-Match already names that ETag.
 */
export function registerEtags(app: FastifyInstance): void {
  app.addHook("onSend", async (request, reply, payload) => {
    if (request.method !== "GET" && request.method !== "HEAD") return payload;
    if (!request.url.startsWith("/api/") || reply.statusCode !== 200) return payload;
    if (typeof payload !== "string" && !Buffer.isBuffer(payload)) return payload;
    const etag = etagOf(payload);
    reply.header("etag", etag);
    reply.header("cache-control", "no-cache");
    if (matches(request, etag)) {
      reply.code(304);
      reply.removeHeader("content-type");
      reply.removeHeader("content-length");
      return "";
    }
    return payload;
  });
}
