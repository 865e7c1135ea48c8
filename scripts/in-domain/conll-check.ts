/**
 * The in-domain CoNLL format: "token<TAB>tag" lines with BIO tags of PER, ORG and LOC, a blank
 * line after each sentence, and "# doc: <path>" before each document's first sentence.
 */

export interface ConllCounts {
  documents: string[];
  sentences: number;
  tokens: number;
  PER: number;
  ORG: number;
  LOC: number;
}

const TAG = /^(O|[BI]-(PER|ORG|LOC))$/;
const DOC = /^# doc: (\S.*)$/;

/** Counts of a well-formed file; throws "line N: reason" at the first line that breaks the format. */
export function checkConll(text: string): ConllCounts {
  const counts: ConllCounts = { documents: [], sentences: 0, tokens: 0, PER: 0, ORG: 0, LOC: 0 };
  let previous = "O";
  let inSentence = false;
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  const fail = (line: number, reason: string): never => {
    throw new Error(`line ${line}: ${reason}`);
  };
  lines.forEach((line, index) => {
    const at = index + 1;
    const doc = DOC.exec(line);
    if (doc) {
      if (inSentence) fail(at, "document starts inside a sentence (missing blank line)");
      counts.documents.push(doc[1]!);
      return;
    }
    if (line === "") {
      if (inSentence) counts.sentences++;
      inSentence = false;
      previous = "O";
      return;
    }
    if (counts.documents.length === 0) fail(at, 'token before the first "# doc:" line');
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
  return counts;
}
