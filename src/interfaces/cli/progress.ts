import { basename } from "node:path";
import type { IngestProgress } from "../../ingest/ingest.js";

const WIDTH = 30;

/** A progress bar on stderr, drawn only when stderr is a terminal. */
export function progressBar(): { update: (progress: IngestProgress) => void; done: () => void } {
  const stream = process.stderr;
  if (!stream.isTTY) return { update: () => {}, done: () => {} };
  const started = Date.now();
  let lastDraw = 0;
  return {
    update(progress) {
      const now = Date.now();
      if (now - lastDraw < 100 && progress.filesDone < progress.filesFound) return;
      lastDraw = now;
      const fraction = progress.filesFound === 0 ? 0 : progress.filesDone / progress.filesFound;
      const filled = Math.round(fraction * WIDTH);
      const seconds = Math.max(0.001, (now - started) / 1000);
      const rate = progress.bytesDone / 1e6 / seconds;
      const total = progress.discovering ? `${progress.filesFound}+` : String(progress.filesFound);
      const ocr = progress.ocr
        ? ` · OCR ${basename(progress.ocr.path)} page ${progress.ocr.pagesDone}/${progress.ocr.pagesTotal}`
        : "";
      stream.write(
        `\r\x1b[K[${"#".repeat(filled)}${" ".repeat(WIDTH - filled)}] ${progress.filesDone}/${total} files ${rate.toFixed(1)} MB/s${ocr} `,
      );
    },
    done() {
      stream.write("\r\x1b[K");
    },
  };
}
