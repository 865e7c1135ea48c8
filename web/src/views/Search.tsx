import { useJson } from "../api.js";
import { Await, fileName, Heading, onListKeys, Snippet, TypeBadge } from "../components.js";
import { navigate, paths, withQuery } from "../router.js";
import {
  DOCUMENT_KINDS,
  ENTITY_TYPES,
  type EntitySummary,
  type FacetCount,
  type SearchFacets,
  type SearchResult,
} from "../types.js";
import { SearchBox } from "./SearchBox.js";

const PAGE = 20;

interface Filters {
  q: string;
  kind: string[];
  document: string;
  from: string;
  to: string;
  type: string;
  offset: number;
}

function filtersOf(query: URLSearchParams): Filters {
  return {
    q: query.get("q") ?? "",
    kind: query.getAll("kind"),
    document: query.get("document") ?? "",
    from: query.get("from") ?? "",
    to: query.get("to") ?? "",
    type: query.get("type") ?? "",
    offset: Math.max(0, Number(query.get("offset")) || 0),
  };
}

function urlOf(f: Filters): string {
  return withQuery("/search", {
    q: f.q,
    kind: f.kind,
    document: f.document,
    from: f.from,
    to: f.to,
    type: f.type,
    offset: f.offset || undefined,
  });
}

/** The search's filters as query parameters of /api/search and /api/search/facets. */
function apiFilters(f: Filters) {
  return {
    q: f.q,
    kind: f.kind,
    document: f.document ? [f.document] : undefined,
    from: f.from,
    to: f.to,
    entityType: f.type,
  };
}

/** "≥ 10,000 passages" when counting stopped before the end. */
function passageCount(result: SearchResult): string {
  const n = result.total ?? result.hits.length;
  return `${result.totalIsLowerBound ? "≥ " : ""}${n.toLocaleString("en")} passage${n === 1 ? "" : "s"}`;
}

function hasNextPage(result: SearchResult, offset: number): boolean {
  if (result.totalIsLowerBound) return result.hits.length === PAGE;
  return result.total !== undefined && offset + result.hits.length < result.total;
}

function Count({ n }: { n: number | undefined }) {
  return n === undefined ? null : <span class="muted"> ({n})</span>;
}

/**
 * Facets with the query's counts: document kind, document, year of the document, entity type. Each
 * is counted under the other filters, so a filter applied re-counts the rest.
 */
function Facets({ filters, facets }: { filters: Filters; facets: SearchFacets | undefined }) {
  const set = (change: Partial<Filters>) => navigate(urlOf({ ...filters, ...change, offset: 0 }));
  const count = (list: FacetCount[] | undefined, value: string) => list?.find((c) => c.value === value)?.count;
  const kinds = DOCUMENT_KINDS.filter((kind) => filters.kind.includes(kind) || count(facets?.kinds, kind));
  const documents = facets?.documents ?? [];
  const year = filters.from && filters.from === filters.to && /^\d{4}$/.test(filters.from) ? filters.from : "";
  return (
    <aside class="facets" aria-label="Filters">
      <fieldset>
        <legend>Kind of document</legend>
        {kinds.map((kind) => (
          <label key={kind} class="check">
            <input
              type="checkbox"
              name="kind"
              value={kind}
              checked={filters.kind.includes(kind)}
              onChange={(event) => {
                const on = (event.target as HTMLInputElement).checked;
                set({ kind: on ? [...filters.kind, kind] : filters.kind.filter((k) => k !== kind) });
              }}
            />
            {kind}
            <Count n={count(facets?.kinds, kind) ?? 0} />
          </label>
        ))}
      </fieldset>
      <label for="facet-document">Document</label>
      <select
        id="facet-document"
        value={filters.document}
        onChange={(event) => set({ document: (event.target as HTMLSelectElement).value })}
      >
        <option value="">All documents</option>
        {filters.document && !documents.some((d) => d.value === filters.document) ? (
          <option value={filters.document}>{filters.document}</option>
        ) : null}
        {documents.map((d) => (
          <option key={d.value} value={d.value}>
            {d.document?.title || fileName(d.document?.path ?? d.value)} ({d.count})
          </option>
        ))}
      </select>
      {facets && facets.years.length > 0 ? (
        <fieldset>
          <legend>Year of the document</legend>
          <ul class="facet-years">
            {facets.years.map((y) => (
              <li key={y.value}>
                <a
                  href={urlOf({ ...filters, from: y.value, to: y.value, offset: 0 })}
                  aria-current={y.value === year ? "true" : undefined}
                >
                  {y.value}
                </a>
                <Count n={y.count} />
              </li>
            ))}
          </ul>
        </fieldset>
      ) : null}
      <form
        class="date-range"
        onSubmit={(event) => {
          event.preventDefault();
          const form = event.currentTarget as HTMLFormElement;
          const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value.trim();
          set({ from: value("from"), to: value("to") });
        }}
      >
        <fieldset>
          <legend>Date of the document</legend>
          <label for="facet-from">From</label>
          <input id="facet-from" name="from" placeholder="YYYY[-MM[-DD]]" value={filters.from} inputMode="numeric" />
          <label for="facet-to">To</label>
          <input id="facet-to" name="to" placeholder="YYYY[-MM[-DD]]" value={filters.to} inputMode="numeric" />
          <button type="submit">Apply dates</button>
        </fieldset>
      </form>
      <fieldset>
        <legend>Passages that mention</legend>
        {["", ...ENTITY_TYPES].map((type) => (
          <label key={type} class="check">
            <input
              type="radio"
              name="type"
              value={type}
              checked={filters.type === type}
              onChange={() => set({ type })}
            />
            {type || "any"}
            {type ? <Count n={count(facets?.entityTypes, type) ?? 0} /> : null}
          </label>
        ))}
      </fieldset>
    </aside>
  );
}

/** The person, organization or place the query names, if any (every spelling finds it). */
function EntityMatch({ q, type }: { q: string; type: string }) {
  const url = withQuery("/api/entities", { name: q, type });
  const state = useJson<EntitySummary[]>(url);
  const entity = state.data?.[0];
  if (!entity) return null;
  return (
    <section class="entity-match" aria-label="Matching entity">
      <TypeBadge type={entity.type} /> <a href={paths.entity(entity.id)}>{entity.name}</a>
      <span class="muted">
        {" "}
        — {entity.mentions} mentions; also{" "}
        {entity.aliases.filter((a) => a !== entity.name).join(", ") || "no other names"}
      </span>
    </section>
  );
}

export function SearchView({ query }: { query: URLSearchParams }) {
  const filters = filtersOf(query);
  const apiUrl = filters.q
    ? withQuery("/api/search", {
        ...apiFilters(filters),
        limit: PAGE,
        offset: filters.offset || undefined,
        count: "true",
      })
    : null;
  const result = useJson<SearchResult>(apiUrl);
  const facets = useJson<SearchFacets>(filters.q ? withQuery("/api/search/facets", apiFilters(filters)) : null);
  const keep = {
    kind: filters.kind,
    document: filters.document,
    from: filters.from,
    to: filters.to,
    type: filters.type,
  };
  return (
    <>
      <Heading title={filters.q ? `Search: ${filters.q}` : "Search"}>Search</Heading>
      <SearchBox initial={filters.q} filters={keep} />
      <div class="with-sidebar">
        <Facets filters={filters} facets={facets.data} />
        <div class="results">
          {filters.q ? <EntityMatch q={filters.q} type={filters.type} /> : null}
          {apiUrl ? (
            <Await state={result}>
              {(data) => (
                <>
                  <p role="status" class="muted" id="result-count">
                    {passageCount(data)}
                    {data.hits.length > 0
                      ? ` — showing ${filters.offset + 1}–${filters.offset + data.hits.length}`
                      : ""}
                  </p>
                  <ol class="hits" start={filters.offset + 1} onKeyDown={onListKeys}>
                    {data.hits.map((hit) => (
                      <li key={`${hit.document.id}:${hit.start}`} class="hit">
                        <a data-item href={paths.document(hit.document.id, hit)} class="hit-title">
                          {hit.document.title || fileName(hit.document.path)}
                        </a>
                        {hit.section ? <span class="muted"> — {hit.section}</span> : null}
                        <p>
                          <Snippet html={hit.snippet} />
                        </p>
                        <div class="muted small">
                          {fileName(hit.document.path)}
                          {hit.page === undefined ? "" : `, p. ${hit.page}`}, characters {hit.start}–{hit.end} · score{" "}
                          {hit.score.toFixed(2)}
                        </div>
                      </li>
                    ))}
                  </ol>
                  <nav class="pager" aria-label="Result pages">
                    {filters.offset > 0 ? (
                      <a href={urlOf({ ...filters, offset: Math.max(0, filters.offset - PAGE) })}>← Previous</a>
                    ) : null}
                    {hasNextPage(data, filters.offset) ? (
                      <a href={urlOf({ ...filters, offset: filters.offset + PAGE })}>Next →</a>
                    ) : null}
                  </nav>
                </>
              )}
            </Await>
          ) : (
            <p>Type a name, a word or a "phrase". Every spelling of a name finds the others.</p>
          )}
        </div>
      </div>
    </>
  );
}
