import type { FastifyInstance } from "fastify";
import type { RouteContext } from "../context.js";
import { HttpError, notFound } from "../errors.js";
import { paginate, pageProperties, type PageQuery } from "../pagination.js";
import { DOCUMENT_KINDS, ID_PARAMS, type IdParams } from "../schemas.js";
import { uploadRoute } from "./upload.js";
import type { DocumentListingFilter, DocumentPairFilter } from "../../../views/documents.js";

/**
 * GET /api/documents (`annals documents --json`), GET /api/documents/pairs, GET /api/documents/:id and its page
 * images, POST /api/documents.
 */
export function documentRoutes(app: FastifyInstance, context: RouteContext): void {
  app.get<{ Querystring: PageQuery & DocumentListingFilter }>(
    "/api/documents",
    {
      schema: {
        querystring: {
          type: "object",
          additionalProperties: false,
          properties: {
            ...pageProperties(100, 1000),
            text: { type: "string", minLength: 1, maxLength: 500, description: "only titles or paths holding this" },
            kind: { type: "string", enum: DOCUMENT_KINDS, description: "only documents of this kind" },
          },
        },
      },
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
    async (request, reply) => {
      const { limit, offset, ...filter } = request.query;
      return paginate(request, reply, request.annals.documents(filter), { limit, offset });
    },
  );

  app.get<{ Querystring: PageQuery & DocumentPairFilter }>(
    "/api/documents/pairs",
    {
      schema: {
        querystring: {
          type: "object",
          additionalProperties: false,
          properties: {
            ...pageProperties(50, 1000),
            text: {
              type: "string",
              minLength: 1,
              maxLength: 500,
              description: "only pairs where either document's title or path holds this",
            },
            relation: { type: "string", enum: ["derived-from", "near-duplicate"], description: "only this relation" },
          },
        },
      },
      config: {
        doc: {
          summary: "Documents to compare: derived copies with their originals, near-duplicates",
          description: "Most similar first, one page at a time; `a` is the derived copy of a derived-from pair.",
          tags: ["documents"],
          response: { type: "array", items: { $ref: "#/components/schemas/DocumentPair" } },
          paginated: true,
        },
      },
    },
    async (request, reply) => {
      const { limit, offset, ...filter } = request.query;
      return paginate(request, reply, request.annals.documentPairs(filter), { limit, offset });
    },
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

  app.get<{ Params: IdParams & { page: number } }>(
    "/api/documents/:id/pages/:page/image",
    {
      schema: {
        params: {
          ...ID_PARAMS,
          required: ["id", "page"],
          properties: { ...ID_PARAMS.properties, page: { type: "integer", minimum: 1, maximum: 100_000 } },
        },
      },
      config: {
        doc: {
          summary: "The image of one page of a PDF or scan",
          description:
            "Rendered from the original file (PNG), or the scan itself for PNG and JPEG. The file must still be where it was added, unchanged.",
          tags: ["documents"],
          response: { type: "string", format: "binary" },
          mediaType: "image/png",
          statuses: {
            "404": "no document with this id, not a PDF or scan, or no such page",
            "410": "the original file was moved, deleted or changed since it was added",
            "415": "a TIFF scan, which browsers cannot show",
          },
        },
      },
    },
    async (request, reply) => {
      const image = await request.annals.pageImage(request.params.id, request.params.page);
      if (!image.ok) throw new HttpError(image.status, image.code, image.reason);
      return reply.type(image.contentType).send(Buffer.from(image.bytes));
    },
  );

  uploadRoute(app, context);
}
