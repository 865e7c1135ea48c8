import type { DocumentRelationType, Store } from "../store/store.js";
import type { DocumentRef, DocumentView } from "./types.js";
import type { DateSource, DocumentFormat, DocumentKind } from "../core/document.js";

export interface DocumentListing {
  id: string;
  path: string;
  title: string;
  format: DocumentFormat;
  kind: DocumentKind;
  date?: string;
  /** Where the date came from: metadata, markup, or the text (dateline, form, first-date, file-name). */
  dateSource?: DateSource;
  derivedFrom?: DocumentRef & { similarity: number };
  nearDuplicates?: (DocumentRef & { similarity: number })[];
}

/** Every document (or those of `ids`) with the derived-copy and near-duplicate relations found between them. */
export function documentListings(store: Store, ids?: readonly string[]): DocumentListing[] {
  const listings = new Map<string, DocumentListing>();
  for (const d of store.listDocuments(ids ? { ids } : {})) {
    listings.set(d.id, {
      id: d.id,
      path: d.path,
      title: d.title,
      format: d.format,
      kind: d.kind,
      ...(d.date ? { date: d.date } : {}),
      ...(d.dateSource ? { dateSource: d.dateSource } : {}),
    });
  }
  for (const relation of store.documentRelations()) {
    const listing = listings.get(relation.documentId);
    const related = listings.get(relation.relatedId);
    if (!listing || !related) continue;
    const ref = { id: related.id, path: related.path, title: related.title, similarity: relation.similarity };
    if (relation.relation === "derived-from") {
      if (!listing.derivedFrom || listing.derivedFrom.similarity < ref.similarity) listing.derivedFrom = ref;
    } else {
      (listing.nearDuplicates ??= []).push(ref);
      (related.nearDuplicates ??= []).push({
        id: listing.id,
        path: listing.path,
        title: listing.title,
        similarity: relation.similarity,
      });
    }
  }
  return [...listings.values()];
}

/** What the documents list keeps: words of the title or path (case-insensitive), a kind. */
export interface DocumentListingFilter {
  text?: string;
  kind?: DocumentKind;
}

/** Whether the title or path holds `text` (already lower-cased); every document when there is none. */
function holdsText(document: { title?: string; path: string }, text: string | undefined): boolean {
  return !text || (document.title ?? "").toLowerCase().includes(text) || document.path.toLowerCase().includes(text);
}

export function filterListings(listings: DocumentListing[], filter: DocumentListingFilter): DocumentListing[] {
  const text = filter.text?.toLowerCase();
  return listings.filter((d) => (!filter.kind || d.kind === filter.kind) && holdsText(d, text));
}

/** Two documents worth comparing: a derived copy (`a`) and its original (`b`), or two near-duplicates. */
export interface DocumentPair {
  a: DocumentRef;
  b: DocumentRef;
  relation: DocumentRelationType;
  similarity: number;
}

/** What the pairs list keeps: pairs where either document's title or path holds `text`, of one relation. */
export interface DocumentPairFilter {
  text?: string;
  relation?: DocumentRelationType;
}

/** Every derived copy with its original and every two near-duplicates, most similar first. */
export function documentPairs(store: Store, filter: DocumentPairFilter = {}): DocumentPair[] {
  const refs = new Map(store.listDocuments({}).map((d) => [d.id, { id: d.id, path: d.path, title: d.title }]));
  const text = filter.text?.toLowerCase();
  const pairs: DocumentPair[] = [];
  for (const relation of store.documentRelations()) {
    const a = refs.get(relation.documentId);
    const b = refs.get(relation.relatedId);
    if (!a || !b || (filter.relation && relation.relation !== filter.relation)) continue;
    if (!holdsText(a, text) && !holdsText(b, text)) continue;
    pairs.push({ a, b, relation: relation.relation, similarity: relation.similarity });
  }
  return pairs.sort((x, y) => y.similarity - x.similarity || x.a.path.localeCompare(y.a.path));
}

/** One document for reading: text, structure, metadata and every mention with its entity. */
export function documentView(store: Store, id: string): DocumentView | undefined {
  const stored = store.getDocument(id);
  if (!stored) return undefined;
  const d = stored.document;
  const relatedIds = store
    .documentRelations()
    .filter((r) => r.documentId === id || r.relatedId === id)
    .flatMap((r) => [r.documentId, r.relatedId]);
  const listing = documentListings(store, [id, ...relatedIds]).find((l) => l.id === id);
  return {
    id: d.id,
    path: d.path,
    title: d.title,
    format: d.format,
    kind: d.kind,
    metadata: d.metadata,
    sections: d.sections,
    infobox: d.infobox,
    text: d.text,
    ...(d.pages ? { pages: d.pages } : {}),
    ...(d.furniture ? { furniture: d.furniture } : {}),
    mentions: store.knowledge.documentMentions(id),
    ...(listing?.derivedFrom ? { derivedFrom: listing.derivedFrom } : {}),
    ...(listing?.nearDuplicates ? { nearDuplicates: listing.nearDuplicates } : {}),
  };
}
