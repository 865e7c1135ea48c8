import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ingest } from "../../src/ingest/ingest.js";
import { MAX_OCR_PAGES } from "../../src/parse/binary/pdf/index.js";
import { openStore } from "../../src/store/index.js";
import { tempDir } from "../helpers/cli.js";
import { writeDocx } from "../parse/binary/make-docx.js";
import { encryptedPdf, pageCountBomb, writePdf } from "../parse/binary/make-pdf.js";

describe("ingesting PDF and DOCX files", () => {
  it("stores a PDF's pages and furniture, and gives each hostile file one line while the batch goes on", async () => {
    const dir = tempDir();
    const input = join(dir, "input");
    const docx = await writeDocx({ paragraphs: ["Text."] });
    const files: Record<string, Uint8Array> = {
      "a-report.pdf": await writePdf([
        ["SECRET", "Qasim spoke in Baghdad on 14 July 1958."],
        ["SECRET", "Arif answered him the next day."],
        ["SECRET", "The army stayed in its barracks."],
      ]),
      "b-notes.docx": await writeDocx({ paragraphs: ["# Notes", "Arif was in Baghdad."] }),
      "c-locked.pdf": encryptedPdf(),
      "d-bomb.pdf": pageCountBomb(1_000_000),
      "e-scan-of-a-book.pdf": pageCountBomb(MAX_OCR_PAGES * 10),
      "f-broken.docx": docx.slice(0, docx.length - 200),
      "g-truncated.pdf": (await writePdf([["Text."]])).slice(0, 60),
    };
    mkdirSync(input);
    for (const [name, bytes] of Object.entries(files)) writeFileSync(join(input, name), bytes);
    const store = openStore(join(dir, "kb.db"));
    const report = await ingest(store, [input], { workers: 0 });
    expect(report.added).toBe(2);
    const failed = Object.fromEntries(report.failed.map((f) => [f.path.split("/").pop(), f.error]));
    expect(Object.keys(failed).sort()).toEqual([
      "c-locked.pdf",
      "d-bomb.pdf",
      "e-scan-of-a-book.pdf",
      "f-broken.docx",
      "g-truncated.pdf",
    ]);
    expect(failed["c-locked.pdf"]).toMatch(/encrypted PDF that needs a password/);
    expect(failed["d-bomb.pdf"]).toMatch(/has 1000000 pages; annals reads at most/);
    expect(failed["e-scan-of-a-book.pdf"]).toMatch(/scanned pages without a text layer; annals OCRs at most/);
    expect(failed["f-broken.docx"]).toMatch(/not a readable Word document/);
    expect(failed["g-truncated.pdf"]).toMatch(/not a readable PDF/);
    for (const error of Object.values(failed)) expect(error).not.toContain("\n");

    const summary = store.listDocuments({}).find((d) => d.path.endsWith("a-report.pdf"))!;
    const stored = store.getDocument(summary.id)!.document;
    expect(stored.format).toBe("pdf");
    expect(stored.pages?.map((page) => page.number)).toEqual([1, 2, 3]);
    expect(stored.furniture?.map((span) => stored.text.slice(span.start, span.end))).toEqual([
      "SECRET",
      "SECRET",
      "SECRET",
    ]);
    store.close();
  }, 120_000);
});
