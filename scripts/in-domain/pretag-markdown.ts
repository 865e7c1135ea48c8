/**
 * Draft annotations for hand correction: the first prose sentences of each given wikipedia-syria
 * article, tokenized and tagged by the shipped model, written in the bracket form (brackets.ts)
 * to one file per article.
 *
 *   npx tsx scripts/in-domain/pretag-markdown.ts <out-dir> <max-sentences> <article.md>...
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { loadNerModel, tagDocument } from "../../src/annotate/mentions/model/index.js";
import { toBrackets } from "./brackets.js";
import { proseParagraphs, sentences, tokenize } from "./markdown-text.js";

const CORPORA = "/work/shared/corpora";
const MAX_TOKENS = 70;

const [outDir, limit, ...articles] = process.argv.slice(2);
if (!outDir || !limit || articles.length === 0) {
  console.error("usage: pretag-markdown.ts <out-dir> <max-sentences> <article.md>...");
  process.exit(2);
}
mkdirSync(outDir, { recursive: true });
const model = loadNerModel();

for (const article of articles) {
  const chosen: string[][] = [];
  for (const paragraph of proseParagraphs(readFileSync(article, "utf8"))) {
    for (const sentence of sentences(paragraph)) {
      const tokens = tokenize(sentence);
      if (tokens.length < 4 || tokens.length > MAX_TOKENS || tokens.some((t) => t.includes("[") || t.includes("]")))
        continue;
      if (chosen.length < Number(limit)) chosen.push(tokens);
    }
  }
  const tags = tagDocument(model, chosen);
  const lines = [`# doc: ${relative(CORPORA, article)}`, ...chosen.map((tokens, i) => toBrackets(tokens, tags[i]!))];
  writeFileSync(join(outDir, `${basename(article, ".md")}.txt`), `${lines.join("\n")}\n`);
  console.log(`${chosen.length}\t${article}`);
}
