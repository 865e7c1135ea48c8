import type { FastifyInstance } from "fastify";
import {
  CSV_TABLES,
  EXPORT_FORMATS,
  exportFiles,
  exportRefusal,
  type CsvTable,
  type ExportFormat,
  type SpellOption,
} from "../../../export/index.js";
import type { TimelineFilter } from "../../../views/timeline.js";
import { HttpError } from "../errors.js";
import { FILTER_PROPERTIES } from "./events.js";

type ExportQuery = TimelineFilter & { format: ExportFormat; table?: CsvTable };

const spell: SpellOption = (option, value) => (value === undefined ? option : `${option}=${value}`);

/** Why these parameters ask for no export, or undefined when they are fine; one request downloads one file. */
function refusal({ format, table, ...events }: ExportQuery): { message: string; path: string } | undefined {
  if (format === "csv" && !table) {
    return {
      message: `format csv exports one table at a time: add table= one of ${CSV_TABLES.join(", ")}`,
      path: "querystring.table",
    };
  }
  const refused = exportRefusal(format, { ...(table ? { table } : {}), events }, spell);
  return refused && { message: refused.message, path: `querystring.${refused.option}` };
}

/** GET /api/export?format=&table= (`annals export`): the knowledge base as a file to download. */
export function exportRoutes(app: FastifyInstance): void {
  app.get<{ Querystring: ExportQuery }>(
    "/api/export",
    {
      schema: {
        querystring: {
          type: "object",
          required: ["format"],
          additionalProperties: false,
          properties: {
            format: { type: "string", enum: EXPORT_FORMATS, description: "the format, as `annals export --format`" },
            table: {
              type: "string",
              enum: CSV_TABLES,
              description: "with format=csv (required there): which table",
            },
            ...FILTER_PROPERTIES,
          },
        },
      },
      config: {
        doc: {
          summary: "The knowledge base as a file to download",
          description:
            "What `annals export --format FORMAT` writes, sent with `Content-Disposition: attachment` and a file name: " +
            "json (everything), csv (one table per request), gexf and graphml (the actor network), timelinejs, " +
            "ftm (FollowTheMoney lines) and jsonld (schema.org). The timeline's filter (type, place, actor, from, to, " +
            "as /api/events takes it) keeps only the events that pass, in the formats and tables that hold events.",
          tags: ["export"],
          response: { type: "string" },
          mediaType: "application/octet-stream",
        },
      },
    },
    async (request, reply) => {
      const refused = refusal(request.query);
      if (refused) throw new HttpError(400, "invalid-request", refused.message, refused.path);
      const { format, table, ...events } = request.query;
      const [file] = exportFiles(request.annals, format, { ...(table ? { table } : {}), events });
      return reply
        .type(file!.mediaType)
        .header("content-disposition", `attachment; filename="${file!.name}"`)
        .send(file!.content);
    },
  );
}
