/** A sentence rebuilt from its tokens, with where each token landed in the text. */
export interface Detokenized {
  text: string;
  /** starts[i]..ends[i] is token i in text. */
  starts: number[];
  ends: number[];
}

const NO_SPACE_BEFORE = /^(?:[,.;:!?%)\]}]|'[a-z]*|’[a-z]*|n't|\.\.\.)$/i;
const NO_SPACE_AFTER = /^[([{$£]$/;
const WORDISH = /[\p{L}\p{N}]$/u;

/**
 * Joins CoNLL tokens the way the text was probably written: "Iraq ' s" → "Iraq's",
 * "al - Assad" → "al-Assad", "( 1958 )" → "(1958)", quotes glued to what they enclose.
 */
export function detokenize(tokens: readonly string[]): Detokenized {
  let text = "";
  const starts: number[] = [];
  const ends: number[] = [];
  let quoteOpen = false;
  let glueNext = true;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const previous = tokens[i - 1] ?? "";
    const next = tokens[i + 1] ?? "";
    let glue = glueNext || NO_SPACE_BEFORE.test(token);
    glueNext = NO_SPACE_AFTER.test(token);
    if (token === '"') {
      glue ||= quoteOpen;
      glueNext = !quoteOpen;
      quoteOpen = !quoteOpen;
    } else if (token === "-" && WORDISH.test(previous) && WORDISH.test(next)) {
      glue = true;
      glueNext = true;
    } else if (token === "s" && previous === "'") {
      glue = true;
    }
    if (!glue) text += " ";
    starts.push(text.length);
    text += token;
    ends.push(text.length);
  }
  return { text, starts, ends };
}

/** Tokens covered by the character range [start, end): first token and one past the last. */
export function tokensInRange(detokenized: Detokenized, start: number, end: number): [number, number] | undefined {
  let first = -1;
  let last = -1;
  for (let i = 0; i < detokenized.starts.length; i++) {
    if (detokenized.starts[i]! < end && detokenized.ends[i]! > start) {
      if (first < 0) first = i;
      last = i;
    }
  }
  return first < 0 ? undefined : [first, last + 1];
}
