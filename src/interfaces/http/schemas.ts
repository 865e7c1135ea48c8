/** JSON schemas shared by the routes; fastify validates with them and the OpenAPI document shows them. */

export const DOCUMENT_KINDS = ["encyclopedia", "primary", "derived", "dataset", "other"] as const;
export { ENTITY_TYPES } from "../../core/entity-types.js";

export const ISO_DATE = {
  type: "string",
  pattern: "^\\d{4}(-\\d{2}(-\\d{2})?)?$",
  description: "YYYY, YYYY-MM or YYYY-MM-DD",
} as const;

/** `/:id` where the id is a document id (content hash, maybe with #part), an entity or event id or name. */
export const ID_PARAMS = {
  type: "object",
  required: ["id"],
  additionalProperties: false,
  properties: { id: { type: "string", minLength: 1, maxLength: 512 } },
} as const;

export interface IdParams {
  id: string;
}

/** Documentation of a route for the OpenAPI document, kept in the route's `config.doc`. */
export interface RouteDoc {
  summary: string;
  description?: string;
  tags: string[];
  /** Name of a schema in components.schemas, or an inline schema, for the 200 response. */
  response: string | Record<string, unknown>;
  /** The 200 response's media type, when it is not JSON. */
  mediaType?: string;
  /** Extra statuses this route answers with besides 200, 400 and 500. */
  statuses?: Record<string, string>;
  /** Link / X-Total-Count headers. */
  paginated?: boolean;
  requestBody?: Record<string, unknown>;
  secured?: boolean;
}

declare module "fastify" {
  interface FastifyContextConfig {
    doc?: RouteDoc;
  }
}
