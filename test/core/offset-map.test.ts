import { describe, expect, it } from "vitest";
import { MappedTextBuilder, OffsetMap, OffsetMapBuilder } from "../../src/core/offset-map.js";

describe("OffsetMap", () => {
  it("maps an identity map one to one, and the end to the end", () => {
    const map = OffsetMap.identity(5);
    expect(map.toSource(0)).toBe(0);
    expect(map.toSource(4)).toBe(4);
    expect(map.toSource(5)).toBe(5);
    expect(map.spanToSource(1, 3)).toEqual([1, 3]);
    expect(map.isVerbatim(2)).toBe(true);
  });

  it("maps every character of a replacement to the start of the replaced span", () => {
    const builder = new MappedTextBuilder("a &amp; b");
    builder.copy(0, 2);
    builder.replace("&", 2, 7);
    builder.copy(7, 9);
    const { text, map } = builder.build();
    expect(text).toBe("a & b");
    expect(map.toSource(2)).toBe(2);
    expect(map.isVerbatim(2)).toBe(false);
    expect(map.toSource(3)).toBe(7);
    expect(map.spanToSource(2, 3)).toEqual([2, 7]);
    expect(map.spanToSource(0, 5)).toEqual([0, 9]);
  });

  it("does not call a same-length replacement verbatim", () => {
    const builder = new MappedTextBuilder("a\nb");
    builder.copy(0, 1);
    builder.replace(" ", 1, 2);
    builder.copy(2, 3);
    const { text, map } = builder.build();
    expect(text).toBe("a b");
    expect(map.runCount).toBe(3);
    expect(map.isVerbatim(0)).toBe(true);
    expect(map.isVerbatim(1)).toBe(false);
    expect(map.runs()[1]).toEqual({ textStart: 1, textLength: 1, sourceStart: 1, sourceLength: 1, verbatim: false });
  });

  it("keeps same-length replacements through JSON", () => {
    const map = OffsetMap.fromRuns([
      { textStart: 0, textLength: 2, sourceStart: 0, sourceLength: 2 },
      { textStart: 2, textLength: 1, sourceStart: 2, sourceLength: 1, verbatim: false },
      { textStart: 3, textLength: 1, sourceStart: 3, sourceLength: 4 },
    ]);
    const copy = OffsetMap.fromJSON(JSON.parse(JSON.stringify(map)) as number[]);
    expect(copy.runs()).toEqual(map.runs());
    expect(copy.isVerbatim(2)).toBe(false);
  });

  it("merges adjacent verbatim runs but not replacements", () => {
    const builder = new OffsetMapBuilder();
    builder.push(0, 2, 0, 2);
    builder.push(2, 3, 2, 3);
    builder.push(5, 1, 5, 1, false);
    builder.push(6, 1, 6, 1, false);
    expect(builder.build().runs()).toEqual([
      { textStart: 0, textLength: 5, sourceStart: 0, sourceLength: 5 },
      { textStart: 5, textLength: 1, sourceStart: 5, sourceLength: 1, verbatim: false },
      { textStart: 6, textLength: 1, sourceStart: 6, sourceLength: 1, verbatim: false },
    ]);
  });

  it("grows past its initial capacity", () => {
    const builder = new OffsetMapBuilder();
    for (let i = 0; i < 100; i++) builder.push(i, 1, 2 * i, 2);
    const map = builder.build();
    expect(map.runCount).toBe(100);
    expect(map.toSource(99)).toBe(198);
  });

  describe("compose", () => {
    it("follows a verbatim outer run through inner replacements", () => {
      // original "xâ€“y" → middle "x–y" → outer "–y"
      const inner = OffsetMap.fromRuns([
        { textStart: 0, textLength: 1, sourceStart: 0, sourceLength: 1 },
        { textStart: 1, textLength: 1, sourceStart: 1, sourceLength: 3 },
        { textStart: 2, textLength: 1, sourceStart: 4, sourceLength: 1 },
      ]);
      const outer = OffsetMap.fromRuns([{ textStart: 0, textLength: 2, sourceStart: 1, sourceLength: 2 }]);
      const map = outer.compose(inner);
      expect(map.toSource(0)).toBe(1);
      expect(map.isVerbatim(0)).toBe(false);
      expect(map.toSource(1)).toBe(4);
      expect(map.isVerbatim(1)).toBe(true);
      expect(map.spanToSource(0, 2)).toEqual([1, 5]);
    });

    it("keeps a slice of a longer replacement a replacement, even when its lengths match", () => {
      // inner: one source character became three text characters (NFC can expand)
      const inner = OffsetMap.fromRuns([{ textStart: 0, textLength: 3, sourceStart: 0, sourceLength: 1 }]);
      const outer = OffsetMap.fromRuns([{ textStart: 0, textLength: 1, sourceStart: 1, sourceLength: 1 }]);
      const map = outer.compose(inner);
      expect(map.isVerbatim(0)).toBe(false);
      expect(map.spanToSource(0, 1)).toEqual([0, 1]);
    });

    it("maps an outer replacement to the inner span it covers", () => {
      const inner = OffsetMap.fromRuns([
        { textStart: 0, textLength: 5, sourceStart: 10, sourceLength: 5 },
        { textStart: 5, textLength: 1, sourceStart: 15, sourceLength: 1, verbatim: false },
      ]);
      const outer = OffsetMap.fromRuns([
        { textStart: 0, textLength: 1, sourceStart: 0, sourceLength: 5 },
        { textStart: 1, textLength: 1, sourceStart: 5, sourceLength: 1 },
      ]);
      const map = outer.compose(inner);
      expect(map.spanToSource(0, 1)).toEqual([10, 15]);
      expect(map.isVerbatim(1)).toBe(false);
    });
  });

  it("MappedTextBuilder.endsWith looks back far enough", () => {
    const builder = new MappedTextBuilder("abcdefgh");
    for (let i = 0; i < 8; i++) builder.copy(i, i + 1);
    expect(builder.endsWith("cdefgh")).toBe(true);
    expect(builder.endsWith("xdefgh")).toBe(false);
  });
});

describe("OffsetMap.spanToSource on reordered text", () => {
  // text "BODY|NOTE": the note (source 4–8) was moved after the body (source 0–4 and 8–12)
  const map = OffsetMap.fromRuns([
    { textStart: 0, textLength: 4, sourceStart: 0, sourceLength: 4 },
    { textStart: 4, textLength: 4, sourceStart: 8, sourceLength: 4 },
    { textStart: 8, textLength: 4, sourceStart: 4, sourceLength: 4 },
  ]);

  it("covers every source character of a span that crosses the reordering", () => {
    expect(map.spanToSource(6, 10)).toEqual([4, 12]);
    expect(map.spanToSource(0, 12)).toEqual([0, 12]);
  });

  it("still maps spans inside one run exactly", () => {
    expect(map.spanToSource(8, 10)).toEqual([4, 6]);
    expect(map.spanToSource(5, 7)).toEqual([9, 11]);
  });
});
