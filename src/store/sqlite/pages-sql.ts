/**
 * SQL for the number of the page of a stored document (alias `documents`) holding text offset
 * `offset`, from the pages in its layout column; NULL when the document has no pages.
 */
export function pageAt(documents: string, offset: string): string {
  return `(SELECT json_extract(pg.value, '$.number') FROM json_each(${documents}.layout, '$.pages') pg
    WHERE json_extract(pg.value, '$.start') <= ${offset} ORDER BY json_extract(pg.value, '$.start') DESC LIMIT 1)`;
}
