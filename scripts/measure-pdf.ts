/**
 * `npx tsx scripts/measure-pdf.ts [pages]`: PDF text-layer extraction speed (MB of PDF and of text a second) on a
 * generated PDF, and OCR seconds per page with its character error rate on pages rendered from known text.
 */
import { readBinary } from "../src/parse/binary/index.js";
import { recognize } from "../src/parse/binary/ocr/tesseract.js";
import { writePdf } from "../test/parse/binary/make-pdf.js";
import { addNoise, characterErrorRate, renderPage } from "../test/parse/binary/scan.js";

const pageCount = Number(process.argv[2] ?? "200");
const line = (i: number) => `Line ${i}: the air of tension in Baghdad dissipated.`;
const pages = Array.from({ length: pageCount }, (_, p) => Array.from({ length: 40 }, (_, i) => line(p * 40 + i)));
const pdf = await writePdf(pages);
// pdf.js loads its worker module on first use (seconds on a busy machine): not part of the rate.
await readBinary(await writePdf([["warm-up"]]), "warm-up.pdf");
const started = performance.now();
const [document] = (await readBinary(pdf, "measure.pdf"))!;
const seconds = (performance.now() - started) / 1000;
const mb = (n: number) => n / 1024 / 1024;
console.log(
  `PDF text layer: ${pageCount} pages, ${mb(pdf.length).toFixed(2)} MB of PDF, ${mb(document!.text.length).toFixed(2)} MB of text in ${seconds.toFixed(2)} s: ` +
    `${(mb(pdf.length) / seconds).toFixed(2)} MB/s of PDF, ${(mb(document!.text.length) / seconds).toFixed(2)} MB/s of text, ${(pageCount / seconds).toFixed(0)} pages/s`,
);

// Varied lines: identical monospaced lines make tesseract read the page as columns.
const reference = [
  "The air of tension in Baghdad dissipated",
  "somewhat after the government lifted the",
  "curfew and once again permitted private",
  "vehicles on the streets. Neither the city",
  "nor its new rulers are, however, at ease.",
  "Troops are still very much in evidence.",
];
const page = renderPage(await writePdf([reference]), 200, "pgm");
for (const noise of [0, 0.02, 0.05]) {
  const t = performance.now();
  const [read] = await recognize(addNoise(page, noise), { languages: "eng", task: "measure" });
  const cer = characterErrorRate(read!.text, reference.join("\n"));
  console.log(
    `OCR (tesseract eng, 200 dpi, 6 lines, noise ${noise * 100}%): ${((performance.now() - t) / 1000).toFixed(2)} s/page, ` +
      `CER ${(cer * 100).toFixed(2)}%, mean confidence ${read!.report.meanConfidence}`,
  );
}
