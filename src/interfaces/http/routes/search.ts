import type { FastifyInstance } from "fastify";
import type { DocumentKind } from "../../../core/document.js";
import { setPageHeaders } from "../pagination.js";
import type { EntityType } from "../../../annotate/mentions/types.js";
import type { FacetOptions } from "../../../search/types.js";
import { DOCUMENT_KINDS, ENTITY_TYPES, ISO_DATE } from "../schemas.js";
import { searchHitView } from "../../../views/search.js";

interface Filters {
  q: string;
  kind?: DocumentKind[];
  document?: string[];
  from?: string;
  to?: string;
  section?: string;
  entityType?: EntityType;
}

interface SearchQuery extends Filters {
  limit: number;
  offset: number;
  count?: boolean;
  countAtMost?: number;
}

/** The query and filters /api/search and /api/search/facets share. */
const FILTER_PROPERTIES = {
  q: { type: "string", minLength: 1, maxLength: 1000, description: 'words, "phrases", prefix*, -excluded' },
  kind: { type: "array", items: { type: "string", enum: DOCUMENT_KINDS }, maxItems: 5 },
  document: { type: "array", items: { type: "string", minLength: 1, maxLength: 512 }, maxItems: 100 },
  from: ISO_DATE,
  to: ISO_DATE,
  section: { type: "string", minLength: 1, maxLength: 500 },
  entityType: {
    type: "string",
    enum: ENTITY_TYPES,
    description: "only passages that mention a name of this type",
  },
} as const;

function searchOptions(q: Filters): FacetOptions {
  return {
    ...(q.kind ? { kinds: q.kind } : {}),
    ...(q.document ? { documentIds: q.document } : {}),
    ...(q.from ? { dateFrom: q.from } : {}),
    ...(q.to ? { dateTo: q.to } : {}),
    ...(q.section ? { section: q.section } : {}),
    ...(q.entityType ? { entityType: q.entityType } : {}),
  };
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
            ...FILTER_PROPERTIES,
            limit: { type: "integer", minimum: 1, maximum: 1000, default: 10 },
            offset: { type: "integer", minimum: 0, maximum: 100_000, default: 0 },
            count: { type: "boolean", description: "also count the matching passages (total, X-Total-Count)" },
            countAtMost: {
              type: "integer",
              minimum: 1,
              maximum: 10_000_000,
              description:
                "count at most this many (default 10,000); past it total is this number and totalIsLowerBound is true",
            },
          },
        },
      },
      config: {
        doc: {
          summary: "Ranked passages for a query",
          description:
            "The body is `annals search --json`'s: `{hits}`, plus `total` when `count=true` (with `totalIsLowerBound` when more than `countAtMost` match: then there is no X-Total-Count). Snippets are HTML-escaped text with matched words in <mark>.",
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
        ...searchOptions(q),
        ...(q.count ? { countTotal: true } : {}),
        ...(q.countAtMost === undefined ? {} : { countAtMost: q.countAtMost }),
      });
      const hits = result.hits.map(searchHitView);
      const page = { limit: q.limit, offset: q.offset };
      setPageHeaders(
        request,
        reply,
        page,
        result.total === undefined || result.totalIsLowerBound
          ? { more: hits.length >= q.limit }
          : { total: result.total },
      );
      return {
        hits,
        ...(result.total === undefined ? {} : { total: result.total }),
        ...(result.totalIsLowerBound ? { totalIsLowerBound: true } : {}),
      };
    },
  );
  app.get<{ Querystring: Filters & { top: number } }>(
    "/api/search/facets",
    {
      schema: {
        querystring: {
          type: "object",
          required: ["q"],
          additionalProperties: false,
          properties: {
            ...FILTER_PROPERTIES,
            top: { type: "integer", minimum: 1, maximum: 1000, default: 20, description: "documents listed" },
          },
        },
      },
      config: {
        doc: {
          summary: "How many passages the query matches per document kind, document, year and entity type",
          description:
            "Each facet is counted under every filter but its own (choosing a kind re-counts the documents, years and entity types, and shows what the other kinds would give). `total` counts the passages under every filter, as `/api/search?count=true` does.",
          tags: ["search"],
          response: "SearchFacets",
        },
      },
    },
    async (request) =>
      request.annals.searchFacets(request.query.q, { ...searchOptions(request.query), top: request.query.top }),
  );
}
