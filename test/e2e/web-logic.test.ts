import { describe, expect, it } from "vitest";
import { formatDate, interval } from "../../web/src/dates.js";
import { diffTokens, tokenize } from "../../web/src/diff.js";
import { communityLayout, strengths } from "../../web/src/graph-layout.js";
import { segments } from "../../web/src/segments.js";
import { axisOf, commonPeriod, earlierEnd, laterStart, parentOf, tickLabel } from "../../web/src/periods.js";

/** The web UI's own pure helpers (no browser needed): dates, the word diff, text segmentation. */

describe("dates", () => {
  it("formats by precision", () => {
    expect(formatDate("1963-07-03", "day")).toBe("3 July 1963");
    expect(formatDate("1956-10", "month")).toBe("October 1956");
    expect(formatDate("1956-09", "season")).toBe("fall of 1956");
    expect(formatDate("1956-07", "half")).toBe("second half of 1956");
    expect(formatDate("1957", "year")).toBe("1957");
    expect(formatDate("1950", "decade")).toBe("1950s");
    expect(formatDate("1963-11-13", "range", "1963-11-18")).toBe("13 November 1963 – 18 November 1963");
    expect(formatDate(undefined)).toBe("undated");
  });

  it("draws month, season and year precision as ranges and days as points", () => {
    const day = interval("1963-07-03", "day");
    expect(day.point).toBe(true);
    const month = interval("1956-10", "month");
    expect([month.from.toISOString().slice(0, 10), month.to.toISOString().slice(0, 10), month.point]).toEqual([
      "1956-10-01",
      "1956-11-01",
      false,
    ]);
    const season = interval("1956-09", "season");
    expect(season.to.toISOString().slice(0, 10)).toBe("1956-12-01");
    const year = interval("1957", "year");
    expect([year.from.toISOString().slice(0, 10), year.to.toISOString().slice(0, 10)]).toEqual([
      "1957-01-01",
      "1958-01-01",
    ]);
    const range = interval("1963-11-13", "range", "1963-11-18");
    expect(range.to.toISOString().slice(0, 10)).toBe("1963-11-19");
  });
});

describe("word diff", () => {
  it("aligns a lower-cased, stripped copy with its original", () => {
    const a = tokenize("ar rashid revolt refers 1963 failed uprising");
    const b = tokenize("The Ar-Rashid revolt was a failed coup d'etat and uprising in 1963.");
    const result = diffTokens(
      a.map((t) => t.key),
      b.map((t) => t.key),
    )!;
    const onlyA = a.filter((_, i) => result.changedA[i]).map((t) => t.key);
    const onlyB = b.filter((_, i) => result.changedB[i]).map((t) => t.key);
    expect(onlyA).toEqual(["refers", "1963"]);
    expect(onlyB).toEqual(["the", "was", "a", "coup", "d", "etat", "and", "in", "1963"]);
    expect(result.common).toBe(5);
  });

  it("finds a shortest edit script on random inputs", () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 200; round++) {
      const a = Array.from({ length: Math.floor(random() * 12) }, () => "abc"[Math.floor(random() * 3)]!);
      const b = Array.from({ length: Math.floor(random() * 12) }, () => "abc"[Math.floor(random() * 3)]!);
      const result = diffTokens(a, b)!;
      const keptA = a.filter((_, i) => !result.changedA[i]);
      const keptB = b.filter((_, i) => !result.changedB[i]);
      expect(keptA).toEqual(keptB);
      expect(keptA.length).toBe(lcsLength(a, b));
    }
  });

  it("gives up past the edit limit", () => {
    expect(diffTokens(["a", "b", "c"], ["x", "y", "z"], 2)).toBeUndefined();
  });
});

function lcsLength(a: string[], b: string[]): number {
  const row = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    let diagonal = 0;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = x === b[j - 1] ? diagonal + 1 : Math.max(row[j]!, row[j - 1]!);
      diagonal = above;
    }
  }
  return row[b.length]!;
}

describe("segments", () => {
  it("cuts at mentions, sections and the cited passage, dropping overlapping mentions", () => {
    const text = "Qasim met Arif in Baghdad.";
    const pieces = segments(
      text,
      [
        { start: 0, end: 5, type: "person", entityId: "q" },
        { start: 2, end: 8, type: "person" },
        { start: 18, end: 25, type: "place", entityId: "b" },
      ],
      [0],
      { start: 10, end: 14 },
    );
    expect(pieces.map((p) => text.slice(p.start, p.end))).toEqual(["Qasim", " met ", "Arif", " in ", "Baghdad", "."]);
    expect(pieces.map((p) => p.mention?.entityId ?? null)).toEqual(["q", null, null, null, "b", null]);
    expect(pieces.map((p) => p.cited)).toEqual([false, false, true, false, false, false]);
    expect(pieces[0]!.anchors).toEqual([0]);
    expect(pieces.map((p) => text.slice(p.start, p.end)).join("")).toBe(text);
  });

  it("marks where each page starts, cutting a mention that runs across the break", () => {
    const text = "End of one.\n\nQasim spoke.";
    const pieces = segments(text, [{ start: 9, end: 18, type: "person" }], [], undefined, [
      { number: 1, start: 0 },
      { number: 2, start: 13 },
    ]);
    expect(pieces.filter((p) => p.pageStart !== undefined).map((p) => [p.pageStart, p.start])).toEqual([
      [1, 0],
      [2, 13],
    ]);
    expect(pieces.map((p) => text.slice(p.start, p.end)).join("")).toBe(text);
  });

  it("ignores spans outside the text", () => {
    const pieces = segments("abc", [{ start: 2, end: 10, type: "person" }], [5]);
    expect(pieces.map((p) => [p.start, p.end])).toEqual([[0, 3]]);
  });
});

describe("timeline periods", () => {
  it("zooms a year to its months and a month or a day to the month's days, and out again", () => {
    expect(axisOf(undefined)).toEqual({ zoom: "year" });
    expect(axisOf("1958")).toEqual({ zoom: "month", range: "1958" });
    expect(axisOf("1958-07-14")).toEqual({ zoom: "day", range: "1958-07" });
    expect([parentOf("1958-07-14"), parentOf("1958-07"), parentOf("1958")]).toEqual(["1958-07", "1958", undefined]);
  });

  it("narrows a from–to filter to a period: the later start, the earlier end, a prefix ending with its period", () => {
    expect(laterStart("1958", "1958-07")).toBe("1958-07");
    expect(laterStart(undefined, "1963")).toBe("1963");
    expect(earlierEnd("1958", "1958-07")).toBe("1958-07");
    expect(earlierEnd("1963-02", "1958")).toBe("1958");
    expect(earlierEnd("1963", undefined)).toBe("1963");
    expect(commonPeriod("1958-03", "1958-11-02")).toBe("1958");
    expect(commonPeriod("1958-07-01", "1958-07-20")).toBe("1958-07");
    expect(commonPeriod("1958", "1963")).toBeUndefined();
  });

  it("labels a tick by what the range does not already say", () => {
    expect(tickLabel("1958-07", "1958")).toBe("Jul");
    expect(tickLabel("1958-07-04", "1958-07")).toBe("4");
    expect(tickLabel("1957-12", "1958")).toBe("December 1957");
    expect(tickLabel("1958", undefined)).toBe("1958");
  });
});

describe("the network's community layout", () => {
  const edges = [
    { source: "a", target: "b", weight: 5 },
    { source: "a", target: "c", weight: 2 },
    { source: "b", target: "c", weight: 1 },
    { source: "d", target: "e", weight: 1 },
  ];
  const nodes = ["a", "b", "c", "d", "e"].map((id) => ({ id, community: "abc".includes(id) ? 0 : 1 }));

  it("sums each actor's edge weights", () => {
    expect(Object.fromEntries(strengths(edges))).toEqual({ a: 7, b: 6, c: 3, d: 1, e: 1 });
  });

  it("puts each community's most tied actor at the centre of a disc of its own", () => {
    const spacing = 30;
    const { positions: at, discs } = communityLayout(nodes, strengths(edges), spacing);
    expect([...at.keys()].sort()).toEqual(["a", "b", "c", "d", "e"]);
    const distance = (p: string, q: string) => Math.hypot(at.get(p)!.x - at.get(q)!.x, at.get(p)!.y - at.get(q)!.y);
    const radius = (n: number) => spacing * (Math.sqrt(n) + 0.6);
    for (const id of ["b", "c"]) expect(distance("a", id)).toBeLessThan(radius(3));
    expect(distance("a", "b")).toBeLessThan(distance("a", "c"));
    for (const [inside, outside] of [
      ["a", "d"],
      ["a", "e"],
    ])
      expect(distance(inside!, outside!)).toBeGreaterThanOrEqual(radius(3));
    expect(discs.map((d) => d.community)).toEqual([0, 1]);
    expect(discs[0]!.centre).toEqual(at.get("a"));
    for (const [disc, ids] of [
      [discs[0]!, ["a", "b", "c"]],
      [discs[1]!, ["d", "e"]],
    ] as const)
      for (const id of ids)
        expect(Math.hypot(at.get(id)!.x - disc.centre.x, at.get(id)!.y - disc.centre.y)).toBeLessThan(disc.radius);
  });
});
