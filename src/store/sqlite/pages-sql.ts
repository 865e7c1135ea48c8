/**
 * SQL for the number of the page of a stored document (alias `documents`) holding text offset
 * `offset`, from its rows in `document_pages`; NULL when the document has no pages.
 */
export function pageAt(documents: string, offset: string): string {
  return `(SELECT pg.number FROM document_pages pg
    WHERE pg.document_rowid = ${documents}.rowid AND pg.start <= ${offset} ORDER BY pg.start DESC LIMIT 1)`;
}
