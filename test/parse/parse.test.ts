import { describe, expect, it } from "vitest";
import { InputError } from "../../src/core/errors.js";
import { decode } from "../../src/decode/index.js";
import { chooseReader, parse, readers, type Reader } from "../../src/parse/index.js";
import {
  FRUS_TEI,
  SEED_000,
  SEED_001,
  SEED_002,
  SEED_003,
  SYRIA_MD,
  WIKIPEDIA_HTML,
  fixtureBytes,
} from "../decode/fixtures.js";
import { expectExactMaps, parseFixture } from "./helpers.js";

const sourceOf = (text: string, path: string) => decode(new TextEncoder().encode(text), path);

describe("parse", () => {
  it("lists its readers in order, plain text last", () => {
    expect(readers.map((reader) => reader.format)).toEqual([
      "tei",
      "html",
      "markdown",
      "encyclopedia",
      "conll",
      "jsonl",
      "table",
      "text",
    ]);
  });

  it.each([
    [SEED_000, "text"],
    [SEED_001, "encyclopedia"],
    [SEED_002, "markdown"],
    [SEED_003, "encyclopedia"],
    [SYRIA_MD, "markdown"],
    [FRUS_TEI, "tei"],
    [WIKIPEDIA_HTML, "html"],
  ])("chooses the reader for %s by its content", (name, format) => {
    expect(chooseReader(decode(fixtureBytes(name), name)).format).toBe(format);
  });

  it("ignores a misleading extension", () => {
    const html = fixtureBytes(WIKIPEDIA_HTML).toString("utf8");
    expect(chooseReader(sourceOf(html, "page.txt")).format).toBe("html");
    expect(chooseReader(sourceOf("Just a sentence.", "notes.html")).format).toBe("text");
  });

  it("breaks a tie with the extension, then with the list order", () => {
    const fake = (format: Reader["format"]): Reader => ({ format, detect: () => 0.5, read: () => [] });
    const candidates = [fake("markdown"), fake("html")];
    expect(chooseReader(sourceOf("x", "a.html"), candidates).format).toBe("html");
    expect(chooseReader(sourceOf("x", "a.dat"), candidates).format).toBe("markdown");
  });

  it("sets id, path and decoding, and maps document text to the original characters", () => {
    const { source, documents } = parseFixture(SEED_000);
    const [document] = documents;
    expect(document!.id).toBe(source.contentHash);
    expect(document!.path).toBe(SEED_000);
    expect(document!.decoding).toEqual(source.report);
    const dash = document!.text.indexOf("–");
    expect(source.original.slice(...document!.map.spanToSource(dash, dash + 1))).toBe("â€“");
  });

  it("keeps maps exact for every fixture", () => {
    for (const name of [SEED_000, SEED_001, SEED_002, SEED_003, SYRIA_MD, FRUS_TEI, WIKIPEDIA_HTML]) {
      const { source, documents } = parseFixture(name);
      expect(documents.length).toBeGreaterThan(0);
      expectExactMaps(documents, source);
    }
  });

  it("turns a reader crash into an InputError naming the format", () => {
    const broken: Reader = {
      format: "html",
      detect: () => 1,
      read: () => {
        throw new TypeError("boom");
      },
    };
    expect(() => parse(sourceOf("<p>x</p>", "x.html"), [broken])).toThrow(
      expect.objectContaining({
        code: "malformed-html",
        message: expect.stringContaining("could not be read as html: boom"),
      }),
    );
  });

  it("reports a reader's error offset as a byte offset in the file", () => {
    const text = '<?xml version="1.0"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0"><p>ĀĀĀ</q></TEI>';
    let error: unknown;
    try {
      parse(sourceOf(text, "bad.xml"));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InputError);
    const byteOfClose = Buffer.from(text).indexOf("</q>");
    expect((error as InputError).offset).toBeGreaterThanOrEqual(byteOfClose);
    expect((error as InputError).offset).toBeLessThanOrEqual(byteOfClose + 4);
  });
});
