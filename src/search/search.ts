import type { DocumentKind } from "../core/document.js";
import { UsageError } from "../core/errors.js";
import { dateBounds } from "../core/date-bounds.js";
import type { FacetCount, FacetOptions, SearchFacets, SearchHit, SearchOptions, SearchResult } from "./types.js";
import type { ParsedQuery } from "../core/query-tree.js";
import { parseQuery, queryTexts } from "./query.js";
import { rankedPage } from "./ranking.js";
import { highlightRanges, highlighterFor } from "./highlight.js";
import { makeSnippet } from "./snippet.js";
import { storedLexicon, type LexiconTable } from "./vocabulary.js";
import { indexSegmenterWith, type Segmenter } from "../segment/index.js";

export const DEFAULT_LIMIT = 10;
export const MAX_LIMIT = 1000;
/** How many passages `countTotal` counts by default before it says "at least". */
export const DEFAULT_COUNT_AT_MOST = 10_000;

/** Filters as a backend applies them; dates are already day bounds (YYYY-MM-DD). */
export interface PassageFilters {
  documentIds?: readonly string[];
  kinds?: readonly DocumentKind[];
  /** Passages of documents dated on or after this day (a document's date is a range: it overlaps). */
  dateFrom?: string;
  dateTo?: string;
  section?: string;
  entityType?: "person" | "organization" | "place";
}

/** What a facet counts matching passages by. */
export type Facet = "kind" | "document" | "year" | "entityType";

export interface PassageMatch {
  documentId: string;
  path: string;
  title: string;
  section?: string;
  start: number;
  end: number;
  text: string;
  /** Higher is better. */
  score: number;
  /** The document is a derived copy of another stored document. */
  derived: boolean;
  /** The page the passage starts on, for documents with pages. */
  page?: number;
}

/**
 * What a backend provides for search: the best `limit` passages by index score (BM25, exact words
 * above transliteration keys), best first. "all" matches every clause; "rest" matches some clause
 * but not all; "any" is their union. Queries and hits are segmented with the index's lexicon.
 */
export interface PassageIndex extends LexiconTable {
  matchPassages(query: ParsedQuery, pass: "all" | "rest", filters: PassageFilters, limit: number): PassageMatch[];
  /** The matching passages, counted up to `atMost` (the count stops there: the cost is that of `atMost` rows). */
  countPassages(query: ParsedQuery, pass: "all" | "any", filters: PassageFilters, atMost?: number): number;
  /**
   * Passages matching some clause (the "any" pass) counted per value of `facet`, most first (years in
   * order); for documents, the first `top` with their titles.
   */
  facetCounts(query: ParsedQuery, facet: Facet, filters: PassageFilters, top: number): FacetCount[];
}

/**
 * Ranked passages for a user query (language: search/query.ts). Passages matching every word come
 * first; when there are fewer than `limit` of them the rest is filled with passages matching some of
 * the words. Within each, order is by BM25 adjusted for crowding and derived copies (ranking.ts).
 * A query with nothing searchable in it (blank, punctuation, symbols, only exclusions) gives an
 * empty result, not an error; malformed options give a UsageError.
 */
export function searchPassages(index: PassageIndex, input: string, options: SearchOptions = {}): SearchResult {
  const limit = validCount(options.limit ?? DEFAULT_LIMIT, "limit", 1, MAX_LIMIT);
  const offset = validCount(options.offset ?? 0, "offset", 0, Number.MAX_SAFE_INTEGER);
  const atMost = validCount(options.countAtMost ?? DEFAULT_COUNT_AT_MOST, "countAtMost", 1, Number.MAX_SAFE_INTEGER);
  const filters = passageFilters(options);
  const query = parseQuery(input, segmenterFor(index, queryTexts(input)));
  const empty = query.clauses.length === 0 || options.documentIds?.length === 0 || options.kinds?.length === 0;
  if (empty) return { hits: [], ...(options.countTotal ? { total: 0 } : {}) };

  const page = (pass: "all" | "rest", from: number, count: number) =>
    rankedPage((n) => index.matchPassages(query, pass, filters, n), from, count);
  const all = page("all", offset, limit);
  const matches = all.matches;
  if (matches.length < limit && query.clauses.length > 1) {
    const allCount = all.total ?? index.countPassages(query, "all", filters);
    matches.push(...page("rest", Math.max(0, offset - allCount), limit - matches.length).matches);
  }
  const highlighter = highlighterFor(query);
  const segmenter = segmenterFor(
    index,
    matches.map((match) => match.text),
  );
  const hits = matches.map((match): SearchHit => {
    const highlights = highlightRanges(match.text, highlighter, segmenter);
    const snippet = makeSnippet(match.text, highlights);
    return {
      document: { id: match.documentId, path: match.path, title: match.title },
      ...(match.section === undefined ? {} : { section: match.section }),
      ...(match.page === undefined ? {} : { page: match.page }),
      text: match.text,
      snippet: snippet.html,
      score: match.score,
      start: match.start,
      end: match.end,
      highlights,
      window: snippet.window,
    };
  });
  if (!options.countTotal) return { hits };
  const counted = index.countPassages(query, "any", filters, atMost + 1);
  return { hits, ...(counted > atMost ? { total: atMost, totalIsLowerBound: true as const } : { total: counted }) };
}

export const DEFAULT_FACET_TOP = 20;

/** The passages `input` matches counted per facet, each under the other facets' filters (search/types.ts). */
export function searchFacets(index: PassageIndex, input: string, options: FacetOptions = {}): SearchFacets {
  const top = validCount(options.top ?? DEFAULT_FACET_TOP, "top", 1, MAX_LIMIT);
  const filters = passageFilters(options);
  const query = parseQuery(input, segmenterFor(index, queryTexts(input)));
  if (query.clauses.length === 0) return { total: 0, kinds: [], documents: [], years: [], entityTypes: [] };
  const counts = (facet: Facet, ...own: (keyof PassageFilters)[]) => {
    const others = Object.fromEntries(
      Object.entries(filters).filter(([key]) => !own.includes(key as keyof PassageFilters)),
    );
    return index.facetCounts(query, facet, others as PassageFilters, top);
  };
  return {
    total: index.countPassages(query, "any", filters),
    kinds: counts("kind", "kinds"),
    documents: counts("document", "documentIds"),
    years: counts("year", "dateFrom", "dateTo"),
    entityTypes: counts("entityType", "entityType"),
  };
}

/** The index's segmenter for `texts`, their lemmas read from the index's lexicon where it has them. */
function segmenterFor(index: PassageIndex, texts: readonly string[]): Segmenter {
  return indexSegmenterWith(storedLexicon(index, texts));
}

function passageFilters(options: SearchOptions): PassageFilters {
  const from = options.dateFrom === undefined ? undefined : validDate(options.dateFrom, "dateFrom").earliest;
  const to = options.dateTo === undefined ? undefined : validDate(options.dateTo, "dateTo").latest;
  return {
    ...(options.documentIds ? { documentIds: options.documentIds } : {}),
    ...(options.kinds ? { kinds: options.kinds } : {}),
    ...(from === undefined ? {} : { dateFrom: from }),
    ...(to === undefined ? {} : { dateTo: to }),
    ...(options.section === undefined ? {} : { section: options.section }),
    ...(options.entityType === undefined ? {} : { entityType: options.entityType }),
  };
}

function validDate(value: string, name: string) {
  const bounds = dateBounds(value);
  if (!bounds) throw new UsageError(`${name} ${JSON.stringify(value)}: expected a date as YYYY, YYYY-MM or YYYY-MM-DD`);
  return bounds;
}

function validCount(value: number, name: string, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min)
    throw new UsageError(`${name} ${value}: expected a whole number of at least ${min}`);
  return Math.min(value, max);
}
