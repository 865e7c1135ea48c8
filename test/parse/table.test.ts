import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/core/errors.js";
import { decode } from "../../src/decode/index.js";
import { parse } from "../../src/parse/index.js";
import { expectExactMaps, originalOf, parseText } from "./helpers.js";

const TABLES = fileURLToPath(new URL("../fixtures/tables/", import.meta.url));

function parseTable(name: string) {
  const source = decode(readFileSync(TABLES + name), TABLES + name);
  return { source, documents: parse(source) };
}

describe("table reader", () => {
  it("reads a CSV with quoted fields and CRLF line ends, every cell mapped to its characters in the file", () => {
    const { source, documents } = parseTable("Coup_Data_v2.0.0_excerpt.csv");
    const [document] = documents;
    expect(document).toMatchObject({ format: "table", kind: "dataset", title: "Coup_Data_v2.0.0_excerpt" });
    const table = document!.table!;
    expect(table.columns.slice(0, 7)).toEqual(["coup_id", "cowcode", "country", "year", "month", "day", "event_type"]);
    expect(table.rows).toHaveLength(13);
    expect(table.rows.map((row) => row.line)).toEqual(Array.from({ length: 13 }, (_, i) => i + 2));
    const iraq = table.rows[3]!;
    expect(document!.text.slice(iraq.start, iraq.end)).toMatch(
      /^line 5: coup_id: 64507141958; cowcode: 645; country: Iraq;/,
    );
    const country = iraq.cells[2]!;
    expect(originalOf(document!, source, country.start, country.end)).toBe("Iraq");
    const fileLine = source.original.split("\r\n")[4]!;
    expect(fileLine.startsWith('"64507141958","645","Iraq"')).toBe(true);
    expectExactMaps(documents, source);
  });

  it("unescapes doubled quotes and keeps delimiters inside quotes", () => {
    const { source, documents } = parseTable("price-list.csv");
    const table = documents[0]!.table!;
    const text = (row: number, cell: number) => {
      const span = table.rows[row]!.cells[cell]!;
      return documents[0]!.text.slice(span.start, span.end);
    };
    expect(text(1, 3)).toBe("Basra Trading Co., Ltd.");
    expect(text(4, 3)).toBe('Kirkuk Oil "Standard"');
    const span = table.rows[4]!.cells[3]!;
    expect(originalOf(documents[0]!, source, span.start, span.end)).toBe('Kirkuk Oil ""Standard""');
    expectExactMaps(documents, source);
  });

  it("reads tab-separated files", () => {
    const { documents } = parseTable("coups-by-year.tsv");
    expect(documents[0]!.table!.columns).toEqual(["country", "year", "event", "outcome", "leader"]);
    expect(documents[0]!.text.split("\n")[0]).toBe(
      "line 2: country: Iraq; year: 1936; event: coup; outcome: successful; leader: Bakr Sidqi",
    );
  });

  it("detects a table from its content whatever the extension, and names the columns of a table without header", () => {
    const { documents } = parseText(
      "1958,7,14,Iraq\n1963,2,8,Iraq\n1963,3,8,Syria\n1949,3,30,Syria\n1952,7,23,Egypt\n",
      "coups.txt",
    );
    expect(documents[0]!.format).toBe("table");
    expect(documents[0]!.table!.columns).toEqual(["column 1", "column 2", "column 3", "column 4"]);
    expect(documents[0]!.text.split("\n")[0]).toBe("line 1: column 1: 1958; column 2: 7; column 3: 14; column 4: Iraq");
  });

  it("leaves prose with commas to the text reader", () => {
    const prose =
      "On 14 July 1958, the army took Baghdad.\n" +
      "The king, the regent and the prime minister were killed, and a republic was declared.\n" +
      "Qasim, who led the coup, became prime minister.\n" +
      "In February 1963 he was overthrown.\n" +
      "Arif, his colleague, had become president, then was dismissed, arrested and tried.\n";
    expect(parseText(prose, "notes.txt").documents[0]!.format).toBe("text");
    expect(parseText(prose, "notes.csv").documents[0]!.format).toBe("text");
  });

  it("leaves numbered paragraphs to the text reader, though a tab splits each into two cells", () => {
    const sentence =
      "I feel it to be my first duty, as the representative of one of the sponsors of the resolution which the General Assembly adopted on 21 August 1958, to recall its spirit of conciliation.";
    const text = [54, 55, 56, 57, 58].map((n) => `${n}.\t${sentence}`).join("\n");
    expect(parseText(text, "EGY_13_1958.txt").documents[0]!.format).toBe("text");
  });

  it("refuses a quote that is never closed with its line and what to do", () => {
    const text = 'a,b,c\n1,2,3\n4,5,6\n7,8,9\n10,11,12\n13,"14,15\n';
    let error: unknown;
    try {
      parseText(text, "broken.csv");
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toBe(
      'line 6: a quoted field opened here is never closed; add the closing quote (") or save the table again',
    );
    expect((error as InputError).offset).toBe(text.indexOf('"'));
  });
});

describe("CoNLL reader", () => {
  it("reads a WikiGold excerpt as sentences of tokens joined by spaces, each token mapped to the file", () => {
    const { source, documents } = parseTable("wikigold_excerpt.conll.txt");
    const [document] = documents;
    expect(document).toMatchObject({ format: "conll", kind: "dataset" });
    const sentences = document!.text.split("\n");
    expect(sentences).toHaveLength(3);
    expect(sentences[0]).toMatch(/^010 is the tenth album from Japanese Punk Techno band The Mad Capsule Markets \./);
    const at = document!.text.indexOf("Japanese");
    expect(originalOf(document!, source, at, at + "Japanese".length)).toBe("Japanese");
    expectExactMaps(documents, source);
  });

  it("reads tab-separated token/tag files and document breaks", () => {
    const text = "-DOCSTART-\tO\n\nQasim\tB-PER\nled\tO\nthe\tO\ncoup\tO\n.\tO\n\nArif\tB-PER\nfollowed\tO\n.\tO\n";
    const { documents } = parseText(text, "tags.tsv");
    expect(documents[0]!.format).toBe("conll");
    expect(documents[0]!.text).toBe("Qasim led the coup .\nArif followed .");
  });

  it("does not take a two-column table for a token/tag file", () => {
    const { documents } = parseText(
      "name\tyear\nQasim\t1958\nArif\t1963\nBakr\t1968\nSaddam\t1979\nFaisal\t1921\n",
      "list.tsv",
    );
    expect(documents[0]!.format).toBe("table");
  });
});
