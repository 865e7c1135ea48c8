import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { it } from "vitest";

export const HAVE_OCR = existsSync("/usr/bin/tesseract") && existsSync("/usr/bin/pdftoppm");

/** Without tesseract the OCR tests are not skipped: one test fails and says how to install it. */
export function requireOcr(): void {
  it("needs tesseract and pdftoppm", () => {
    throw new Error(
      "tesseract or pdftoppm is missing: install them with apt-get install -y tesseract-ocr tesseract-ocr-eng tesseract-ocr-ara poppler-utils (.ci/run does so itself)",
    );
  });
}

/** Page 1 of a PDF rendered by pdftoppm: PNG, or grey PGM (P5) when `format` is "pgm". */
export function renderPage(pdf: Uint8Array, dpi: number, format: "png" | "pgm"): Uint8Array {
  const folder = mkdtempSync(join(tmpdir(), "annals-scan-"));
  try {
    writeFileSync(join(folder, "in.pdf"), pdf);
    const args = format === "png" ? ["-png"] : ["-gray"];
    execFileSync("pdftoppm", ["-r", String(dpi), "-f", "1", "-l", "1", ...args, "-singlefile", "in.pdf", "page"], {
      cwd: folder,
    });
    return readFileSync(join(folder, `page.${format}`));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Salt-and-pepper noise: a `rate` share of the pixels of a P5 PGM set black or white, from a fixed seed. */
export function addNoise(pgm: Uint8Array, rate: number, seed = 1963): Uint8Array {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(new TextDecoder("latin1").decode(pgm.subarray(0, 64)));
  if (!header) throw new Error("not a binary PGM");
  const out = pgm.slice();
  let state = seed;
  const random = () => (state = (state * 1103515245 + 12345) >>> 0) / 2 ** 32;
  for (let i = header[0].length; i < out.length; i++) if (random() < rate) out[i] = random() < 0.5 ? 0 : 255;
  return out;
}

export { characterErrorRate } from "../../../src/eval/character-error-rate.js";
