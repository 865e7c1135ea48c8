import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { withRenderedPages } from "../parse/binary/ocr/render.js";
import type { Store } from "../store/store.js";

/** A page image for the reader, or why there is none: 404 no such page, 410 the file is gone or changed, 415 not viewable. */
export type PageImage =
  | { ok: true; contentType: string; bytes: Uint8Array }
  | { ok: false; status: 404 | 410 | 415; code: string; reason: string };

/** Screen resolution: a letter page is about 850 × 1100 pixels, a few hundred kilobytes of PNG. */
const VIEW_DPI = 100;
const STORED_IMAGES: readonly { contentType: string; magic: readonly number[] }[] = [
  { contentType: "image/png", magic: [0x89, 0x50, 0x4e, 0x47] },
  { contentType: "image/jpeg", magic: [0xff, 0xd8, 0xff] },
];

const refuse = (status: 404 | 410 | 415, code: string, reason: string): PageImage => ({
  ok: false,
  status,
  code,
  reason,
});

/**
 * The image of page `number` of a PDF or scan, read from the original file the store remembers: a PDF
 * page rendered by pdftoppm, a PNG or JPEG scan as it is. The file must still hold the bytes that were
 * ingested (its hash is the document id).
 */
export async function pageImage(store: Store, id: string, number: number): Promise<PageImage> {
  const stored = store.getDocument(id)?.document;
  if (!stored) return refuse(404, "not-found", `no document ${JSON.stringify(id)}`);
  if (stored.format !== "pdf" && stored.format !== "image")
    return refuse(
      404,
      "no-page-images",
      `${stored.path} is a ${stored.format} document; only PDFs and scans have page images`,
    );
  const pages = stored.pages ?? [];
  if (!pages.some((page) => page.number === number))
    return refuse(
      404,
      "no-such-page",
      `${stored.path} has no page ${number} (pages ${pages[0]?.number ?? 1}–${pages.at(-1)?.number ?? 1})`,
    );
  let bytes: Uint8Array;
  try {
    bytes = await readFile(stored.path);
  } catch {
    return refuse(
      410,
      "file-gone",
      `the original file ${stored.path} is no longer there; put it back, or add it again from where it is now`,
    );
  }
  if (createHash("sha256").update(bytes).digest("hex") !== id.split("#")[0])
    return refuse(
      410,
      "file-changed",
      `${stored.path} changed since it was added; run \`annals add ${stored.path}\` to read it again`,
    );
  if (stored.format === "pdf") {
    const [png] = await withRenderedPages(bytes, [number], async (_, image) => image, {
      dpi: VIEW_DPI,
      task: "for the reader",
    });
    return { ok: true, contentType: "image/png", bytes: png! };
  }
  const stillImage = STORED_IMAGES.find((kind) => kind.magic.every((byte, i) => bytes[i] === byte));
  if (!stillImage)
    return refuse(
      415,
      "not-viewable",
      `${stored.path} is a TIFF scan, which browsers cannot show; convert it to PNG to see its pages`,
    );
  return { ok: true, contentType: stillImage.contentType, bytes };
}

/** The last `capacity` page images asked for, kept so paging back and forth does not render again. */
export class PageImageCache {
  private readonly images = new Map<string, Promise<PageImage>>();

  constructor(
    private readonly store: Store,
    private readonly capacity = 32,
  ) {}

  get(id: string, number: number): Promise<PageImage> {
    const key = `${id}\u0000${number}`;
    const cached = this.images.get(key);
    if (cached) {
      this.images.delete(key);
      this.images.set(key, cached);
      return cached;
    }
    const image = pageImage(this.store, id, number);
    this.images.set(key, image);
    void image.then(
      (result) => {
        if (!result.ok) this.images.delete(key);
      },
      () => this.images.delete(key),
    );
    while (this.images.size > this.capacity) this.images.delete(this.images.keys().next().value!);
    return image;
  }
}
