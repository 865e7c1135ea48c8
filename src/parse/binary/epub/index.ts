import { InputError } from "../../../core/errors.js";
import { dublinCore, EPUB_PACKAGE } from "../dublin-core.js";
import { documentsFromHtml } from "../html-package.js";
import type { BinaryReader } from "../types.js";
import { isZipWith, openZipPackage } from "../zip-package.js";
import { packagePath, spinePaths } from "./package-document.js";

const EPUB_MIMETYPE = "application/epub+zip";
/** A book has hundreds of chapters at most; a spine past this is not a book. */
const MAX_CHAPTERS = 5_000;

/**
 * EPUB 2 and 3: the chapters of the spine in reading order, each one's body, read together by the
 * HTML reader (their headings become sections); title, author, date and language from the package
 * document. Books with DRM (an encryption.xml that encrypts content) are refused.
 */
export const epubReader: BinaryReader = {
  name: "EPUB",
  detect: (bytes) => isZipWith(bytes, EPUB_MIMETYPE),
  async read(bytes, path) {
    const zip = await openZipPackage(bytes, corrupt);
    const opfPath = packagePath((await zip.text("META-INF/container.xml")) ?? "");
    const opf = opfPath === undefined ? undefined : await zip.text(opfPath);
    if (opfPath === undefined || opf === undefined)
      throw corrupt("it names no package document in META-INF/container.xml");
    const chapters = spinePaths(opf, opfPath).slice(0, MAX_CHAPTERS);
    if (chapters.length === 0) throw corrupt("its spine lists no chapter");
    if (/<(?:\w+:)?EncryptedData\b/.test((await zip.text("META-INF/encryption.xml")) ?? ""))
      throw new InputError(
        "is an EPUB with DRM (its chapters are encrypted); export it without DRM from the application that bought it",
        "encrypted-epub",
      );
    const bodies: string[] = [];
    for (const chapter of chapters) {
      const xhtml = await zip.text(chapter);
      if (xhtml !== undefined) bodies.push(`<section>${bodyOf(xhtml)}</section>`);
    }
    const meta = dublinCore(opf, EPUB_PACKAGE);
    // <main> holds every chapter: otherwise the HTML reader would keep only the longest as the page's content.
    const html = `<!DOCTYPE html><html><body><main>${bodies.join("\n")}</main></body></html>`;
    return documentsFromHtml(html, path, "epub", meta);
  },
};

function bodyOf(xhtml: string): string {
  const open = /<body\b[^>]*>/i.exec(xhtml);
  if (!open) return xhtml;
  const start = open.index + open[0].length;
  const end = xhtml.lastIndexOf("</body");
  return xhtml.slice(start, end > start ? end : undefined);
}

function corrupt(reason: string): InputError {
  return new InputError(
    `is not a readable EPUB (${reason}); check that the file is complete, or export the book again`,
    "malformed-epub",
  );
}
