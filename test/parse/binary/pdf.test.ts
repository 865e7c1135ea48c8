import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/core/errors.js";
import { readBinary } from "../../../src/parse/binary/index.js";
import { MAX_PDF_PAGES } from "../../../src/parse/binary/pdf/index.js";
import { encryptedPdf, handWrittenPdf, pageCountBomb, writePdf } from "./make-pdf.js";

async function readOne(bytes: Uint8Array) {
  const documents = await readBinary(bytes, "report.pdf");
  expect(documents).toHaveLength(1);
  return documents![0]!;
}

async function failure(bytes: Uint8Array): Promise<InputError> {
  const error = await readBinary(bytes, "bad.pdf").then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}

describe("PDF with a text layer", () => {
  it("keeps the text in reading order, page by page, with the PDF's own title, author and date", async () => {
    const bytes = await writePdf(
      [["Qasim met Arif in Baghdad.", "They spoke of the army."], ["The second page names Aref."]],
      { title: "Notes on Iraq", author: "A. Clerk", created: new Date("1963-11-23T10:00:00Z") },
    );
    const document = await readOne(bytes);
    expect(document.format).toBe("pdf");
    expect(document.title).toBe("Notes on Iraq");
    expect(document.metadata).toEqual({ author: "A. Clerk", date: "1963-11-23" });
    expect(document.text).toContain("Qasim met Arif in Baghdad.\nThey spoke of the army.");
    expect(document.pages?.map((page) => page.number)).toEqual([1, 2]);
    const [first, second] = document.pages!;
    expect(document.text.slice(first!.start, first!.end)).toBe("Qasim met Arif in Baghdad.\nThey spoke of the army.");
    expect(document.text.slice(second!.start, second!.end)).toBe("The second page names Aref.");
    expect(first!.ocr).toBeUndefined();
    expect(document.decoding.encoding).toBe("PDF");
  });

  it("takes the first line as title when the PDF has none, and rejoins words broken at line ends", async () => {
    const document = await readOne(await writePdf([["A report from Bagh-", "dad on the coup."]]));
    expect(document.title).toBe("A report from Baghdad on the coup.");
    expect(document.text).toBe("A report from Baghdad on the coup.");
    // The map leads each character back to the PDF's extracted text, where the hyphen and line break were.
    expect(document.map.toSource(document.text.indexOf("dad on"))).toBe("A report from Bagh-\n".length);
  });

  it("is not taken for text that only mentions %PDF- far from its start, nor for other bytes", async () => {
    expect(await readBinary(new TextEncoder().encode(`${"x".repeat(2000)} %PDF-1.4`), "a.txt")).toBeUndefined();
    expect(await readBinary(new TextEncoder().encode("plain words"), "a.pdf")).toBeUndefined();
  });
});

describe("hostile PDFs fail with one line that says what to do", () => {
  it("an encrypted PDF", async () => {
    const error = await failure(encryptedPdf());
    expect(error.code).toBe("pdf-encrypted");
    expect(error.message).toMatch(/password.*unprotected copy/);
  });

  it("a page-count bomb", async () => {
    const error = await failure(pageCountBomb(MAX_PDF_PAGES + 1));
    expect(error.code).toBe("pdf-too-many-pages");
    expect(error.message).toContain(`at most ${MAX_PDF_PAGES} pages`);
  });

  it("a 2,000-page scan: refused before any page is OCR'd, saying how many pages it may have", async () => {
    const scan = await writePdf(Array.from({ length: 2_000 }, () => []));
    const error = await failure(scan);
    expect(error.message).toMatch(/^has 2000 scanned pages without a text layer; annals OCRs at most 200 pages/);
    expect(error.message).toContain("split it into parts");
  }, 60_000);

  it("a truncated PDF", async () => {
    const whole = await writePdf([["Some text."]]);
    const error = await failure(whole.slice(0, 40));
    expect(error.message.split("\n")).toHaveLength(1);
    expect(error.message).toMatch(/not a readable PDF|could not be read as PDF/);
  });

  it("a hand-written PDF whose page has text reads like one pdf-lib writes", async () => {
    const stream = "BT /F1 12 Tf 72 720 Td (Hand written text.) Tj ET";
    const document = await readOne(
      handWrittenPdf([
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
      ]),
    );
    expect(document.text).toBe("Hand written text.");
  });
});
