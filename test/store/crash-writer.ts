/**
 * Child process of crash.test.ts: rewrites a few files over and over until it is killed, printing
 * "committed N" after each commit.
 */
import { openStore } from "../../src/store/index.js";
import { buildPassages } from "../../src/search/passages.js";
import { makeDocument } from "./make-document.js";

const FILES = 4;
const paragraph = (i: number) =>
  `Paragraph ${i} keeps consistency between the passages table and the index. ` +
  "Qasim and Arif planned the revolution with the officers of the army in Baghdad. ".repeat(4);
const text = Array.from({ length: 150 }, (_, i) => paragraph(i)).join("\n\n");
const passages = buildPassages(makeDocument("template", text));

const store = openStore(process.argv[2]!);
for (let generation = 0; ; generation++) {
  const k = generation % FILES;
  const id = `f${k}-g${generation}`;
  const document = makeDocument(id, text, { path: `f${k}.txt` });
  store.replaceFile({ path: `f${k}.txt`, contentHash: id, size: text.length, mtimeMs: generation }, [
    { document, passages, dates: [], signature: new Uint32Array([generation]) },
  ]);
  process.stdout.write(`committed ${generation}\n`);
}
