import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { RecordKind } from "../../annals.js";

/** web/dist of this package, both from src/ (tests) and from dist/ (the built CLI). */
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL("../../../web/dist", import.meta.url));

/** The web UI's own URLs: each answers with index.html, and the UI routes on the client. */
export const VIEW_ROUTES = [
  "/",
  "/search",
  "/documents",
  "/documents/:id",
  "/entities",
  "/entities/:id",
  "/events",
  "/events/:id",
  "/timeline",
  "/graph",
  "/compare",
  "/decisions",
] as const;

/** The view URLs that name one record: on a server without accounts, a record the base lacks gets the page with a 404. */
const RECORD_ROUTES: Partial<Record<(typeof VIEW_ROUTES)[number], RecordKind>> = {
  "/documents/:id": "document",
  "/entities/:id": "entity",
  "/events/:id": "event",
};

/** What index.html carries on a server without accounts: the UI then knows its session without asking for it. */
export const NO_ACCOUNTS_MARK = '<meta name="annals-accounts" content="none" />';

/** Sends the UI's index.html as a reply, with or without the status code set before. */
export type PageSender = (reply: FastifyReply) => Promise<FastifyReply>;

/**
 * Static assets from `root` (hashed names under /assets/, cached for a year) and index.html for the
 * view URLs. @fastify/static resolves every path inside `root` and refuses `..`, dot files and
 * symbolic links out of it. Returns how to send index.html, undefined when the UI is not built.
 * `hasAccounts` is asked on every page: accounts can be set up while the server runs. With accounts,
 * pages are served before login, so whether a record exists is not told by the status: the UI says it.
 */
export async function registerWeb(
  app: FastifyInstance,
  root: string,
  hasAccounts: () => boolean,
): Promise<PageSender | undefined> {
  const built = existsSync(join(root, "index.html"));
  if (built) {
    await app.register(fastifyStatic, {
      root,
      prefix: "/",
      index: false,
      wildcard: true,
      dotfiles: "deny",
      cacheControl: false,
      setHeaders: (reply, path) => {
        const hashed = path.startsWith(join(root, "assets"));
        reply.header("cache-control", hashed ? "public, max-age=31536000, immutable" : "no-cache");
      },
    });
  }
  // No ETag nor Last-Modified: the mark may change while the file does not, so the page is never revalidated to a stale one.
  const sendPage: PageSender = async (reply) => {
    const html = await readFile(join(root, "index.html"), "utf8");
    return reply
      .header("cache-control", "no-cache")
      .type("text/html; charset=utf-8")
      .send(hasAccounts() ? html : html.replace("</head>", `${NO_ACCOUNTS_MARK}\n  </head>`));
  };
  const sendIndex = (kind: RecordKind | undefined) => async (request: FastifyRequest, reply: FastifyReply) => {
    if (!built) {
      return reply
        .code(503)
        .type("text/plain; charset=utf-8")
        .send("The web UI is not built: run `npm run build:web` or `npm start`. The API is at /api/openapi.json.\n");
    }
    const { id } = request.params as { id?: string };
    const missing = kind !== undefined && id !== undefined && !hasAccounts() && !request.annals.hasRecord(kind, id);
    return sendPage(missing ? reply.code(404) : reply);
  };
  for (const url of VIEW_ROUTES) app.get(url, sendIndex(RECORD_ROUTES[url]));
  return built ? sendPage : undefined;
}

/** A browser's request for a page of the UI, not for the API or an asset. */
export function wantsPage(method: string, path: string, accept: string | undefined): boolean {
  if (method !== "GET" && method !== "HEAD") return false;
  if (path.startsWith("/api/") || path.startsWith("/assets/")) return false;
  return accept?.includes("text/html") ?? false;
}
