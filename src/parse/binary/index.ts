import { createHash } from "node:crypto";
import type { SourceDocument } from "../../core/document.js";
import { InputError } from "../../core/errors.js";
import { docxReader } from "./docx/index.js";
import { epubReader } from "./epub/index.js";
import { imageReader } from "./image.js";
import { odtReader } from "./odt/index.js";
import { pdfReader } from "./pdf/index.js";
import { xlsxReader } from "./xlsx.js";
import type { BinaryReader, PageProgress } from "./types.js";

export type { BinaryReader, PageProgress } from "./types.js";

export const binaryReaders: readonly BinaryReader[] = [
  pdfReader,
  imageReader,
  docxReader,
  odtReader,
  epubReader,
  xlsxReader,
];

/** Documents of a binary file some binary reader detects; undefined when none does (the bytes are decoded as text). */
export async function readBinary(
  bytes: Uint8Array,
  path: string,
  onPage?: PageProgress,
): Promise<SourceDocument[] | undefined> {
  const reader = binaryReaders.find((candidate) => candidate.detect(bytes, path));
  if (!reader) return undefined;
  let parsed;
  try {
    parsed = await reader.read(bytes, path, onPage);
  } catch (error) {
    if (error instanceof InputError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new InputError(
      `could not be read as ${reader.name} (${reason}); check that the file is complete, or export it again`,
      `malformed-${reader.name.toLowerCase()}`,
    );
  }
  const contentHash = createHash("sha256").update(bytes).digest("hex");
  return parsed.map(({ part, ...document }) => ({
    ...document,
    id: part === undefined ? contentHash : `${contentHash}#${part}`,
    path,
    decoding: { encoding: reader.name, bom: false, mojibakeRepairs: 0, invalidByteOffsets: [] },
  }));
}
