/**
 * Checks in-domain CoNLL files (token<TAB>tag, BIO, "# doc:" lines, blank line after each sentence)
 * and prints documents, sentences, tokens and entities per type. Exits 1 on the first bad line.
 *
 *   npx tsx scripts/in-domain/validate.ts <file.conll>...
 */
import { readFileSync } from "node:fs";

const TAG = /^(O|[BI]-(PER|ORG|LOC))$/;

for (const file of process.argv.slice(2)) {
  const counts = { documents: 0, sentences: 0, tokens: 0, PER: 0, ORG: 0, LOC: 0 };
  let previous = "O";
  let inSentence = false;
  const fail = (line: number, reason: string): never => {
    console.error(`${file}:${line}: ${reason}`);
    process.exit(1);
  };
  const lines = readFileSync(file, "utf8").split("\n");
  lines.forEach((line, index) => {
    const at = index + 1;
    if (line.startsWith("# doc: ")) {
      if (inSentence) fail(at, "document starts inside a sentence (missing blank line)");
      counts.documents++;
      return;
    }
    if (line === "") {
      if (inSentence) counts.sentences++;
      inSentence = false;
      previous = "O";
      return;
    }
    if (counts.documents === 0) fail(at, 'token before the first "# doc:" line');
    const fields = line.split("\t");
    if (fields.length !== 2 || fields[0] === "" || /\s/.test(fields[0]!)) fail(at, "expected token<TAB>tag");
    const tag = fields[1]!;
    if (!TAG.test(tag)) fail(at, `unknown tag "${tag}"`);
    if (tag.startsWith("I-") && previous.slice(2) !== tag.slice(2)) fail(at, `${tag} does not continue ${previous}`);
    if (tag.startsWith("B-")) counts[tag.slice(2) as "PER" | "ORG" | "LOC"]++;
    counts.tokens++;
    inSentence = true;
    previous = tag;
  });
  if (inSentence) fail(lines.length, "last sentence has no blank line after it");
  console.log(`${file}\t${JSON.stringify(counts)}`);
}
