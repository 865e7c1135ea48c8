import type { FastifyInstance } from "fastify";
import { CSV_TABLES, EXPORT_FORMATS, exportFiles, type CsvTable, type ExportFormat } from "../../../export/index.js";
import { HttpError } from "../errors.js";

interface ExportQuery {
  format: ExportFormat;
  table?: CsvTable;
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
          },
        },
      },
      config: {
        doc: {
          summary: "The knowledge base as a file to download",
          description:
            "What `annals export --format FORMAT` writes, sent with `Content-Disposition: attachment` and a file name: " +
            "json (everything), csv (one table per request), gexf and graphml (the actor network), timelinejs, " +
            "ftm (FollowTheMoney lines) and jsonld (schema.org).",
          tags: ["export"],
          response: { type: "string" },
          mediaType: "application/octet-stream",
        },
      },
    },
    async (request, reply) => {
      const { format, table } = request.query;
      if (format === "csv" && !table) {
        throw new HttpError(
          400,
          "invalid-request",
          `format csv exports one table at a time: add table= one of ${CSV_TABLES.join(", ")}`,
          "querystring.table",
        );
      }
      if (format !== "csv" && table) {
        throw new HttpError(
          400,
          "invalid-request",
          `table= goes only with format=csv, not ${format}`,
          "querystring.table",
        );
      }
      const [file] = exportFiles(request.annals, format, table);
      return reply
        .type(file!.mediaType)
        .header("content-disposition", `attachment; filename="${file!.name}"`)
        .send(file!.content);
    },
  );
}
