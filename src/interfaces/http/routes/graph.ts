import type { FastifyInstance } from "fastify";
import type { EntityType } from "../../../annotate/mentions/types.js";
import { notFound } from "../errors.js";
import { paginate, pageProperties, type PageQuery } from "../pagination.js";
import { ENTITY_TYPES, ID_PARAMS, ISO_DATE, type IdParams } from "../schemas.js";

interface GraphQuery {
  q?: string;
  from?: string;
  to?: string;
  type?: EntityType[];
  limit: number;
  quotes: number;
}

const RANGE_PROPERTIES = {
  from: { ...ISO_DATE, description: "only quotes dated on or after this date or period (1958, 1958-07)" },
  to: { ...ISO_DATE, description: "only quotes dated on or before this date or the end of this period" },
} as const;

/** GET /api/graph (`annals graph --json`), /api/graph/edges/:id and GET /api/disagreements (`annals disagreements --json`). */
export function graphRoutes(app: FastifyInstance): void {
  app.get<{ Querystring: GraphQuery }>(
    "/api/graph",
    {
      schema: {
        querystring: {
          type: "object",
          additionalProperties: false,
          properties: {
            q: {
              type: "string",
              minLength: 1,
              maxLength: 500,
              description: "a name in any spelling: the actors it matches and their neighbours",
            },
            ...RANGE_PROPERTIES,
            type: {
              type: "array",
              items: { type: "string", enum: ENTITY_TYPES },
              maxItems: ENTITY_TYPES.length,
              description: "only actors of these types",
            },
            limit: {
              type: "integer",
              minimum: 1,
              maximum: 5000,
              default: 150,
              description: "at most this many actors, those of the strongest links (most quotes) first",
            },
            quotes: {
              type: "integer",
              minimum: 0,
              maximum: 1000,
              default: 1,
              description: "at most this many quotes per edge (`weight` counts them all)",
            },
          },
        },
      },
      config: {
        doc: {
          summary: "The actor network: the strongest links first, each actor with its community",
          description:
            "Typed relations and co-participation in events, each edge with its weight (quotes in the period) and its first quotes; `totals` counts the actors and links that pass the filter before `limit`. `annals graph --json` with the same options.",
          tags: ["graph"],
          response: "Graph",
        },
      },
    },
    async (request) => {
      const { q, from, to, type, limit, quotes } = request.query;
      return request.annals.graph({
        ...(q === undefined ? {} : { q }),
        ...(from === undefined ? {} : { from }),
        ...(to === undefined ? {} : { to }),
        ...(type === undefined ? {} : { types: type }),
        limit,
        quotes,
      });
    },
  );

  app.get<{ Params: IdParams; Querystring: { from?: string; to?: string } }>(
    "/api/graph/edges/:id",
    {
      schema: {
        params: {
          ...ID_PARAMS,
          properties: { id: { type: "string", minLength: 1, maxLength: 1100, description: "`GraphEdge.id`" } },
        },
        querystring: { type: "object", additionalProperties: false, properties: RANGE_PROPERTIES },
      },
      config: {
        doc: {
          summary: "One edge of the network with every quote it rests on (those dated in the range, if given)",
          tags: ["graph"],
          response: { $ref: "#/components/schemas/GraphEdge" },
          statuses: { "404": "no such edge, or none of its quotes in the range" },
        },
      },
    },
    async (request) => {
      const edge = request.annals.graphEdge(request.params.id, request.query);
      if (!edge) throw notFound("edge", request.params.id);
      return edge;
    },
  );

  app.get<{ Querystring: PageQuery }>(
    "/api/disagreements",
    {
      schema: { querystring: { type: "object", additionalProperties: false, properties: pageProperties(100, 1000) } },
      config: {
        doc: {
          summary: "Facts on which the sources disagree, each value with its sources",
          tags: ["events"],
          response: { type: "array", items: { $ref: "#/components/schemas/Disagreement" } },
          paginated: true,
        },
      },
    },
    async (request, reply) => paginate(request, reply, request.annals.disagreements(), request.query),
  );
}
