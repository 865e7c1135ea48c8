import { randomBytes } from "node:crypto";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { basename, join } from "node:path";
import type { FastifyInstance } from "fastify";
import type { IngestReport } from "../../../ingest/ingest.js";
import type { RouteContext } from "../context.js";
import { HttpError } from "../errors.js";
import { writeGuard } from "../security.js";
import type { KnowledgeBase } from "../knowledge-base.js";
import { DEFAULT_PROJECT } from "../../../accounts/types.js";

interface UploadQuery {
  filename: string;
}

/** The name an upload is stored under: its last path component, without control or reserved characters. */
export function safeFileName(name: string): string {
  const last = name.split(/[\\/]/).pop() ?? "";
  // Control characters and characters Windows reserves become "_".
  // eslint-disable-next-line no-control-regex
  const unsafe = /[\u0000-\u001f\u007f<>:"|?*]/g;
  const cleaned = last.normalize("NFC").replace(unsafe, "_").trim();
  const withoutDots = cleaned.replace(/^\.+/, "");
  if (withoutDots === "") {
    throw new HttpError(
      400,
      "invalid-request",
      `filename ${JSON.stringify(name)} names no file`,
      "querystring.filename",
    );
  }
  return withoutDots.slice(-200);
}

/**
 * POST /api/documents?filename=NAME with the file's bytes as the body: the upload is written to the
 * staging folder beside the knowledge base and ingested with `annals.add`, one upload at a time.
 * The answer is the IngestReport, 200 when stored, 422 (with `error` beside the report) when the
 * file failed, for the same one-line reason `annals add` gives.
 */
export function uploadRoute(app: FastifyInstance, context: RouteContext): void {
  let queue: Promise<unknown> = Promise.resolve();
  const serialize = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser("*", { parseAs: "buffer", bodyLimit: context.maxUploadBytes }, (_request, body, done) =>
      done(null, body),
    );
    scope.post<{ Querystring: UploadQuery; Body: Buffer | undefined }>(
      "/api/documents",
      {
        bodyLimit: context.maxUploadBytes,
        preHandler: writeGuard(),
        schema: {
          querystring: {
            type: "object",
            required: ["filename"],
            additionalProperties: false,
            properties: {
              filename: {
                type: "string",
                minLength: 1,
                maxLength: 255,
                description: "the file's name; its extension chooses the reader (.txt, .md, .html, .xml …)",
              },
            },
          },
        },
        config: {
          doc: {
            summary: "Upload a file and ingest it",
            description:
              "The body is the file's bytes (any Content-Type; application/octet-stream is fine), at most " +
              `${Math.round(context.maxUploadBytes / 2 ** 20)} MiB. Uploads are ingested one at a time. ` +
              "A file that cannot be ingested answers 422 with the IngestReport and an `error`, " +
              "for the same reason `annals add` gives. Needs `Authorization: Bearer <ANNALS_TOKEN>` when the server has a token.",
            tags: ["documents"],
            response: "IngestReport",
            secured: true,
            requestBody: {
              required: true,
              content: { "application/octet-stream": { schema: { type: "string", format: "binary" } } },
            },
            statuses: {
              "401": "a token is set and the request has none or a wrong one",
              "403": "the request comes from another origin",
              "413": "the file is larger than the limit",
              "422": "the file could not be ingested (IngestReport with `error`)",
              "503": "this server stages no uploads",
            },
          },
        },
      },
      async (request, reply) => {
        const uploadDir = context.uploadDir;
        if (uploadDir === undefined) throw new HttpError(503, "uploads-disabled", "this server accepts no uploads");
        const name = safeFileName(request.query.filename);
        const bytes = request.body ?? Buffer.alloc(0);
        const project = request.principal?.project ?? DEFAULT_PROJECT;
        const staging = project === DEFAULT_PROJECT ? uploadDir : join(uploadDir, project);
        const report = await serialize(() =>
          stageAndIngest(request.annals, context.ingestWorkers, staging, name, bytes),
        );
        const failure = report.failed[0];
        if (failure) {
          return reply.code(422).send({
            ...report,
            error: { code: "ingest-failed", message: failure.error, path: failure.path },
          });
        }
        return report;
      },
    );
  });
}

async function stageAndIngest(
  annals: KnowledgeBase,
  workers: number,
  uploadDir: string,
  name: string,
  bytes: Buffer,
): Promise<IngestReport> {
  await mkdir(uploadDir, { recursive: true, mode: 0o700 });
  const staged = join(uploadDir, name);
  // A failed replacement must not leave the stored document's file changed: keep the old one aside.
  const backup = existsSync(staged) ? join(uploadDir, `.previous-${randomBytes(6).toString("hex")}`) : undefined;
  if (backup) await rename(staged, backup);
  await writeFile(staged, bytes, { mode: 0o600 });
  let report: IngestReport;
  try {
    report = await annals.add([staged], { workers });
  } catch (error) {
    await restore(staged, backup);
    throw error;
  }
  if (report.failed.length > 0) await restore(staged, backup);
  else if (backup) await rm(backup, { force: true });
  // Report the file by the name it was uploaded under, not by a path on the server.
  const shown = (path: string) => (path === staged ? name : basename(path));
  return {
    ...report,
    failed: report.failed.map((f) => ({ ...f, path: shown(f.path) })),
    warnings: report.warnings.map((w) => ({ ...w, path: shown(w.path) })),
  };
}

async function restore(staged: string, backup: string | undefined): Promise<void> {
  await rm(staged, { force: true });
  if (backup) await rename(backup, staged);
}
