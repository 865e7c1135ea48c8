import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { Section, SourceDocument } from "../../src/core/document.js";
import { textDocument } from "../../src/core/text-document.js";
import { buildPassages } from "../../src/search/passages.js";
import { openStore } from "../../src/store/index.js";
import type { DocumentRecord } from "../../src/store/store.js";

export const SEEDS_DIR = join(import.meta.dirname, "..", "fixtures", "seeds");

/** A SourceDocument made directly from a string, with an identity offset map. */
export function makeDocument(id: string, text: string, fields: Partial<SourceDocument> = {}): SourceDocument {
  return { ...textDocument(text, id), ...fields };
}

export function makeRecord(document: SourceDocument, extra: Partial<DocumentRecord> = {}): DocumentRecord {
  return { document, passages: buildPassages(document), dates: [], ...extra };
}

/** Sections of a wiki-style text: one per `==Title==` line, running to the next heading. */
export function wikiSections(text: string): Section[] {
  const headings = [...text.matchAll(/^(={2,})\s*(.+?)\s*\1\s*$/gm)];
  return headings.map((m, i) => ({
    title: m[2]!,
    level: m[1]!.length - 1,
    start: m.index,
    end: i + 1 < headings.length ? headings[i + 1]!.index : text.length,
  }));
}

/**
 * What the readers say about each seed beyond its text: the plain-text reader calls the token dump
 * 000 "derived", the encyclopedia reader gives 001 and 003 their `==Section==` sections, and 002
 * carries its own date (expected.json "documents").
 */
const SEED_FIELDS: Record<string, Partial<SourceDocument>> = {
  "000": { kind: "derived" },
  "001": { kind: "encyclopedia" },
  "002": { kind: "primary", metadata: { date: "1958-12-18" } },
  "003": { kind: "encyclopedia" },
};

/** The four seed documents, named by the first three characters of their file names. */
export function seedDocuments(): SourceDocument[] {
  return readdirSync(SEEDS_DIR)
    .filter((name) => name.endsWith(".txt"))
    .sort()
    .map((name) => {
      // The decoder repairs this mojibake at ingest; these documents skip the decoder.
      const text = readFileSync(join(SEEDS_DIR, name), "utf8").replaceAll("â€“", "–");
      const id = name.slice(0, 3);
      return makeDocument(id, text, { path: name, title: id, sections: wikiSections(text), ...SEED_FIELDS[id] });
    });
}

/** A knowledge base at `path` holding the seed documents' passages (no extraction). */
export function storeSeedPassages(path: string): void {
  const store = openStore(path);
  for (const document of seedDocuments()) {
    const file = { path: document.path, contentHash: document.id, size: document.text.length, mtimeMs: 0 };
    store.replaceFile(file, [makeRecord(document)]);
  }
  store.close();
}
