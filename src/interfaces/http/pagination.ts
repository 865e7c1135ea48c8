import type { FastifyReply, FastifyRequest } from "fastify";

export interface PageQuery {
  limit: number;
  offset: number;
}

/** JSON schema properties for `?limit=&offset=`. */
export function pageProperties(defaultLimit: number, maxLimit: number) {
  return {
    limit: { type: "integer", minimum: 1, maximum: maxLimit, default: defaultLimit },
    offset: { type: "integer", minimum: 0, maximum: 10_000_000, default: 0 },
  } as const;
}

function pageUrl(request: FastifyRequest, limit: number, offset: number): string {
  const url = new URL(request.url, "http://localhost");
  url.searchParams.set("limit", String(limit));
  url.searchParams.set("offset", String(offset));
  return url.pathname + url.search;
}

/**
 * Sets `Link` (first, prev, next, last) and, when the total is known, `X-Total-Count`. The body
 * stays the CLI's JSON shape: a plain array of the page's items.
 */
export function setPageHeaders(
  request: FastifyRequest,
  reply: FastifyReply,
  page: PageQuery,
  extent: { total: number } | { more: boolean },
): void {
  const total = "total" in extent ? extent.total : undefined;
  const links = [`<${pageUrl(request, page.limit, 0)}>; rel="first"`];
  if (page.offset > 0)
    links.push(`<${pageUrl(request, page.limit, Math.max(0, page.offset - page.limit))}>; rel="prev"`);
  const more = "more" in extent ? extent.more : page.offset + page.limit < extent.total;
  if (more) links.push(`<${pageUrl(request, page.limit, page.offset + page.limit)}>; rel="next"`);
  if (total !== undefined) {
    const lastOffset = total === 0 ? 0 : Math.floor((total - 1) / page.limit) * page.limit;
    links.push(`<${pageUrl(request, page.limit, lastOffset)}>; rel="last"`);
    reply.header("x-total-count", String(total));
  }
  reply.header("link", links.join(", "));
}

/** One page of a list the facade returns whole. */
export function paginate<T>(request: FastifyRequest, reply: FastifyReply, items: readonly T[], page: PageQuery): T[] {
  const slice = items.slice(page.offset, page.offset + page.limit);
  setPageHeaders(request, reply, page, { total: items.length });
  return slice;
}
