import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { SourceDocument } from "../../src/core/document.js";
import { decode } from "../../src/decode/index.js";
import { parse } from "../../src/parse/index.js";
import type { Mention } from "../../src/annotate/mentions/index.js";
import { extractMentions } from "../../src/annotate/mentions/index.js";
import type { SegmentedParagraph } from "../../src/segment/index.js";
import { segmentParagraphs } from "../../src/segment/index.js";

const SEEDS = join(import.meta.dirname, "..", "fixtures", "seeds");
const FILES: Record<string, string> = {
  "000": "000_9315912dd29048b6.txt",
  "001": "001_a1811954c3257b7d.txt",
  "002": "002_5e19db3785d89ebe.txt",
  "003": "003_13c8e684e0ef8877.txt",
};

export interface Seed {
  document: SourceDocument;
  paragraphs: SegmentedParagraph[];
  mentions: Mention[];
}

const cache = new Map<string, Seed>();

export function seed(id: string): Seed {
  let found = cache.get(id);
  if (!found) {
    const path = join(SEEDS, FILES[id]!);
    const [document] = parse(decode(readFileSync(path), path));
    const paragraphs = [...segmentParagraphs(document!.text)];
    found = { document: document!, paragraphs, mentions: extractMentions(document!, paragraphs) };
    cache.set(id, found);
  }
  return found;
}

export interface ExpectedEntity {
  name: string;
  also?: string[];
  in: string[];
}

export const expected = JSON.parse(readFileSync(join(SEEDS, "expected.json"), "utf8")) as {
  people: ExpectedEntity[];
  organizations: ExpectedEntity[];
  places: ExpectedEntity[];
};

/** Offsets of whole-word occurrences of `form` in `text`. */
export function occurrences(text: string, form: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) {
    const before = text[at - 1] ?? " ";
    const after = text[at + form.length] ?? " ";
    if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) found.push(at);
  }
  return found;
}
