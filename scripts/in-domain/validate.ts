/**
 * Checks hand-annotated CoNLL files and counts them:
 *
 *   npx tsx scripts/in-domain/validate.ts data/ner/in-domain/*.conll
 *
 * Every token line is "token<TAB>tag" with a BIO tag of PER, ORG or LOC; an I- tag continues a B- or
 * I- tag of its type; "# doc: …" lines come before a document's first sentence. Prints, per file, the
 * documents, sentences, tokens and entities per type, and exits 1 on the first bad line of each file.
 */
import { readFileSync } from "node:fs";

const TAG = /^(O|[BI]-(PER|ORG|LOC))$/;

interface Counts {
  documents: number;
  sentences: number;
  tokens: number;
  entities: Record<"PER" | "ORG" | "LOC", number>;
}

function check(path: string): Counts | string {
  const counts: Counts = { documents: 0, sentences: 0, tokens: 0, entities: { PER: 0, ORG: 0, LOC: 0 } };
  const lines = readFileSync(path, "utf8").split("\n");
  let previous = "O";
  let inSentence = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const where = `${path}:${i + 1}`;
    if (line.startsWith("# doc: ")) {
      if (inSentence) return `${where}: document line inside a sentence; end the sentence with a blank line`;
      counts.documents++;
      continue;
    }
    if (line === "") {
      if (inSentence) counts.sentences++;
      inSentence = false;
      previous = "O";
      continue;
    }
    if (counts.documents === 0) return `${where}: token before the first "# doc:" line`;
    const fields = line.split("\t");
    const [token, tag] = fields;
    if (fields.length !== 2 || !token || !tag || /\s/.test(token)) {
      return `${where}: expected "token<TAB>tag", got ${JSON.stringify(line)}`;
    }
    if (!TAG.test(tag)) return `${where}: unknown tag "${tag}" (O, B-/I- PER, ORG or LOC)`;
    if (tag.startsWith("I-") && previous.slice(2) !== tag.slice(2)) {
      return `${where}: ${tag} after ${previous}; an entity starts with B-`;
    }
    if (tag.startsWith("B-")) counts.entities[tag.slice(2) as keyof Counts["entities"]]++;
    counts.tokens++;
    inSentence = true;
    previous = tag;
  }
  if (inSentence) return `${path}: last sentence not ended by a blank line`;
  return counts;
}

let failed = false;
for (const path of process.argv.slice(2)) {
  const result = check(path);
  if (typeof result === "string") {
    console.error(result);
    failed = true;
  } else {
    const { documents, sentences, tokens, entities } = result;
    console.log(
      `${path}: ${documents} documents, ${sentences} sentences, ${tokens} tokens, ` +
        `PER ${entities.PER}, ORG ${entities.ORG}, LOC ${entities.LOC}`,
    );
  }
}
process.exit(failed ? 1 : 0);
