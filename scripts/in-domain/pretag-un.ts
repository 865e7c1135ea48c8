/**
 * Draft of an organization-rich batch of UN general-debate passages for hand annotation: from every speech that
 * scripts/in-domain/pretag.ts does not take, the window of consecutive sentences in which the shipped model finds
 * the most organizations; the speeches with the richest windows, one bracket file each (brackets.ts).
 *
 *   npx tsx scripts/in-domain/pretag-un.ts <corpora-dir> <draft-dir> <speeches> <sentences-per-speech>
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { entitySpans, loadNerModel, tagDocument } from "../../src/annotate/mentions/model/index.js";
import { paragraphSpans } from "../../src/segment/index.js";
import { winkSegmenter } from "../../src/segment/wink.js";
import { toBrackets } from "./brackets.js";
import { tokenize } from "./tokenize.js";

const UN = "un-general-debate-1958-1968/TXT";
const MAX_TOKENS = 70;

function sentencesOf(text: string): string[] {
  const out: string[] = [];
  for (const paragraph of paragraphSpans(text))
    for (const sentence of winkSegmenter.segmentSpan(text, paragraph).sentences)
      out.push(text.slice(sentence.start, sentence.end));
  return out;
}

function usable(tokens: string[]): boolean {
  const words = tokens.filter((token) => /[A-Za-z]{2}/.test(token));
  const bracketFree = tokens.every((token) => !/[[\]]/.test(token));
  return bracketFree && words.length >= 2 && words.length * 2 >= tokens.length && tokens.length <= MAX_TOKENS;
}

const [corpora, draftDir, speechCount, windowSize] = process.argv.slice(2);
if (!corpora || !draftDir || !speechCount || !windowSize) {
  console.error("usage: pretag-un.ts <corpora-dir> <draft-dir> <speeches> <sentences-per-speech>");
  process.exit(2);
}
const size = Number(windowSize);
const taken = new Set(
  [...readFileSync(new URL("./pretag.ts", import.meta.url), "utf8").matchAll(/"(Session [^"]+\.txt)"/g)].map(
    (m) => m[1],
  ),
);
const model = loadNerModel();
const candidates: { speech: string; first: number; sentences: { tokens: string[]; tags: string[] }[]; orgs: number }[] =
  [];
for (const session of readdirSync(join(corpora, UN)).sort())
  for (const file of readdirSync(join(corpora, UN, session)).sort()) {
    const speech = `${session}/${file}`;
    if (taken.has(speech)) continue;
    const text = readFileSync(join(corpora, UN, speech), "utf8").replace(/^\d+\.\t/gm, "");
    const tokenized = sentencesOf(text.split("\n").join("\n\n")).map(tokenize).filter(usable);
    const tags = tagDocument(model, tokenized);
    const orgs = tokenized.map((tokens, i) => entitySpans(tokens, tags[i]!).filter((s) => s.type === "ORG").length);
    let best = { first: 0, orgs: -1 };
    for (let first = 0; first + size <= tokenized.length; first++) {
      const count = orgs.slice(first, first + size).reduce((a, b) => a + b, 0);
      if (count > best.orgs) best = { first, orgs: count };
    }
    const sentences = tokenized
      .slice(best.first, best.first + size)
      .map((tokens, i) => ({ tokens, tags: tags[best.first + i]! }));
    candidates.push({ speech, first: best.first, sentences, orgs: best.orgs });
  }
const chosen = candidates
  .sort((a, b) => b.orgs - a.orgs || a.speech.localeCompare(b.speech))
  .slice(0, Number(speechCount));
mkdirSync(draftDir, { recursive: true });
for (const { speech, first, sentences, orgs } of chosen) {
  const lines = [`# doc: ${UN}/${speech}`, ...sentences.map((s) => toBrackets(s.tokens, s.tags))];
  writeFileSync(
    join(draftDir, speech.replace(/^.*\//, "").replace(/\.txt$/, ".txt.brackets")),
    lines.join("\n") + "\n",
  );
  console.log(`${speech} from sentence ${first}: ${sentences.length} sentences, ${orgs} ORG drafted`);
}
