import type ExcelJS from "exceljs";
import { titleFromPath } from "../strings.js";
import type { ParsedDocument } from "../reader.js";
import { tableDocument, type TableRowInput } from "../readers/table-document.js";
import type { BinaryReader } from "./types.js";

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** The entry every SpreadsheetML package has; ZIP stores entry names uncompressed. */
const WORKBOOK_ENTRY = Buffer.from("xl/workbook.xml");

/** XLSX workbooks (exceljs): each sheet with rows is a table document, part = the sheet's name when there are several. */
export const xlsxReader: BinaryReader = {
  name: "XLSX",

  detect(bytes: Uint8Array): boolean {
    if (!ZIP_MAGIC.every((byte, i) => bytes[i] === byte)) return false;
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(WORKBOOK_ENTRY);
  },

  async read(bytes: Uint8Array, path: string): Promise<ParsedDocument[]> {
    // Loaded on first use: it takes most of a second, and few ingests hold a workbook.
    const { default: excel } = await import("exceljs");
    const workbook = new excel.Workbook();
    // exceljs declares its own `Buffer` type (an ArrayBuffer); a Node Buffer is what it reads.
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
    const sheets = workbook.worksheets.map((sheet) => ({ name: sheet.name, rows: sheetRows(sheet) }));
    const filled = sheets.filter((sheet) => sheet.rows.length > 0);
    const fileTitle = titleFromPath(path);
    return filled.map((sheet) =>
      tableDocument(sheet.rows, {
        title: filled.length > 1 ? `${fileTitle}: ${sheet.name}` : fileTitle,
        lineWord: "row",
        ...(filled.length > 1 ? { part: sheet.name } : {}),
      }),
    );
  },
};

function sheetRows(sheet: ExcelJS.Worksheet): TableRowInput[] {
  const rows: TableRowInput[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells = Array.from({ length: row.cellCount }, (_, i) => ({ value: cellText(row.getCell(i + 1).value) }));
    if (cells.some((cell) => cell.value.trim() !== "")) rows.push({ line: rowNumber, start: 0, cells });
  });
  return rows;
}

/** A cell's value as text: dates as ISO dates, formulas by their result, rich text and links by their text. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return isoOf(value);
  if (typeof value !== "object") return String(value);
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("formula" in value || "sharedFormula" in value) return cellText((value as { result?: ExcelJS.CellValue }).result);
  if ("text" in value) return cellText(value.text as ExcelJS.CellValue);
  if ("error" in value) return value.error;
  return "";
}

function isoOf(date: Date): string {
  const iso = date.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.replace(/\.000Z$/, "Z");
}
