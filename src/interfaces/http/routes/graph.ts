import type { FastifyInstance } from "fastify";
import { paginate, pageProperties, type PageQuery } from "../pagination.js";

/** GET /api/graph (`annals graph --json`) and GET /api/disagreements (`annals disagreements --json`). */
export function graphRoutes(app: FastifyInstance): void {
  app.get(
    "/api/graph",
    {
      schema: { querystring: { type: "object", additionalProperties: false, properties: {} } },
      config: {
        doc: {
          summary: "The actor network: entities and typed edges, each edge with its evidence",
          tags: ["graph"],
          response: "Graph",
        },
      },
    },
    async (request) => request.annals.graph(),
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
