import JSZip from "jszip";
import type { InputError } from "../../core/errors.js";

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** More than any real document part; a ZIP bomb stops here instead of filling memory. */
const MAX_ENTRY_BYTES = 64 * 1024 * 1024;

/** A ZIP file whose bytes name `marker` (an entry name or the mimetype, which ZIP stores uncompressed). */
export function isZipWith(bytes: Uint8Array, marker: string): boolean {
  if (!ZIP_MAGIC.every((byte, i) => bytes[i] === byte)) return false;
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(marker) >= 0;
}

/** A package (ODT, EPUB) whose entries are read as text, each bounded in size. */
export interface ZipPackage {
  has(name: string): boolean;
  /** The entry as UTF-8 text; undefined when absent. */
  text(name: string): Promise<string | undefined>;
}

/** Opens the ZIP; `corrupt` turns a failure into the format's one-line reason. */
export async function openZipPackage(bytes: Uint8Array, corrupt: (reason: string) => InputError): Promise<ZipPackage> {
  const zip = await JSZip.loadAsync(bytes).catch((error: unknown) => {
    throw corrupt(error instanceof Error ? error.message : String(error));
  });
  return {
    has: (name) => zip.file(name) !== null,
    text: async (name) => {
      const entry = zip.file(name);
      if (!entry) return undefined;
      const chunks: Buffer[] = [];
      let size = 0;
      await new Promise<void>((resolve, reject) => {
        const stream = entry.nodeStream("nodebuffer");
        stream.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_ENTRY_BYTES) {
            stream.pause();
            reject(corrupt(`${name} unpacks to more than ${MAX_ENTRY_BYTES / 1024 / 1024} MiB`));
          } else chunks.push(chunk);
        });
        stream.on("end", resolve);
        stream.on("error", (error: Error) => reject(corrupt(`${name}: ${error.message}`)));
      });
      return Buffer.concat(chunks).toString("utf8");
    },
  };
}
