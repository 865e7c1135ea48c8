/**
 * SQL for the number of the page of a stored document (alias `documents`) holding text offset
 * `offset`, from the pages in its layout column; NULL when the document has no pages (as pageAt on SQLite).
 */
export function pageAt(documents: string, offset: string): string {
  return `(SELECT (pg->>'number')::int FROM json_array_elements(${documents}.layout::json->'pages') pg
    WHERE (pg->>'start')::int <= ${offset} ORDER BY (pg->>'start')::int DESC LIMIT 1)`;
}
