import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/core/errors.js";
import { readBinary } from "../../../src/parse/binary/index.js";
import { recognize } from "../../../src/parse/binary/ocr/tesseract.js";
import { writePdf } from "./make-pdf.js";
import { addNoise, characterErrorRate, HAVE_OCR, renderPage, requireOcr } from "./scan.js";

// From the President's Intelligence Checklist of 25 November 1963 (CIA, public domain), typed anew.
const LINES = [
  "The air of tension in Baghdad dissipated",
  "somewhat after the government lifted the",
  "curfew and once again permitted private",
  "vehicles on the streets. Neither the city",
  "nor its new rulers are, however, at ease.",
  "Troops are still very much in evidence.",
];
const REFERENCE = LINES.join("\n");

async function scannedPdf(png: Uint8Array): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const image = await pdf.embedPng(png);
  const page = pdf.addPage([612, 792]);
  page.drawImage(image, { x: 0, y: 0, width: 612, height: 792 });
  return pdf.save();
}

describe.runIf(HAVE_OCR)("OCR of scanned pages (tesseract)", () => {
  it("measures the character error rate: a page of other text is far off", () => {
    expect(characterErrorRate(REFERENCE, REFERENCE)).toBe(0);
    expect(characterErrorRate("Troops are still very much in evidence.", REFERENCE)).toBeGreaterThan(0.5);
  });

  it("reads a clean 200 dpi page with a character error rate under 2%, keeping word confidences", async () => {
    const page = renderPage(await writePdf([LINES]), 200, "pgm");
    const [recognized] = await recognize(page, { languages: "eng", task: "test" });
    expect(characterErrorRate(recognized!.text, REFERENCE)).toBeLessThan(0.02);
    expect(recognized!.report.words).toBe(REFERENCE.split(/\s+/).length);
    expect(recognized!.report.meanConfidence).toBeGreaterThan(80);
  }, 60_000);

  it("reads the same page with 2% salt-and-pepper noise under 5% character errors", async () => {
    const clean = renderPage(await writePdf([LINES]), 200, "pgm");
    const [noisy] = await recognize(addNoise(clean, 0.02), { languages: "eng", task: "test" });
    expect(characterErrorRate(noisy!.text, REFERENCE)).toBeLessThan(0.05);
  }, 60_000);

  it("OCRs a PDF page that has no text layer, and says so on the page", async () => {
    const png = renderPage(await writePdf([LINES]), 200, "png");
    const [document] = (await readBinary(await scannedPdf(png), "scan.pdf"))!;
    expect(characterErrorRate(document!.text, REFERENCE)).toBeLessThan(0.02);
    expect(document!.pages).toHaveLength(1);
    expect(document!.pages![0]!.ocr).toMatchObject({ engine: "tesseract", languages: "eng" });
    expect(document!.pages![0]!.ocr!.meanConfidence).toBeGreaterThan(80);
  }, 60_000);

  it("tells how many scanned pages are done, page by page, for the progress bar", async () => {
    const png = renderPage(await writePdf([LINES]), 100, "png");
    const pdf = await PDFDocument.create();
    const image = await pdf.embedPng(png);
    for (let i = 0; i < 2; i++) pdf.addPage([612, 792]).drawImage(image, { x: 0, y: 0, width: 612, height: 792 });
    pdf
      .addPage([612, 792])
      .drawText("A page with a text layer of its own, read without OCR at all.", { x: 50, y: 700, size: 12 });
    const told: [number, number][] = [];
    await readBinary(await pdf.save(), "scan.pdf", (done, total) => told.push([done, total]));
    expect(told).toEqual([
      [0, 2],
      [1, 2],
      [2, 2],
    ]);
  }, 60_000);

  it("reads a PNG scan as an image document", async () => {
    const png = renderPage(await writePdf([LINES]), 200, "png");
    const [document] = (await readBinary(png, "scan.png"))!;
    expect(document!.format).toBe("image");
    expect(document!.title).toBe(LINES[0]);
    expect(characterErrorRate(document!.text, REFERENCE)).toBeLessThan(0.02);
  }, 60_000);

  it("keeps each OCR'd word's span of the text, its box on the page image and its confidence", async () => {
    const png = renderPage(await writePdf([LINES]), 200, "png");
    const [document] = (await readBinary(png, "scan.png"))!;
    const page = document!.pages![0]!;
    const words = page.words!;
    expect(words).toHaveLength(page.ocr!.words);
    expect(words.map((word) => document!.text.slice(word.start, word.end)).join(" ")).toBe(
      document!.text.replace(/\s+/g, " "),
    );
    const { width, height } = page.ocr!;
    for (const { box, confidence } of words) {
      expect(box[0] + box[2]).toBeLessThanOrEqual(width!);
      expect(box[1] + box[3]).toBeLessThanOrEqual(height!);
      expect(confidence).toBeGreaterThanOrEqual(0);
      expect(confidence).toBeLessThanOrEqual(100);
    }
    const boxOf = (text: string) => words.find((word) => document!.text.slice(word.start, word.end) === text)!.box;
    expect(boxOf("Baghdad")[1]).toBeLessThan(boxOf("Troops")[1]);
    expect(boxOf("tension")[0]).toBeLessThan(boxOf("Baghdad")[0]);
  }, 60_000);

  it("refuses an image with no text in it, in one line", async () => {
    const blank = renderPage(await writePdf([[]]), 100, "png");
    const error = await readBinary(blank, "photo.png").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toMatch(/^is an image in which OCR found no text \(0 word/);
  }, 60_000);
});

if (!HAVE_OCR) requireOcr();
