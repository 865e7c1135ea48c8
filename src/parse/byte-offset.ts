import type { DecodedSource } from "../decode/decoded-source.js";

/**
 * Byte offset in the file of character `offset` of `source.original`. Exact for valid input; where
 * invalid bytes were replaced by U+FFFD each counts as the bytes of one U+FFFD.
 */
export function byteOffsetOf(source: DecodedSource, offset: number): number {
  const { encoding, bom } = source.report;
  const prefix = source.original.slice(0, offset);
  if (encoding === "utf-16le" || encoding === "utf-16be") return (bom ? 2 : 0) + 2 * prefix.length;
  if (encoding === "windows-1252") return prefix.length;
  return (bom ? 3 : 0) + Buffer.byteLength(prefix, "utf8");
}
