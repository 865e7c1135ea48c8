/** One sentence of a CoNLL file: tokens and their tags as written (any tag set). */
export interface ConllSentence {
  tokens: string[];
  tags: string[];
}

export interface ConllDocument {
  /** Position of the document in its file, from 0. */
  index: number;
  sentences: ConllSentence[];
}

const DOCSTART = "-DOCSTART-";

/**
 * Reads CoNLL text: one token per line, the token first and the tag last, separated by tabs or
 * spaces (WikiGold: "Baghdad I-LOC"; re3d: "Baghdad\tB-Location"); blank lines end sentences;
 * "-DOCSTART-" lines start documents. A file without DOCSTART lines is one document.
 */
export function parseConll(text: string): ConllDocument[] {
  const documents: ConllDocument[] = [];
  let sentences: ConllSentence[] = [];
  let tokens: string[] = [];
  let tags: string[] = [];
  const endSentence = (): void => {
    if (tokens.length > 0) sentences.push({ tokens, tags });
    tokens = [];
    tags = [];
  };
  const endDocument = (): void => {
    endSentence();
    if (sentences.length > 0) documents.push({ index: documents.length, sentences });
    sentences = [];
  };
  for (const rawLine of text.split("\n")) {
    const line = rawLine.replace(/\r$/, "");
    if (line.trim() === "") {
      endSentence();
      continue;
    }
    const fields = line.includes("\t") ? line.split("\t") : line.split(" ");
    const token = fields[0] ?? "";
    if (token === DOCSTART) {
      endDocument();
      continue;
    }
    tokens.push(token);
    tags.push(fields.length > 1 ? (fields[fields.length - 1] ?? "O").trim() : "O");
  }
  endDocument();
  return documents;
}
