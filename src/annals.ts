import type { DocumentFormat, DocumentKind } from "./core/document.js";
import { decode } from "./decode/index.js";
import { parse } from "./parse/index.js";
import { documentReferenceDate, extractDates } from "./annotate/dates/index.js";
import { ingest, type IngestOptions, type IngestReport } from "./ingest/ingest.js";
import { openStore, type SearchOptions, type SearchResult, type Store } from "./store/index.js";

export interface DocumentListing {
  id: string;
  path: string;
  title: string;
  format: DocumentFormat;
  kind: DocumentKind;
  date?: string;
  derivedFrom?: { id: string; path: string; similarity: number };
  nearDuplicates?: { id: string; path: string; similarity: number }[];
}

export interface Annotation {
  mentions: { start: number; end: number; text: string; type: string; extractor: string }[];
  dates: { start: number; end: number; text: string; value: string; precision: string; extractor: string }[];
}

/** The knowledge base: what the CLI, the HTTP API and the web UI all call. */
export class Annals {
  private constructor(
    readonly store: Store,
    private readonly dbPath: string,
  ) {}

  static open(dbPath: string): Annals {
    return new Annals(openStore(dbPath), dbPath);
  }

  /** Ingests files and folders, never the knowledge base's own files. */
  add(paths: readonly string[], options: IngestOptions = {}): Promise<IngestReport> {
    const ownFiles = ["", "-wal", "-shm", "-journal"].map((suffix) => this.dbPath + suffix);
    return ingest(this.store, paths, { ...options, ignore: [...(options.ignore ?? []), ...ownFiles] });
  }

  documents(): DocumentListing[] {
    const byId = new Map(this.store.listDocuments().map((d) => [d.id, d]));
    const listings = new Map<string, DocumentListing>();
    for (const d of byId.values()) {
      listings.set(d.id, {
        id: d.id,
        path: d.path,
        title: d.title,
        format: d.format,
        kind: d.kind,
        ...(d.date ? { date: d.date } : {}),
      });
    }
    for (const relation of this.store.documentRelations()) {
      const listing = listings.get(relation.documentId);
      const related = byId.get(relation.relatedId);
      if (!listing || !related) continue;
      const ref = { id: related.id, path: related.path, similarity: relation.similarity };
      if (relation.relation === "derived-from") {
        if (!listing.derivedFrom || listing.derivedFrom.similarity < ref.similarity) listing.derivedFrom = ref;
      } else {
        (listing.nearDuplicates ??= []).push(ref);
      }
    }
    return [...listings.values()];
  }

  search(query: string, options: SearchOptions = {}): SearchResult {
    return this.store.search(query, options);
  }

  close(): void {
    this.store.close();
  }
}

/**
 * Dates (and, once extraction lands, mentions) in a text, with offsets into that text as given.
 * The text is decoded and parsed like an ingested file so its own date anchors relative dates.
 */
export function annotate(bytes: Uint8Array, path: string): Annotation {
  const source = decode(bytes, path);
  const dates: Annotation["dates"] = [];
  for (const document of parse(source)) {
    const referenceDate = documentReferenceDate(document.text, document.metadata.date);
    for (const date of extractDates(document.text, referenceDate ? { referenceDate } : {})) {
      const [start, end] = document.map.spanToSource(date.start, date.end);
      dates.push({
        start,
        end,
        text: source.original.slice(start, end),
        value: date.value,
        precision: date.precision,
        extractor: date.extractor,
      });
    }
  }
  return { mentions: [], dates };
}
