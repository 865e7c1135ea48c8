/**
 * Checks in-domain CoNLL files (conll-check.ts) and prints documents, sentences, tokens and names
 * per type. Exits 1 at the first bad line.
 *
 *   npx tsx scripts/in-domain/validate.ts <file.conll>...
 */
import { readFileSync } from "node:fs";
import { checkConll } from "./conll-check.js";

for (const file of process.argv.slice(2)) {
  try {
    const { documents, ...counts } = checkConll(readFileSync(file, "utf8"));
    console.log(`${file}\t${JSON.stringify({ documents: documents.length, ...counts })}`);
  } catch (error) {
    console.error(`${file}: ${(error as Error).message}`);
    process.exit(1);
  }
}
