import { renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Annals } from "../../src/annals.js";
import { buildApp } from "../../src/interfaces/http/app.js";
import { tempDir } from "../helpers/cli.js";
import { writePdf } from "../parse/binary/make-pdf.js";
import { HAVE_OCR, requireOcr } from "../parse/binary/scan.js";
import { fakeWebRoot, type ErrorJson } from "./helpers.js";

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47];

describe.runIf(HAVE_OCR)("GET /api/documents/:id/pages/:page/image", () => {
  const dir = tempDir("annals-page-image-");
  const pdf = join(dir, "report.pdf");
  const text = join(dir, "note.txt");
  let annals: Annals;
  let app: FastifyInstance;
  let pdfId: string;
  let textId: string;

  beforeAll(async () => {
    writeFileSync(pdf, await writePdf([["First page of the report."], ["Qasim spoke in Baghdad on 14 July 1958."]]));
    writeFileSync(text, "Qasim spoke again in Mosul.\n");
    annals = Annals.open(join(dir, "kb.db"));
    await annals.add([pdf, text], { workers: 0 });
    pdfId = annals.documents().find((d) => d.path === pdf)!.id;
    textId = annals.documents().find((d) => d.path === text)!.id;
    app = await buildApp(annals, { host: "127.0.0.1", webRoot: fakeWebRoot(dir) });
  }, 60_000);
  afterAll(() => annals.close());

  const get = (id: string, page: number | string) =>
    app.inject({ method: "GET", url: `/api/documents/${encodeURIComponent(id)}/pages/${page}/image` });

  it("renders a PDF page from the original file as PNG", async () => {
    const response = await get(pdfId, 2);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("image/png");
    expect([...response.rawPayload.subarray(0, 4)]).toEqual(PNG_MAGIC);
  });

  it("answers 404 for a page the document does not have, and for a document without pages", async () => {
    const missing = await get(pdfId, 3);
    expect(missing.statusCode).toBe(404);
    expect(missing.json<ErrorJson>().error.message).toContain("has no page 3 (pages 1–2)");
    const plain = await get(textId, 1);
    expect(plain.statusCode).toBe(404);
    expect(plain.json<ErrorJson>().error.code).toBe("no-page-images");
  });

  it("answers 400 for a page that is not a positive number", async () => {
    expect((await get(pdfId, 0)).statusCode).toBe(400);
    expect((await get(pdfId, "two")).statusCode).toBe(400);
  });

  it("answers 410 with the reason when the original file was changed or moved away", async () => {
    writeFileSync(pdf, await writePdf([["Another report altogether."]]));
    const changed = await get(pdfId, 1);
    expect(changed.statusCode).toBe(410);
    expect(changed.json<ErrorJson>().error.message).toMatch(/changed since it was added; run `annals add/);
    renameSync(pdf, join(dir, "elsewhere.pdf"));
    const gone = await get(pdfId, 1);
    expect(gone.statusCode).toBe(410);
    expect(gone.json<ErrorJson>().error.message).toContain("is no longer there");
  });
});

if (!HAVE_OCR) describe("page images", requireOcr);
