import type { TextEdit } from "./edits.js";

/** Prefixes whose compounds keep their hyphen when broken at a line end ("self-\nevident"). */
const HYPHEN_KEEPING_PREFIXES = new Set(["self", "quasi"]);

const LINE_END_BREAK = /(\p{L}+)[-‐‑­¬~][ \t]*\r?\n[ \t]*(\p{Ll}+)/gu;
/** OCR reads a hyphen as a tilde: "post~coup". */
const TILDE_HYPHEN = /(?<=\p{L})~(?=\p{L})/gu;

export interface HyphenRepair extends TextEdit {
  kind: "rejoined" | "line-break-removed" | "tilde";
}

/**
 * Words broken across a line end ("morn-\ning") are rejoined ("morning"); a compound whose joined
 * form the document never uses but whose hyphenated form it does, or whose first part is a
 * hyphen-keeping prefix, keeps its hyphen and loses only the line break.
 */
export function findHyphenRepairs(text: string): HyphenRepair[] {
  const repairs: HyphenRepair[] = [];
  const vocabulary = wordCounts(text);
  for (const match of text.matchAll(LINE_END_BREAK)) {
    const [whole, head, tail] = match as unknown as [string, string, string];
    const hyphenAt = match.index + head.length;
    const lower = head.toLowerCase();
    const joined = `${lower}${tail}`;
    const keepHyphen =
      !vocabulary.has(joined) && (HYPHEN_KEEPING_PREFIXES.has(lower) || vocabulary.has(`${lower}-${tail}`));
    repairs.push({
      start: hyphenAt + (keepHyphen ? 1 : 0),
      end: match.index + whole.length - tail.length,
      text: "",
      kind: keepHyphen ? "line-break-removed" : "rejoined",
    });
  }
  for (const match of text.matchAll(TILDE_HYPHEN)) {
    repairs.push({ start: match.index, end: match.index + 1, text: "-", kind: "tilde" });
  }
  return repairs.sort((a, b) => a.start - b.start);
}

function wordCounts(text: string): Set<string> {
  const words = new Set<string>();
  for (const match of text.matchAll(/\p{L}+(?:-\p{L}+)*/gu)) words.add(match[0].toLowerCase());
  return words;
}
