import type { SearchHit } from "../search/types.js";

/** A search hit as `annals search --json` prints it and /api/search returns it (PRODUCT.md's contract). */
export type SearchHitView = Pick<
  SearchHit,
  "document" | "section" | "page" | "text" | "snippet" | "score" | "start" | "end"
>;

export function searchHitView({ document, section, page, text, snippet, score, start, end }: SearchHit): SearchHitView {
  return {
    document,
    ...(section ? { section } : {}),
    ...(page === undefined ? {} : { page }),
    text,
    snippet,
    score,
    start,
    end,
  };
}
