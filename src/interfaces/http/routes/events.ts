import type { FastifyInstance } from "fastify";
import { notFound } from "../errors.js";
import { pageProperties, setPageHeaders, type PageQuery } from "../pagination.js";
import { ID_PARAMS, type IdParams } from "../schemas.js";
import type { TimelineFilter, TimelineZoom } from "../../../views/timeline.js";

const PERIOD = { type: "string", pattern: "^\\d{4}(-\\d{2}(-\\d{2})?)?$" } as const;

/** The timeline's filter: every field optional. */
export const FILTER_PROPERTIES = {
  type: { type: "string", minLength: 1, maxLength: 100, description: "only events of this type" },
  place: { type: "string", minLength: 1, maxLength: 500, description: "only events at this place" },
  actor: {
    type: "string",
    minLength: 1,
    maxLength: 500,
    description: "only events this entity (id or name) takes part in",
  },
  from: { ...PERIOD, description: "only dated events that end on or after this date or period (1958, 1958-07)" },
  to: { ...PERIOD, description: "only dated events that start on or before this date or the end of this period" },
} as const;

const LIST_QUERY = {
  type: "object",
  additionalProperties: false,
  properties: {
    ...pageProperties(1000, 10_000),
    ...FILTER_PROPERTIES,
    dated: {
      type: "boolean",
      description: "true: only the events with a date; false: only those without one (from and to then leave none)",
    },
  },
} as const;

const FILTER_QUERY = { type: "object", additionalProperties: false, properties: FILTER_PROPERTIES } as const;

type ListQuery = PageQuery & TimelineFilter;

/** GET /api/events and /api/timeline (`annals events --json`, sorted by start), GET /api/events/:id (the card). */
export function eventRoutes(app: FastifyInstance): void {
  for (const [path, summary] of [
    ["/api/events", "The events, sorted by start"],
    ["/api/timeline", "The timeline: the events sorted by start (same as /api/events)"],
  ] as const) {
    app.get<{ Querystring: ListQuery }>(
      path,
      {
        schema: { querystring: LIST_QUERY },
        config: {
          doc: {
            summary,
            description:
              "`annals events --json` (alias `annals timeline`), one page at a time; the filter (type, place, actor, from, to, dated) narrows it and `X-Total-Count` counts what passes.",
            tags: ["events"],
            response: { type: "array", items: { $ref: "#/components/schemas/EventSummary" } },
            paginated: true,
          },
        },
      },
      async (request, reply) => {
        const { limit, offset, ...filter } = request.query;
        const { total, items } = request.annals.filteredEvents(filter, { limit, offset });
        setPageHeaders(request, reply, { limit, offset }, { total });
        return items;
      },
    );
  }

  app.get<{ Querystring: TimelineFilter & { zoom: TimelineZoom } }>(
    "/api/timeline/overview",
    {
      schema: {
        querystring: {
          type: "object",
          additionalProperties: false,
          properties: {
            zoom: { type: "string", enum: ["year", "month", "day"], default: "year" },
            ...FILTER_PROPERTIES,
          },
        },
      },
      config: {
        doc: {
          summary: "The timeline counted per year, month or day",
          description:
            "The events that pass the filter per period of the zoom, each period with its most told events; the densest period and the number of undated events apart.",
          tags: ["events"],
          response: { type: "object" },
        },
      },
    },
    async (request) => {
      const { zoom, ...filter } = request.query;
      return request.annals.timeline(filter, zoom);
    },
  );

  app.get<{ Querystring: ListQuery }>(
    "/api/timeline/outlines",
    {
      schema: { querystring: LIST_QUERY },
      config: {
        doc: {
          summary: "The timeline's list, light: each event's dates, type, place and how often it is told",
          description:
            "The events of /api/timeline (same filter, order and paging, `X-Total-Count`) without participants and quotes: what a list or an axis of many events draws.",
          tags: ["events"],
          response: { type: "array", items: { $ref: "#/components/schemas/EventOutline" } },
          paginated: true,
        },
      },
    },
    async (request, reply) => {
      const { limit, offset, ...filter } = request.query;
      const { total, items } = request.annals.timelineOutlines(filter, { limit, offset });
      setPageHeaders(request, reply, { limit, offset }, { total });
      return items;
    },
  );

  app.get<{ Querystring: TimelineFilter }>(
    "/api/timeline/facets",
    {
      schema: { querystring: FILTER_QUERY },
      config: {
        doc: {
          summary: "The event types and places the timeline can be filtered by",
          description:
            "Each type (and each place) with how many events of it pass the rest of the filter: the type filter does not narrow the types, nor the place filter the places. Most frequent first.",
          tags: ["events"],
          response: { type: "object" },
        },
      },
    },
    async (request) => request.annals.timelineFacets(request.query),
  );

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
