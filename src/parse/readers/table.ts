import type { DecodedSource } from "../../decode/decoded-source.js";
import type { ParsedDocument, Reader } from "../reader.js";
import { titleFromPath } from "../strings.js";
import { delimitedRecords, sniffDelimiter } from "./table-delimited.js";
import { tableDocument } from "./table-document.js";

/**
 * CSV, TSV and other delimited tables, recognised by a delimiter that splits the first records into
 * one consistent number of cells. One document per file, one line of text per row.
 */
export const tableReader: Reader = {
  format: "table",

  detect(source: DecodedSource): number {
    return sniffDelimiter(source.text)?.score ?? 0;
  },

  read(source: DecodedSource): ParsedDocument[] {
    const delimiter = sniffDelimiter(source.text)?.delimiter ?? (/\.tsv$/i.test(source.path) ? "\t" : ",");
    const rows = [...delimitedRecords(source.text, delimiter)].map((record) => ({
      line: record.line,
      start: record.start,
      cells: record.cells,
    }));
    return [
      tableDocument(rows, {
        title: titleFromPath(source.path),
        lineWord: "line",
        source: source.text,
        checkWidths: true,
      }),
    ];
  },
};
