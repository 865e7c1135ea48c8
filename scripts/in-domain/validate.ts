/**
 * Checks hand-annotated CoNLL files (conll-check.ts) and counts them:
 *
 *   npx tsx scripts/in-domain/validate.ts data/ner/in-domain/*.conll
 *
 * Prints, per file, the documents, sentences, tokens and entities per type, or the first bad line;
 * exits 1 when a file is bad.
 */
import { readFileSync } from "node:fs";
import { checkConll } from "./conll-check.js";

let failed = false;
for (const path of process.argv.slice(2)) {
  const result = checkConll(readFileSync(path, "utf8"));
  if (typeof result === "string") {
    console.error(`${path}: ${result}`);
    failed = true;
  } else {
    const { documents, sentences, tokens, entities } = result;
    console.log(
      `${path}: ${documents.length} documents, ${sentences} sentences, ${tokens} tokens, ` +
        `PER ${entities.PER}, ORG ${entities.ORG}, LOC ${entities.LOC}`,
    );
  }
}
process.exit(failed ? 1 : 0);
