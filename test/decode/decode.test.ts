import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/core/errors.js";
import { decode } from "../../src/decode/index.js";
import { fixtureBytes, SEED_000, SEED_002 } from "./fixtures.js";

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

function decodeError(bytes: Uint8Array): InputError {
  try {
    decode(bytes, "file");
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error("decode did not fail");
}

describe("decode: encodings", () => {
  it("reads UTF-8 and hashes the bytes", () => {
    const bytes = utf8("Qāsim and ʿĀrif\r\nline two");
    const source = decode(bytes, "a.txt");
    expect(source.text).toBe("Qāsim and ʿĀrif\r\nline two");
    expect(source.original).toBe(source.text);
    expect(source.report).toEqual({ encoding: "utf-8", bom: false, mojibakeRepairs: 0, invalidByteOffsets: [] });
    expect(source.contentHash).toBe(createHash("sha256").update(bytes).digest("hex"));
    expect(source.path).toBe("a.txt");
  });

  it("strips a UTF-8 byte-order mark and reports it", () => {
    const source = decode(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("héllo")]), "bom.txt");
    expect(source.text).toBe("héllo");
    expect(source.report.bom).toBe(true);
    expect(source.report.encoding).toBe("utf-8");
  });

  it("reads UTF-16LE with a byte-order mark", () => {
    const body = Buffer.from("Baghdad “1958” é", "utf16le");
    const source = decode(new Uint8Array([0xff, 0xfe, ...body]), "le.txt");
    expect(source.text).toBe("Baghdad “1958” é");
    expect(source.report).toMatchObject({ encoding: "utf-16le", bom: true });
  });

  it("reads UTF-16BE with a byte-order mark", () => {
    const body = Buffer.from("Qasim — Arif", "utf16le").swap16();
    const source = decode(new Uint8Array([0xfe, 0xff, ...body]), "be.txt");
    expect(source.text).toBe("Qasim — Arif");
    expect(source.report).toMatchObject({ encoding: "utf-16be", bom: true });
  });

  it("recognizes UTF-16 without a byte-order mark by its NUL bytes", () => {
    const text = "The coup took place on 14 July 1958 in Baghdad.\n";
    expect(decode(Buffer.from(text, "utf16le"), "le.txt")).toMatchObject({ text, report: { encoding: "utf-16le" } });
    const be = Buffer.from(text, "utf16le").swap16();
    expect(decode(be, "be.txt")).toMatchObject({ text, report: { encoding: "utf-16be", bom: false } });
  });

  it("reads Windows-1252 when the bytes are not UTF-8, with its own table for 0x80–0x9F", () => {
    const bytes = new Uint8Array([0x93, ...utf8("Qasim"), 0x94, 0x20, 0x96, 0x20, 0xe9, 0x80, 0x99, 0x85]);
    const source = decode(bytes, "cp1252.txt");
    // é€™ would be a valid UTF-8 sequence, but mojibake repair only applies to text that was UTF-8.
    expect(source.text).toBe("“Qasim” – é€™…");
    expect(source.report.encoding).toBe("windows-1252");
    expect(source.report.invalidByteOffsets).toEqual([]);
  });

  it("maps every Windows-1252 byte from 0x80 to 0x9F as the code page does", () => {
    const expected = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";
    const bytes = new Uint8Array([0x41, ...Array.from({ length: 32 }, (_, i) => 0x80 + i)]);
    expect(decode(bytes, "table.txt").text).toBe("A" + expected);
  });

  it("keeps mostly valid UTF-8 as UTF-8 and reports each invalid byte offset", () => {
    const bytes = new Uint8Array([...utf8("Qāsim ʿĀrif é "), 0xff, ...utf8(" Ba‘ath "), 0xc3, 0x28, ...utf8(" ā")]);
    const source = decode(bytes, "broken.txt");
    expect(source.report.encoding).toBe("utf-8");
    expect(source.report.invalidByteOffsets).toEqual([18, 29]);
    expect(source.text).toBe("Qāsim ʿĀrif é \uFFFD Ba‘ath \uFFFD( ā");
  });

  it("keeps line endings as they are", () => {
    expect(decode(utf8("a\r\nb\rc\n"), "crlf.txt").text).toBe("a\r\nb\rc\n");
  });
});

describe("decode: rejected input", () => {
  it("rejects an empty file with code empty", () => {
    expect(decodeError(new Uint8Array()).code).toBe("empty");
  });

  it.each([
    ["PNG image", [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]],
    ["PDF document", [...utf8("%PDF-1.7\n%âãÏÓ\n")]],
    ["ZIP archive", [0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]],
    ["JPEG image", [0xff, 0xd8, 0xff, 0xe0, 0, 0x10]],
  ])("names a %s and says what to do", (name, bytes) => {
    const error = decodeError(new Uint8Array(bytes));
    expect(error.code).toBe("binary");
    expect(error.message).toContain(name);
    expect(error.message).toMatch(/not text; .*(convert|extract|unpack|remove)/);
    expect(error.message).not.toContain("\n");
  });

  it("rejects NUL bytes in data that is not UTF-16, naming the byte offset", () => {
    const error = decodeError(new Uint8Array([...utf8("just some text here, then "), 0, ...utf8("more text")]));
    expect(error.code).toBe("binary");
    expect(error.offset).toBe(26);
    expect(error.message).toContain("byte offset 26");
  });

  it("rejects data that is mostly control characters", () => {
    const bytes = new Uint8Array(400).map((_, i) => (i % 3 === 0 ? 0x01 : 0x41 + (i % 26)));
    const error = decodeError(bytes);
    expect(error.code).toBe("binary");
    expect(error.message).toMatch(/control characters \(the first at byte offset 0\)/);
  });

  it("rejects UTF-32", () => {
    expect(decodeError(new Uint8Array([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0])).code).toBe("unsupported-encoding");
  });
});

describe("decode: repairs", () => {
  it("repairs the mojibake in seed 000 and maps the repaired character to the three it replaced", () => {
    const source = decode(fixtureBytes(SEED_000), SEED_000);
    expect(source.text).toContain("iraqi–soviet");
    expect(source.text).not.toContain("â€");
    expect(source.report.mojibakeRepairs).toBe(1);
    const at = source.text.indexOf("–");
    expect(source.original.slice(...source.map.spanToSource(at, at + 1))).toBe("â€“");
    expect(source.original[source.map.toSource(at + 1)]).toBe("s");
  });

  it.each([
    ["cafÃ© crÃ¨me", "café crème"],
    ["Qasimâ€™s coup", "Qasim’s coup"],
    ["â€œquotedâ€\u009D and â€œagainâ€ here", "“quoted” and “again” here"],
    ["Ã…land and Ã¼ber", "Åland and über"],
    ["price Â£5", "price £5"],
  ])("repairs %j", (broken, repaired) => {
    const source = decode(utf8(broken), "m.txt");
    expect(source.text).toBe(repaired);
    expect(source.report.mojibakeRepairs).toBeGreaterThan(0);
  });

  it.each([["SÃO PAULO Ã VISTA"], ["7.ó.e. Translated by András Bocz"], ["Â alone, Ã and ¿qué?"], ["CAFÉ\u00A0!"]])(
    "leaves legitimate text alone: %j",
    (text) => {
      const source = decode(utf8(text), "ok.txt");
      expect(source.text).toBe(text);
      expect(source.report.mojibakeRepairs).toBe(0);
    },
  );

  it("leaves seed 002's 7.ó.e. alone", () => {
    const source = decode(fixtureBytes(SEED_002), SEED_002);
    expect(source.text).toContain("288.f.32/1958 7.ó.e. Translated by András Bocz.");
    expect(source.report.mojibakeRepairs).toBe(0);
  });

  it("normalizes to NFC and maps the composed character to the pair it replaced", () => {
    const source = decode(utf8("Qa\u0304sim and Ca\u0301diz and \u212B"), "nfd.txt");
    expect(source.text).toBe("Qāsim and Cádiz and Å");
    expect(source.original.slice(...source.map.spanToSource(1, 2))).toBe("a\u0304");
    expect(source.map.isVerbatim(0)).toBe(true);
    expect(source.map.isVerbatim(1)).toBe(false);
    expect(source.map.isVerbatim(source.text.length - 1)).toBe(false);
    expect(source.original[source.map.toSource(2)]).toBe(source.text[2]);
  });

  it("repairs mojibake and normalizes in one map", () => {
    const source = decode(utf8("Ã©e\u0301 â€“ x"), "both.txt");
    expect(source.text).toBe("éé – x");
    expect(source.original.slice(...source.map.spanToSource(0, 1))).toBe("Ã©");
    expect(source.original.slice(...source.map.spanToSource(1, 2))).toBe("e\u0301");
    expect(source.original.slice(...source.map.spanToSource(3, 4))).toBe("â€“");
    expect(source.original[source.map.toSource(5)]).toBe("x");
  });
});

describe("decode: size", () => {
  it("decodes a 50 MB single-line file with an identity map", () => {
    const line = Buffer.alloc(50 * 1024 * 1024, "Qasim Arif Baghdad 1958 ");
    const source = decode(line, "big.txt");
    expect(source.text.length).toBe(line.length);
    expect(source.map.runCount).toBe(1);
  });
});

describe("decode: nothing but a byte-order mark", () => {
  it("counts as empty", () => {
    expect(decodeError(new Uint8Array([0xef, 0xbb, 0xbf])).code).toBe("empty");
  });
});
