import type { ComponentChildren } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import type { ApiError, Loaded } from "./api.js";
import { navigations, paths } from "./router.js";
import type { Citation } from "./types.js";

const ENTITIES: Record<string, string> = { "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'", "&amp;": "&" };

function unescape(text: string): string {
  return text.replace(/&(lt|gt|quot|#39|amp);/g, (entity) => ENTITIES[entity] ?? entity);
}

/**
 * A search snippet: escaped text with <mark> around matched words. It is never given to innerHTML:
 * it is split on the two mark tags and every part becomes a text node.
 */
export function Snippet({ html }: { html: string }) {
  const parts = html.split(/<mark>|<\/mark>/);
  return (
    <span class="snippet">
      {parts.map((part, i) => (i % 2 === 1 ? <mark key={i}>{unescape(part)}</mark> : unescape(part)))}
    </span>
  );
}

/**
 * The view's heading. After a navigation inside the app it takes focus, so keyboard and
 * screen-reader users land on the new view; on a fresh page load focus stays at the top (skip link).
 */
export function Heading({ children, title }: { children: ComponentChildren; title: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} — annals`;
    const active = document.activeElement;
    if (navigations > 0 && (active === document.body || active?.closest("nav, header, .hits, .cards"))) {
      ref.current?.focus({ preventScroll: true });
    }
  }, [title]);
  return (
    <h1 ref={ref} tabIndex={-1} id="view-heading">
      {children}
    </h1>
  );
}

export function ErrorBox({ error }: { error: ApiError }) {
  return (
    <div class="error" role="alert">
      <strong>{error.status === 404 ? "Not found" : "Something went wrong"}:</strong> {error.message}
    </div>
  );
}

/** Loading state, error, or the view. */
export function Await<T>({ state, children }: { state: Loaded<T>; children: (data: T) => ComponentChildren }) {
  if (state.error) return <ErrorBox error={state.error} />;
  if (state.data === undefined)
    return (
      <p class="loading" role="status">
        Loading…
      </p>
    );
  return <>{children(state.data)}</>;
}

export function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

const LONG_QUOTE = 320;

/**
 * A quote with the document it comes from, linking to the passage in the reader. A long quote (a
 * lower-cased dump has no sentence ends) shows its beginning until asked for the rest.
 */
export function CitationView({ citation }: { citation: Citation }) {
  const doc = citation.document;
  const [whole, setWhole] = useState(false);
  const long = citation.quote.length > LONG_QUOTE;
  const shown = long && !whole ? `${citation.quote.slice(0, LONG_QUOTE).replace(/\s+\S*$/, "")} …` : citation.quote;
  return (
    <figure class="citation">
      <blockquote>
        {shown}
        {long ? (
          <>
            {" "}
            <button type="button" class="link-button" aria-expanded={whole} onClick={() => setWhole(!whole)}>
              {whole ? "show less" : "show the whole quote"}
            </button>
          </>
        ) : null}
      </blockquote>
      <figcaption>
        <a href={paths.document(doc.id, { start: citation.start, end: citation.end })}>
          {doc.title ?? fileName(doc.path)}
        </a>
        <span class="muted">
          {" "}
          · {fileName(doc.path)}
          {citation.page === undefined ? "" : `, p. ${citation.page}`}, characters {citation.start}–{citation.end}
        </span>
      </figcaption>
    </figure>
  );
}

export function TypeBadge({ type }: { type: string }) {
  return <span class={`badge type-${type.replace(/[^a-z-]/g, "")}`}>{type}</span>;
}

/** Arrow keys move between the links of a list (search results, entities, events); Enter follows. */
export function onListKeys(event: KeyboardEvent): void {
  if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
  const list = event.currentTarget as HTMLElement;
  const links = [...list.querySelectorAll<HTMLElement>("[data-item]")];
  const at = links.indexOf(document.activeElement as HTMLElement);
  const next = event.key === "ArrowDown" ? Math.min(links.length - 1, at + 1) : Math.max(0, at - 1);
  links[next]?.focus();
  event.preventDefault();
}

/** A one-field filter (role search): submitting gives the trimmed text to `onFilter`; Clear shows while one is set. */
export function TextFilter({
  title,
  label,
  value,
  clearHref,
  onFilter,
}: {
  title: string;
  label: string;
  value: string;
  clearHref: string;
  onFilter: (text: string) => void;
}) {
  return (
    <form
      class="toolbar filters"
      role="search"
      aria-label={title}
      onSubmit={(event) => {
        event.preventDefault();
        const input = (event.currentTarget as HTMLFormElement).elements.namedItem("text") as HTMLInputElement;
        onFilter(input.value.trim());
      }}
    >
      <label>
        {label}
        <input name="text" type="search" value={value} />
      </label>
      <button type="submit">Filter</button>
      {value ? <a href={clearHref}>Clear</a> : null}
    </form>
  );
}
