import type { FastifyInstance } from "fastify";
import type { EntityType } from "../../../annotate/mentions/types.js";
import type { EntityPage, EntitySummary } from "../../../views/types.js";
import { SUMMARY_DOCUMENTS } from "../../../views/entities.js";
import { notFound } from "../errors.js";
import { pageProperties, setPageHeaders, type PageQuery } from "../pagination.js";
import { ENTITY_TYPES, ID_PARAMS, type IdParams } from "../schemas.js";

interface EntityPageQuery {
  mentionsLimit: number;
  mentionsOffset: number;
}

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
          description:
            "`annals entities --json`, one page at a time; `Link` has rel=next while there are more. Each entity names the first ten of its `documentCount` documents; its page lists them all.",
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

  app.get<{ Params: IdParams; Querystring: EntityPageQuery }>(
    "/api/entities/:id",
    {
      schema: {
        params: ID_PARAMS,
        querystring: {
          type: "object",
          additionalProperties: false,
          properties: {
            mentionsLimit: {
              type: "integer",
              minimum: 1,
              maximum: 1000,
              default: 50,
              description: "how many mentions (of `mentionCount`) the page carries",
            },
            mentionsOffset: { type: "integer", minimum: 0, maximum: 10_000_000, default: 0 },
          },
        },
      },
      config: {
        doc: {
          summary: "One entity by id or by any of its names",
          description:
            "`annals entity NAME --json`: aliases with counts, roles, events, related actors, and one page of its mentions with their quotes (`mentionsLimit` after `mentionsOffset`, of `mentionCount`).",
          tags: ["entities"],
          response: "EntityPage",
          statuses: { "404": "no entity with this id or name" },
        },
      },
    },
    async (request) => {
      const { mentionsLimit, mentionsOffset } = request.query;
      const page = request.annals.entity(request.params.id, { limit: mentionsLimit, offset: mentionsOffset });
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
    documentCount: page.documents.length,
    documents: page.documents.slice(0, SUMMARY_DOCUMENTS),
  };
}
