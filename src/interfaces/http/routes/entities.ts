import type { FastifyInstance } from "fastify";
import type { EntityType } from "../../../annotate/mentions/types.js";
import type { EntityPage, EntitySummary } from "../../../views/types.js";
import { notFound } from "../errors.js";
import { pageProperties, setPageHeaders, type PageQuery } from "../pagination.js";
import { ENTITY_TYPES, ID_PARAMS, type IdParams } from "../schemas.js";

interface EntitiesQuery extends PageQuery {
  type?: EntityType;
  name?: string;
}

/** GET /api/entities (`annals entities --json`) and GET /api/entities/:id (`annals entity NAME --json`). */
export function entityRoutes(app: FastifyInstance): void {
  app.get<{ Querystring: EntitiesQuery }>(
    "/api/entities",
    {
      schema: {
        querystring: {
          type: "object",
          additionalProperties: false,
          properties: {
            type: { type: "string", enum: ENTITY_TYPES },
            name: {
              type: "string",
              minLength: 1,
              maxLength: 500,
              description:
                "only the entity this name (or id) resolves to, as `annals entity NAME` does: [] or one item",
            },
            ...pageProperties(100, 1000),
          },
        },
      },
      config: {
        doc: {
          summary: "People, organizations and places",
          description: "`annals entities --json`, one page at a time; `Link` has rel=next while there are more.",
          tags: ["entities"],
          response: { type: "array", items: { $ref: "#/components/schemas/EntitySummary" } },
          paginated: true,
        },
      },
    },
    async (request, reply) => {
      const { type, name, limit, offset } = request.query;
      if (name !== undefined) {
        const page = request.annals.entity(name);
        const found = page && (!type || page.type === type) ? [summaryOf(page)] : [];
        const items = found.slice(offset, offset + limit);
        setPageHeaders(request, reply, { limit, offset }, { total: found.length });
        return items;
      }
      // One more than asked tells whether a next page exists without counting them all.
      const items = request.annals.entities({ ...(type ? { type } : {}), limit: limit + 1, offset });
      setPageHeaders(request, reply, { limit, offset }, { more: items.length > limit });
      return items.slice(0, limit);
    },
  );

  app.get<{ Params: IdParams }>(
    "/api/entities/:id",
    {
      schema: { params: ID_PARAMS },
      config: {
        doc: {
          summary: "One entity by id or by any of its names",
          description:
            "`annals entity NAME --json`: aliases with counts, roles, events, every mention with its quote, related actors.",
          tags: ["entities"],
          response: "EntityPage",
          statuses: { "404": "no entity with this id or name" },
        },
      },
    },
    async (request) => {
      const page = request.annals.entity(request.params.id);
      if (!page) throw notFound("entity", request.params.id);
      return page;
    },
  );
}

function summaryOf(page: EntityPage): EntitySummary {
  return {
    id: page.id,
    type: page.type,
    name: page.name,
    aliases: page.aliases,
    mentions: page.mentionCount,
    documents: page.documents,
  };
}
