import type { SourceDocument, TextFormat } from "../core/document.js";
import type { DecodedSource } from "../decode/decoded-source.js";

/**
 * What a reader returns for one document. `map` maps `text` offsets to offsets in the
 * `DecodedSource.text` it read; `parse()` composes it down to the original file.
 */
export type ParsedDocument = Omit<SourceDocument, "id" | "path" | "decoding"> & {
  /** Distinguishes several documents in one file (TEI div xml:id); becomes `id#part`. */
  part?: string;
};

export interface Reader {
  readonly format: TextFormat;
  /** How sure the reader is that it can read this source, 0 (not at all) to 1 (certain). */
  detect(source: DecodedSource): number;
  read(source: DecodedSource): ParsedDocument[];
}
