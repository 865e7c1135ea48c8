import type { Tag } from "./tags.js";
import { TAGS } from "./tags.js";

/**
 * Reads the hand-annotated in-domain files (data/ner/in-domain/<name>.train.conll and
 * <name>.heldout.conll): one token per line "token<TAB>tag" with BIO tags of PER, ORG and LOC, a
 * blank line between sentences, and "# doc: <source path>" before each document's first sentence.
 * A line that breaks the format is skipped and reported as "file:line: what is wrong".
 */
export interface InDomainSentence {
  tokens: string[];
  tags: Tag[];
  /** Index of the sentence's document within the file, from 0 (-1 before any "# doc:" line). */
  document: number;
}

export interface InDomainFile {
  sentences: InDomainSentence[];
  /** Source path of each document, by index. */
  documents: string[];
  problems: string[];
}

const KNOWN_TAGS = new Set<string>(TAGS);
const DOC_LINE = /^# doc:\s*(.+?)\s*$/;

export function parseInDomain(text: string, file: string): InDomainFile {
  const result: InDomainFile = { sentences: [], documents: [], problems: [] };
  let tokens: string[] = [];
  let tags: Tag[] = [];
  const endSentence = (): void => {
    if (tokens.length > 0) result.sentences.push({ tokens, tags, document: result.documents.length - 1 });
    tokens = [];
    tags = [];
  };
  text.split("\n").forEach((rawLine, index) => {
    const line = rawLine.replace(/\r$/, "");
    const doc = DOC_LINE.exec(line);
    if (doc) {
      endSentence();
      result.documents.push(doc[1]!);
      return;
    }
    if (line.trim() === "") return endSentence();
    if (line.startsWith("#")) return;
    const fields = line.split("\t");
    const token = fields[0] ?? "";
    const tag = (fields[1] ?? "").trim();
    if (fields.length !== 2 || token === "" || !KNOWN_TAGS.has(tag)) {
      result.problems.push(
        `${file}:${index + 1}: expected "token<TAB>tag" with a tag among ${TAGS.join(", ")}; line skipped`,
      );
      return;
    }
    tokens.push(token);
    tags.push(tag as Tag);
  });
  endSentence();
  return result;
}
