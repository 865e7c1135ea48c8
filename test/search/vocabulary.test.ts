import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingest } from "../../src/ingest/ingest.js";
import { withoutFurniture } from "../../src/ingest/analyse.js";
import { highlighterFor, highlightRanges } from "../../src/search/highlight.js";
import { parseQuery, queryTexts } from "../../src/search/query.js";
import { storedLexicon } from "../../src/search/vocabulary.js";
import { indexLexiconWords, indexSegmenterWith } from "../../src/segment/index.js";
import type { Store } from "../../src/store/index.js";
import { ROOT, tempDir } from "../helpers/cli.js";
import type { LexicalEntry } from "../../src/segment/index.js";
import { backends } from "../store/backends.js";

/** Words the fixture documents lack or spell once: apostrophes, clitics, initials, hyphens, Arabic, letters beyond Latin-1. */
const EXTRA = `Ba'ath officials met al-Sa'di and Qasim's brothers in Baghdad. They didn't wait for the Officers' vote.
Mr. J. F. Dulles (USA) spoke; the "Free Officers" movement was banned, its leaders were hanged.
عبد الكريم قاسم والبعث في بغداد. Erdoğan, Ṣalāḥ al-Dīn and ʿAbd al-Karīm Qāsim met in İstanbul.
On 14 July 1958, 2,000 men of the 19th Brigade took the radio station; ar-Rashid's camp fell.`;

/** Words no document holds: typed by a user, never seen by the index. */
const UNSEEN = ["Zanzibarites", "coupists", "Kassem", "QASSEM", "Mosul's", "al-Jumhuriyya", "هاشم", "isn't"];

/** Queries made of the corpus's words as a user copies them: as written, re-cased, joined, quoted, negated, as prefixes. */
function queriesOf(words: readonly string[]): string[] {
  const queries: string[] = [];
  const capitalized = (w: string) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase();
  words.forEach((word, i) => {
    const next = words[(i + 1) % words.length]!;
    queries.push(word, word.toLowerCase(), word.toUpperCase(), capitalized(word));
    if (i % 3 === 0) queries.push(`${word} ${next}`, `"${word} ${next}"`, `${word} OR ${next}`, `-${word} AND ${next}`);
    if (i % 5 === 0) queries.push(`${word}*`, `${word.slice(0, 3)}*`);
  });
  return queries;
}

/** wink-nlp's entries for `words` in a new process (the built lexicon, as the CLI runs it), asked in this order. */
function freshEntries(words: readonly string[]): Record<string, LexicalEntry> {
  const script = `import { readFileSync } from "node:fs";
    import { lexicalEntry } from ${JSON.stringify(join(ROOT, "dist/segment/lexicon.js"))};
    const words = JSON.parse(readFileSync(0, "utf8"));
    process.stdout.write(JSON.stringify(Object.fromEntries(words.map((w) => [w, lexicalEntry(w)]))));`;
  const result = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
    input: JSON.stringify(words),
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as Record<string, LexicalEntry>;
}

describe.each(backends)("$name store: the lexicon of the index", (backend) => {
  let store: Store;
  let words: string[];
  beforeAll(async () => {
    store = backend.open();
    const dir = tempDir("annals-lexicon-");
    writeFileSync(join(dir, "extra.txt"), EXTRA);
    const report = await ingest(store, [join(ROOT, "test/fixtures/documents"), dir], { workers: 0 });
    expect(report.failed).toEqual([]);
    const indexed = store.listDocuments().flatMap((d) => {
      const { text, furniture } = store.getDocument(d.id)!.document;
      return withoutFurniture(text, [{ start: 0, end: text.length }], furniture ?? []).map((s) =>
        text.slice(s.start, s.end),
      );
    });
    words = [...new Set(indexed.flatMap((text) => text.split(/\s+/)).filter((w) => w.length > 0))].sort();
  }, 60_000);
  afterAll(() => store.close());

  it("holds every word a query of the corpus's words looks up, as written or in lower case, joined by OR", () => {
    // Without quotes: an unclosed one would make "OR" a word of a phrase.
    const unquoted = words.filter((w) => !w.includes('"'));
    const joined = unquoted.map((w, i) => `${w} OR ${unquoted[(i + 1) % unquoted.length]}`);
    const asked = new Set([...words, ...words.map((w) => w.toLowerCase()), ...joined].flatMap(queryTexts));
    const needed = [...new Set([...asked].flatMap((text) => [...indexLexiconWords(text)]))];
    const held = store.lexicalEntries(needed);
    expect(needed.filter((w) => !held.has(w))).toEqual([]);
    expect(held.size).toBeGreaterThan(500);
  });

  it("keeps the entries a fresh wink-nlp gives, though the ingest's had read the whole corpus first", () => {
    const held = store.lexicalEntries([
      ...new Set(words.flatMap((w) => [...indexLexiconWords(`${w} ${w.toLowerCase()}`)])),
    ]);
    const fresh = freshEntries([...held.keys()].reverse());
    const differing = [...held].filter(([word, entry]) => JSON.stringify(fresh[word]) !== JSON.stringify(entry));
    expect(differing).toEqual([]);
  });

  it("parses every query exactly as wink-nlp's lexicon does, words unseen by the index included", () => {
    const queries = [...queriesOf(words), ...queriesOf(UNSEEN), UNSEEN.join(" ")];
    const lexicon = storedLexicon(store, queries.flatMap(queryTexts));
    const segmenter = indexSegmenterWith(lexicon);
    const differing = queries.filter((q) => JSON.stringify(parseQuery(q, segmenter)) !== JSON.stringify(parseQuery(q)));
    expect(differing).toEqual([]);
    expect(queries.length).toBeGreaterThan(4000);
  });

  it("highlights the hits of a search as wink-nlp's lexicon does", () => {
    for (const query of ["Baghdad", "officers", "Sa'di", "Qasim's brother", "Embassy", "didn't", "بغداد", "Kassem"]) {
      const hits = store.search(query, { limit: 20 }).hits;
      expect(hits.length, query).toBeGreaterThan(0);
      const highlighter = highlighterFor(parseQuery(query));
      for (const hit of hits) expect(hit.highlights, query).toEqual(highlightRanges(hit.text, highlighter));
    }
  });
});
