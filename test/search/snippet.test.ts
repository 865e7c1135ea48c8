import { describe, expect, it } from "vitest";
import { highlightRanges, highlighterFor } from "../../src/search/highlight.js";
import { parseQuery } from "../../src/search/query.js";
import { escapeHtml, makeSnippet, SNIPPET_CHARS } from "../../src/search/snippet.js";

const marked = (text: string, query: string) =>
  highlightRanges(text, highlighterFor(parseQuery(query))).map(([s, e]) => text.slice(s, e));

describe("highlightRanges", () => {
  it("marks words matched by lemma, spelling, key and prefix", () => {
    const text = "The officers of Qasim were executed; an execution followed.";
    expect(marked(text, "officer Kassem execut*")).toEqual(["officers", "Qasim", "executed", "execution"]);
  });

  it("marks a split word or phrase only where all its words follow one another", () => {
    const text = "al-Bakr met al-Sa'di; the death of a train driver; the Death Train.";
    expect(marked(text, "al-Sadi")).toEqual(["al", "Sa'di"]);
    expect(marked(text, '"death train"')).toEqual(["Death", "Train"]);
  });

  it("marks nothing for dropped stop words or exclusions", () => {
    expect(marked("officers were executed", "officers were -executed")).toEqual(["officers"]);
  });
});

describe("makeSnippet", () => {
  it("escapes HTML around the marks and folds whitespace", () => {
    const text = `a <b> & "c"\n\n'd' word`;
    const start = text.indexOf("word");
    const snippet = makeSnippet(text, [[start, start + 4]]);
    expect(snippet.html).toBe("a &lt;b&gt; &amp; &quot;c&quot; &#39;d&#39; <mark>word</mark>");
    expect(snippet.window).toEqual([0, text.length]);
  });

  it("shows the densest window of a long passage, cut at word boundaries, with ellipses", () => {
    const filler = "lorem ipsum dolor sit amet ".repeat(30);
    const text = `${filler}Qasim and Arif and Qasim again ${filler}`;
    const ranges: [number, number][] = [];
    for (const m of text.matchAll(/Qasim|Arif/g)) ranges.push([m.index, m.index + m[0].length]);
    const snippet = makeSnippet(text, ranges);
    expect(snippet.html.startsWith("…")).toBe(true);
    expect(snippet.html.endsWith("…")).toBe(true);
    expect(snippet.html.match(/<mark>/g)).toHaveLength(3);
    const [start, end] = snippet.window;
    expect(end - start).toBeLessThanOrEqual(SNIPPET_CHARS);
    expect(text[start - 1]).toBe(" ");
    expect(text[end]).toBe(" ");
  });

  it("shows the start of a passage without highlights", () => {
    const text = "word ".repeat(100);
    const snippet = makeSnippet(text, []);
    expect(snippet.window[0]).toBe(0);
    expect(snippet.html).not.toContain("<mark>");
  });
});

describe("escapeHtml", () => {
  it("escapes the five HTML-significant characters", () => {
    expect(escapeHtml(`<>&"'`)).toBe("&lt;&gt;&amp;&quot;&#39;");
  });
});
