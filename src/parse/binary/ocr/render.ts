import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runProgram } from "./run.js";

/** Tesseract reads typed pages best at 200–300 dpi; 200 keeps a letter page near 1 MB of pixels. */
export const RENDER_DPI = 200;
const RENDER_TIMEOUT_MS = 30_000;

/** Renders pages of a PDF to PNG with poppler's pdftoppm; `use` gets each page image in turn. */
export async function withRenderedPages<T>(
  pdf: Uint8Array,
  pageNumbers: readonly number[],
  use: (pageNumber: number, png: Uint8Array) => Promise<T>,
  purpose: { dpi: number; task: string } = { dpi: RENDER_DPI, task: "for OCR" },
): Promise<T[]> {
  const folder = await mkdtemp(join(tmpdir(), "annals-pdf-"));
  try {
    const input = join(folder, "input.pdf");
    await writeFile(input, pdf);
    const results: T[] = [];
    for (const pageNumber of pageNumbers) {
      const output = join(folder, `page-${pageNumber}`);
      const page = String(pageNumber);
      await runProgram(
        "pdftoppm",
        ["-r", String(purpose.dpi), "-f", page, "-l", page, "-png", "-singlefile", input, output],
        {
          timeoutMs: RENDER_TIMEOUT_MS,
          task: `rendering page ${pageNumber} ${purpose.task}`,
          maxOutputBytes: 1024 * 1024,
        },
      );
      results.push(await use(pageNumber, await readFile(`${output}.png`)));
      await rm(`${output}.png`, { force: true });
    }
    return results;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
