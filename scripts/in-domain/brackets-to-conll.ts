/**
 * Turns hand-corrected bracket files (one per document, see brackets.ts) into the in-domain CoNLL
 * splits: every 4th draft document is held out whole, counting through the draft folders in the
 * order given and through each folder in file-name order (so the split does not move while
 * documents are being corrected or a new batch of drafts is added; drafts not yet corrected are
 * left out). Each corrected sentence must keep the draft's tokens exactly; only tags may change.
 *
 *   npx tsx scripts/in-domain/brackets-to-conll.ts <corrected-dir> <out-dir> <name> <draft-dir>...
 */
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { AnnotatedDocument } from "./brackets.js";
import { parseBracketFile } from "./brackets.js";

const [correctedDir, outDir, name, ...draftDirs] = process.argv.slice(2);
if (!correctedDir || !outDir || !name || draftDirs.length === 0) {
  console.error("usage: brackets-to-conll.ts <corrected-dir> <out-dir> <name> <draft-dir>...");
  process.exit(2);
}

function read(path: string): AnnotatedDocument {
  const documents = parseBracketFile(readFileSync(path, "utf8"));
  if (documents.length !== 1) throw new Error(`${path}: expected one "# doc:" document, found ${documents.length}`);
  return documents[0]!;
}

function checkTokens(file: string, draft: AnnotatedDocument, corrected: AnnotatedDocument): void {
  if (draft.sentences.length !== corrected.sentences.length)
    throw new Error(`${file}: ${corrected.sentences.length} sentences, draft has ${draft.sentences.length}`);
  corrected.sentences.forEach((sentence, i) => {
    const expected = draft.sentences[i]!.tokens.join(" ");
    if (sentence.tokens.join(" ") !== expected)
      throw new Error(`${file}: sentence ${i + 1} tokens differ from the draft`);
  });
}

function conll(documents: readonly AnnotatedDocument[]): string {
  const lines: string[] = [];
  for (const document of documents) {
    lines.push(`# doc: ${document.doc}`);
    for (const sentence of document.sentences) {
      sentence.tokens.forEach((token, i) => lines.push(`${token}\t${sentence.tags[i]!}`));
      lines.push("");
    }
  }
  return `${lines.join("\n")}\n`;
}

const corrected = new Set(readdirSync(correctedDir));
const drafts = draftDirs.flatMap((dir) =>
  readdirSync(dir)
    .filter((file) => file.endsWith(".txt"))
    .sort()
    .map((file) => ({ dir, file })),
);
const train: AnnotatedDocument[] = [];
const heldout: AnnotatedDocument[] = [];
drafts.forEach(({ dir, file }, index) => {
  if (!corrected.has(file)) return;
  const document = read(join(correctedDir, file));
  checkTokens(file, read(join(dir, file)), document);
  (index % 4 === 3 ? heldout : train).push(document);
});
writeFileSync(join(outDir, `${name}.train.conll`), conll(train));
writeFileSync(join(outDir, `${name}.heldout.conll`), conll(heldout));
console.log(`${train.length} training and ${heldout.length} held-out documents`);
