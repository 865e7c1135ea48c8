import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { entitySpans } from "../../src/annotate/mentions/model/tags.js";
import { checkConll } from "../../scripts/in-domain/conll-check.js";

const DIRECTORY = new URL("../../data/ner/in-domain/", import.meta.url);

describe("checkConll", () => {
  it("counts documents, sentences, tokens and entities of a good file", () => {
    const text =
      "# doc: a.txt\nKing\tO\nHussein\tB-PER\nof\tO\nJordan\tB-LOC\n\n# doc: b.txt\nBaath\tB-ORG\nParty\tI-ORG\n\n";
    expect(checkConll(text)).toEqual({
      documents: ["a.txt", "b.txt"],
      sentences: 2,
      tokens: 6,
      entities: { PER: 1, ORG: 1, LOC: 1 },
    });
  });

  it.each([
    ["an I- tag of another type", "# doc: a\nAbd\tB-PER\nal-Karim\tI-LOC\n\n", "line 3: I-LOC after B-PER"],
    ["an I- tag after O", "# doc: a\nthe\tO\nArmy\tI-ORG\n\n", "line 3: I-ORG after O"],
    ["a space instead of a tab", "# doc: a\nQasim B-PER\n\n", 'line 2: expected "token<TAB>tag"'],
    ["a tag outside the set", "# doc: a\nIraqi\tB-MISC\n\n", 'line 2: unknown tag "B-MISC"'],
    ["tokens before any document", "Qasim\tB-PER\n\n", 'line 1: token before the first "# doc:" line'],
    ["a document line inside a sentence", "# doc: a\nQasim\tB-PER\n# doc: b\n\n", "line 3: document line inside"],
    ["a last sentence without its blank line", "# doc: a\nQasim\tB-PER\n", "line 2: last sentence not ended"],
  ])("rejects %s", (_, text, message) => {
    expect(checkConll(text)).toMatch(message);
  });
});

const TITLES = new Set(["Mr.", "Mrs.", "Dr.", "President", "King", "General", "Secretary", "Minister", "Lord", "Sir"]);
const NATIONALITIES = new Set(["Iraqi", "Syrian", "British", "American", "Americans", "Arab", "Soviet", "Egyptian"]);

function spansOf(text: string): { tokens: string[]; type: string }[] {
  const spans: { tokens: string[]; type: string }[] = [];
  for (const block of text.split(/\n\n+/)) {
    const rows = block.split("\n").filter((line) => line !== "" && !line.startsWith("# doc: "));
    const tokens = rows.map((row) => row.split("\t")[0]!);
    const tags = rows.map((row) => row.split("\t")[1]!);
    for (const span of entitySpans(tokens, tags)) {
      spans.push({ tokens: tokens.slice(span.startToken, span.endToken), type: span.type });
    }
  }
  return spans;
}

const files = readdirSync(DIRECTORY).filter((name) => name.endsWith(".conll"));
const sets = [...new Set(files.map((name) => name.replace(/\.(train|heldout)\.conll$/, "")))];

describe.each(sets)("in-domain set %s", (name) => {
  const read = (split: string): string => readFileSync(new URL(`${name}.${split}.conll`, DIRECTORY), "utf8");
  const train = checkConll(read("train"));
  const heldout = checkConll(read("heldout"));

  it("has a training and a held-out file that parse", () => {
    expect(typeof train === "string" ? train : "ok").toBe("ok");
    expect(typeof heldout === "string" ? heldout : "ok").toBe("ok");
  });

  it("holds out whole documents, none of them also in training", () => {
    if (typeof train === "string" || typeof heldout === "string") throw new Error("unparsed");
    const trained = new Set(train.documents);
    expect(heldout.documents.filter((doc) => trained.has(doc))).toEqual([]);
    expect(heldout.sentences).toBeGreaterThan(0);
    expect(new Set(heldout.documents).size).toBe(heldout.documents.length);
  });

  it("follows the guide: no leading determiner, title, possessive or lone nationality word in a span", () => {
    const spans = [...spansOf(read("train")), ...spansOf(read("heldout"))];
    const broken = spans.filter(
      ({ tokens, type }) =>
        /^the$/i.test(tokens[0]!) ||
        /^['’]s$/.test(tokens[tokens.length - 1]!) ||
        (type === "PER" && TITLES.has(tokens[0]!)) ||
        (tokens.length === 1 && NATIONALITIES.has(tokens[0]!)),
    );
    expect(broken.map(({ tokens, type }) => `${tokens.join(" ")}/${type}`)).toEqual([]);
  });
});
