import type { FastifyInstance } from "fastify";
import type { RouteContext } from "../context.js";
import { notFound } from "../errors.js";
import { paginate, pageProperties, type PageQuery } from "../pagination.js";
import { ID_PARAMS, type IdParams } from "../schemas.js";
import { uploadRoute } from "./upload.js";

/** GET /api/documents (`annals documents --json`), GET /api/documents/:id, POST /api/documents. */
export function documentRoutes(app: FastifyInstance, context: RouteContext): void {
  app.get<{ Querystring: PageQuery }>(
    "/api/documents",
    {
      schema: { querystring: { type: "object", additionalProperties: false, properties: pageProperties(100, 1000) } },
      config: {
        doc: {
          summary: "The documents, with derived copies and near-duplicates",
          description: "`annals documents --json`, one page at a time.",
          tags: ["documents"],
          response: { type: "array", items: { $ref: "#/components/schemas/DocumentListing" } },
          paginated: true,
        },
      },
    },
    async (request, reply) => paginate(request, reply, request.annals.documents(), request.query),
  );

  app.get<{ Params: IdParams }>(
    "/api/documents/:id",
    {
      schema: { params: ID_PARAMS },
      config: {
        doc: {
          summary: "One document: text, sections, infobox, metadata and mention spans",
          description: "Offsets of sections, infobox fields and mentions are into `text`. The text is untrusted.",
          tags: ["documents"],
          response: "DocumentView",
          statuses: { "404": "no document with this id" },
        },
      },
    },
    async (request) => {
      const view = request.annals.document(request.params.id);
      if (!view) throw notFound("document", request.params.id);
      return view;
    },
  );

  uploadRoute(app, context);
}
