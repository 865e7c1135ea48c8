import { createHash } from "node:crypto";
import type { SourceDocument } from "../../core/document.js";
import { InputError } from "../../core/errors.js";
import type { BinaryReader } from "./types.js";
import { xlsxReader } from "./xlsx.js";

export type { BinaryReader } from "./types.js";

export const binaryReaders: readonly BinaryReader[] = [xlsxReader];

/** sha256 of a file's bytes, hex: the document id of what it holds. */
export function contentHashOf(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * The documents of a binary file (a spreadsheet, a PDF …), or undefined when no binary reader
 * recognises the bytes and they are to be decoded as text. A reader failure is an `InputError`.
 */
export async function readBinary(bytes: Uint8Array, path: string): Promise<SourceDocument[] | undefined> {
  const reader = binaryReaders.find((candidate) => candidate.detect(bytes, path));
  if (!reader) return undefined;
  let parsed;
  try {
    parsed = await reader.read(bytes, path);
  } catch (error) {
    if (error instanceof InputError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new InputError(
      `could not be read as ${reader.name}: ${reason}; check that the file is complete and opens in its own program`,
      `malformed-${reader.name.toLowerCase()}`,
    );
  }
  const hash = contentHashOf(bytes);
  return parsed.map(({ part, ...document }) => ({
    ...document,
    id: part === undefined ? hash : `${hash}#${part}`,
    path,
    decoding: { encoding: reader.name, bom: false, mojibakeRepairs: 0, invalidByteOffsets: [] },
  }));
}
