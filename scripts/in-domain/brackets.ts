/**
 * The editing form of annotated sentences: one sentence per line, tokens separated by single
 * spaces, a name written "[TYPE token token]", and "# doc: <path>" before each document.
 */

export interface AnnotatedSentence {
  tokens: string[];
  tags: string[];
}

export interface AnnotatedDocument {
  doc: string;
  sentences: AnnotatedSentence[];
}

const TYPES = new Set(["PER", "ORG", "LOC"]);

export function toBrackets(tokens: readonly string[], tags: readonly string[]): string {
  const parts: string[] = [];
  let open = false;
  tokens.forEach((token, i) => {
    const tag = tags[i] ?? "O";
    if (open && !tag.startsWith("I-")) {
      parts[parts.length - 1] += "]";
      open = false;
    }
    if (tag.startsWith("B-") || (tag.startsWith("I-") && !open)) {
      parts.push(`[${tag.slice(2)} ${token}`);
      open = true;
    } else {
      parts.push(token);
    }
  });
  if (open) parts[parts.length - 1] += "]";
  return parts.join(" ");
}

/** Parses one bracketed line; throws with the reason when it is malformed. */
export function fromBrackets(line: string): AnnotatedSentence {
  const tokens: string[] = [];
  const tags: string[] = [];
  let type: string | undefined;
  let first = false;
  for (const part of line.trim().split(/ +/)) {
    let word = part;
    if (word.startsWith("[") && word.length > 1 && type === undefined) {
      const name = word.slice(1);
      if (!TYPES.has(name)) throw new Error(`unknown type "${name}"`);
      type = name;
      first = true;
      continue;
    }
    let close = false;
    if (type !== undefined && word.endsWith("]") && word.length > 1) {
      word = word.slice(0, -1);
      close = true;
    }
    if (word.includes("[") || word.includes("]")) throw new Error(`stray bracket in "${part}"`);
    tokens.push(word);
    tags.push(type === undefined ? "O" : `${first ? "B" : "I"}-${type}`);
    first = false;
    if (close) type = undefined;
  }
  if (type !== undefined) throw new Error("unclosed name");
  return { tokens, tags };
}

export function parseBracketFile(text: string): AnnotatedDocument[] {
  const documents: AnnotatedDocument[] = [];
  text.split("\n").forEach((line, index) => {
    if (line.trim() === "") return;
    const doc = /^# doc: (.+)$/.exec(line);
    if (doc) {
      documents.push({ doc: doc[1]!.trim(), sentences: [] });
      return;
    }
    const current = documents[documents.length - 1];
    if (!current) throw new Error(`line ${index + 1}: sentence before any "# doc:" line`);
    try {
      current.sentences.push(fromBrackets(line));
    } catch (error) {
      throw new Error(`line ${index + 1}: ${(error as Error).message}: ${line.slice(0, 80)}`);
    }
  });
  return documents;
}
