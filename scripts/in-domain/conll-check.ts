/**
 * The checks of a hand-annotated CoNLL file (see data/ner/in-domain/README.md): every token line is
 * "token<TAB>tag" with a BIO tag of PER, ORG or LOC; an I- tag continues a B- or I- tag of its type;
 * "# doc: …" lines come before a document's first sentence and never inside a sentence.
 */
const TAG = /^(O|[BI]-(PER|ORG|LOC))$/;

export type EntityType = "PER" | "ORG" | "LOC";

export interface ConllCounts {
  /** The "# doc:" paths, in order. */
  documents: string[];
  sentences: number;
  tokens: number;
  entities: Record<EntityType, number>;
}

/** Counts of a valid file, or the first problem as "line N: what is wrong". */
export function checkConll(text: string): ConllCounts | string {
  const counts: ConllCounts = { documents: [], sentences: 0, tokens: 0, entities: { PER: 0, ORG: 0, LOC: 0 } };
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  let previous = "O";
  let inSentence = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const where = `line ${i + 1}`;
    if (line.startsWith("# doc: ")) {
      if (inSentence) return `${where}: document line inside a sentence; end the sentence with a blank line`;
      counts.documents.push(line.slice("# doc: ".length));
      continue;
    }
    if (line === "") {
      if (inSentence) counts.sentences++;
      inSentence = false;
      previous = "O";
      continue;
    }
    if (counts.documents.length === 0) return `${where}: token before the first "# doc:" line`;
    const fields = line.split("\t");
    const [token, tag] = fields;
    if (fields.length !== 2 || !token || !tag || /\s/.test(token)) {
      return `${where}: expected "token<TAB>tag", got ${JSON.stringify(line)}`;
    }
    if (!TAG.test(tag)) return `${where}: unknown tag "${tag}" (O, B-/I- PER, ORG or LOC)`;
    if (tag.startsWith("I-") && previous.slice(2) !== tag.slice(2)) {
      return `${where}: ${tag} after ${previous}; an entity starts with B-`;
    }
    if (tag.startsWith("B-")) counts.entities[tag.slice(2) as EntityType]++;
    counts.tokens++;
    inSentence = true;
    previous = tag;
  }
  if (inSentence) return `line ${lines.length}: last sentence not ended by a blank line`;
  return counts;
}
