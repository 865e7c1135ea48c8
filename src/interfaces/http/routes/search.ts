import type { FastifyInstance } from "fastify";
import type { DocumentKind } from "../../../core/document.js";
import { setPageHeaders } from "../pagination.js";
import { DOCUMENT_KINDS, ISO_DATE } from "../schemas.js";
import { searchHitView } from "../../../views/search.js";

interface SearchQuery {
  q: string;
  limit: number;
  offset: number;
  kind?: DocumentKind[];
  document?: string[];
  from?: string;
  to?: string;
  section?: string;
  count?: boolean;
}

/** GET /api/search: `annals search --json`, with the CLI's filters. */
export function searchRoutes(app: FastifyInstance): void {
  app.get<{ Querystring: SearchQuery }>(
    "/api/search",
    {
      schema: {
        querystring: {
          type: "object",
          required: ["q"],
          additionalProperties: false,
          properties: {
            q: { type: "string", minLength: 1, maxLength: 1000, description: 'words, "phrases", prefix*, -excluded' },
            limit: { type: "integer", minimum: 1, maximum: 1000, default: 10 },
            offset: { type: "integer", minimum: 0, maximum: 100_000, default: 0 },
            kind: { type: "array", items: { type: "string", enum: DOCUMENT_KINDS }, maxItems: 5 },
            document: { type: "array", items: { type: "string", minLength: 1, maxLength: 512 }, maxItems: 100 },
            from: ISO_DATE,
            to: ISO_DATE,
            section: { type: "string", minLength: 1, maxLength: 500 },
            count: { type: "boolean", description: "also count every matching passage (total, X-Total-Count)" },
          },
        },
      },
      config: {
        doc: {
          summary: "Ranked passages for a query",
          description:
            "The body is `annals search --json`'s: `{hits}`, plus `total` when `count=true`. Snippets are HTML-escaped text with matched words in <mark>.",
          tags: ["search"],
          response: "SearchResult",
          paginated: true,
        },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const result = request.annals.search(q.q, {
        limit: q.limit,
        offset: q.offset,
        ...(q.kind ? { kinds: q.kind } : {}),
        ...(q.document ? { documentIds: q.document } : {}),
        ...(q.from ? { dateFrom: q.from } : {}),
        ...(q.to ? { dateTo: q.to } : {}),
        ...(q.section ? { section: q.section } : {}),
        ...(q.count ? { countTotal: true } : {}),
      });
      const hits = result.hits.map(searchHitView);
      const page = { limit: q.limit, offset: q.offset };
      setPageHeaders(
        request,
        reply,
        page,
        result.total === undefined ? { more: hits.length >= q.limit } : { total: result.total },
      );
      return { hits, ...(result.total === undefined ? {} : { total: result.total }) };
    },
  );
}
