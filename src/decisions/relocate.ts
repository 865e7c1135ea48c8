import type { ResolutionDocument } from "../resolve/types.js";
import type { MentionAnchor } from "./types.js";

/**
 * Where an anchored mention is now. Its document unchanged: where it was. Its document changed: the
 * one place in the document now at its path where its text stands between the same prefix and
 * suffix (else between the same suffix, else after the same prefix); undefined when none or several.
 */
export function relocateMention(
  anchor: MentionAnchor,
  documents: readonly ResolutionDocument[],
  textOf: (documentId: string) => string | undefined,
): { documentId: string; start: number; end: number } | undefined {
  if (documents.some((d) => d.id === anchor.document))
    return { documentId: anchor.document, start: anchor.start, end: anchor.end };
  if (anchor.path === undefined) return undefined;
  const successor = documents.find((d) => d.path === anchor.path);
  const text = successor && textOf(successor.id);
  if (!successor || text === undefined) return undefined;
  const prefix = anchor.prefix ?? "";
  const suffix = anchor.suffix ?? "";
  for (const [before, after] of [
    [prefix, suffix],
    ["", suffix],
    [prefix, ""],
  ] as const) {
    if (before === "" && after === "" && (prefix !== "" || suffix !== "")) continue;
    const at = uniqueIndex(text, before + anchor.text + after);
    if (at !== undefined) {
      const start = at + before.length;
      return { documentId: successor.id, start, end: start + anchor.text.length };
    }
  }
  return undefined;
}

function uniqueIndex(text: string, needle: string): number | undefined {
  const first = text.indexOf(needle);
  if (first < 0 || text.indexOf(needle, first + 1) >= 0) return undefined;
  return first;
}
