import type { FastifyInstance } from "fastify";
import { notFound } from "../errors.js";
import { pageProperties, setPageHeaders, type PageQuery } from "../pagination.js";
import { ID_PARAMS, type IdParams } from "../schemas.js";

const LIST_QUERY = { type: "object", additionalProperties: false, properties: pageProperties(1000, 10_000) } as const;

/** GET /api/events and /api/timeline (`annals events --json`, sorted by start), GET /api/events/:id (the card). */
export function eventRoutes(app: FastifyInstance): void {
  for (const [path, summary] of [
    ["/api/events", "The events, sorted by start"],
    ["/api/timeline", "The timeline: the events sorted by start (same as /api/events)"],
  ] as const) {
    app.get<{ Querystring: PageQuery }>(
      path,
      {
        schema: { querystring: LIST_QUERY },
        config: {
          doc: {
            summary,
            description: "`annals events --json` (alias `annals timeline`), one page at a time.",
            tags: ["events"],
            response: { type: "array", items: { $ref: "#/components/schemas/EventSummary" } },
            paginated: true,
          },
        },
      },
      async (request, reply) => {
        setPageHeaders(request, reply, request.query, { total: request.annals.countEvents() });
        return request.annals.events(request.query);
      },
    );
  }

  app.get<{ Params: IdParams }>(
    "/api/events/:id",
    {
      schema: { params: ID_PARAMS },
      config: {
        doc: {
          summary: "The event card, by id or by name",
          description:
            "`annals event NAME --json`: each field with every value its sources give, and the fields where they disagree.",
          tags: ["events"],
          response: "EventCard",
          statuses: { "404": "no event with this id or name" },
        },
      },
    },
    async (request) => {
      const card = request.annals.event(request.params.id);
      if (!card) throw notFound("event", request.params.id);
      return card;
    },
  );
}
