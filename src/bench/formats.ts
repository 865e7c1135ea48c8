import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { characterErrorRate } from "../eval/character-error-rate.js";
import { readBinary } from "../parse/binary/index.js";

/**
 * PDF text extraction and OCR, each beside a reference run on the same input: poppler's `pdftotext`
 * for the text layer, the `tesseract` program alone for a scanned page (our reader adds the TSV
 * parse, the clean-up and, on a badly read page, a second language).
 */

const WORDS =
  "the government announced that troops entered the capital after the council met with officers of the army and the party while ministers in Baghdad and Damascus said the revolution would continue".split(
    " ",
  );

/** Deterministic typed-page lines of about 60 characters. */
function lines(page: number, count: number): string[] {
  let seed = page * 7919 + 1;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  return Array.from({ length: count }, () => {
    let line = "";
    while (line.length < 60) line += `${line ? " " : ""}${WORDS[next() % WORDS.length]}`;
    return line;
  });
}

async function writePdf(pages: string[][]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Courier);
  for (const pageLines of pages) {
    const page = pdf.addPage([612, 792]);
    pageLines.forEach((line, i) => page.drawText(line, { x: 72, y: 720 - 14 * i, size: 11, font }));
  }
  return pdf.save();
}

const seconds = (started: number) => (performance.now() - started) / 1000;

/** The best of `runs` timings: the machine is shared, the minimum is the least disturbed. */
async function best(runs: number, run: () => unknown): Promise<number> {
  let fastest = Infinity;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await run();
    fastest = Math.min(fastest, seconds(started));
  }
  return fastest;
}

export interface FormatsBench {
  pdf: { pages: number; megabytes: number; textMegabytes: number; annals: number; pdftotext: number };
  ocr: { pages: number; annals: number; tesseract: number; characterErrorRate: number };
}

export async function benchFormats(workDir: string, pdfPages = 200, ocrPages = 3): Promise<FormatsBench> {
  const dir = join(workDir, "formats");
  mkdirSync(dir, { recursive: true });
  const pages = Array.from({ length: pdfPages }, (_, i) => lines(i, 45));
  const pdfPath = join(dir, "text-layer.pdf");
  writeFileSync(pdfPath, await writePdf(pages));
  const bytes = new Uint8Array(readFileSync(pdfPath));
  let textLength = 0;
  const annals = await best(3, async () => {
    textLength = (await readBinary(bytes, pdfPath))![0]!.text.length;
  });
  const pdftotext = await best(3, () => execFileSync("pdftotext", [pdfPath, "-"], { maxBuffer: 256 * 1024 * 1024 }));

  let annalsOcr = 0;
  let tesseract = 0;
  let errors = 0;
  for (let i = 0; i < ocrPages; i++) {
    const source = lines(1000 + i, 40);
    const onePage = join(dir, `scan-${i}.pdf`);
    writeFileSync(onePage, await writePdf([source]));
    const image = join(dir, `scan-${i}`);
    execFileSync("pdftoppm", ["-r", "200", "-png", "-singlefile", onePage, image]);
    const png = new Uint8Array(readFileSync(`${image}.png`));
    let text = "";
    annalsOcr += await best(1, async () => {
      text = (await readBinary(png, `${image}.png`))![0]!.text;
    });
    tesseract += await best(1, () => execFileSync("tesseract", [`${image}.png`, "stdout", "-l", "eng", "tsv"]));
    errors += characterErrorRate(text, source.join("\n"));
  }
  return {
    pdf: {
      pages: pdfPages,
      megabytes: statSync(pdfPath).size / 1e6,
      textMegabytes: textLength / 1e6,
      annals,
      pdftotext,
    },
    ocr: {
      pages: ocrPages,
      annals: annalsOcr / ocrPages,
      tesseract: tesseract / ocrPages,
      characterErrorRate: errors / ocrPages,
    },
  };
}

export function renderFormatsBench(result: FormatsBench): string {
  const { pdf, ocr } = result;
  const rate = (megabytes: number, s: number) => (megabytes / s).toFixed(1);
  return [
    "## PDF text layer and OCR",
    "",
    `A ${pdf.pages}-page PDF written by pdf-lib (${pdf.megabytes.toFixed(2)} MB, ${pdf.textMegabytes.toFixed(2)} MB of text), and ${ocr.pages} pages of typed text rendered at 200 dpi; best of 3 runs for the PDF.`,
    "",
    "| task | annals | reference | reference is |",
    "| --- | --- | --- | --- |",
    `| PDF text extraction | ${pdf.annals.toFixed(2)} s, ${rate(pdf.megabytes, pdf.annals)} MB/s of PDF (${rate(pdf.textMegabytes, pdf.annals)} MB/s of text) | ${pdf.pdftotext.toFixed(2)} s, ${rate(pdf.megabytes, pdf.pdftotext)} MB/s | poppler \`pdftotext\` |`,
    `| OCR of a 200 dpi page | ${ocr.annals.toFixed(2)} s a page | ${ocr.tesseract.toFixed(2)} s a page | \`tesseract -l eng tsv\` alone |`,
    "",
    `Character error rate of annals' OCR text against the text the pages were rendered from: ${(100 * ocr.characterErrorRate).toFixed(2)}%.`,
    `Load average at the end of the run: ${loadavg()[0]!.toFixed(1)} (the machine is shared: compare each row with its reference, not across runs).`,
    "",
  ].join("\n");
}
