import type { MentionContext } from "./types.js";

const LOWER_CASE_WORD = /(?<![\p{L}\p{M}])\p{Ll}[\p{Ll}\p{M}]+/gu;
const cache = new WeakMap<MentionContext["document"], Set<string>>();

/** Words the document writes in lower case: its common words, whatever case a heading or title gives them. */
export function lowerCaseWordsOf(context: MentionContext): Set<string> {
  let words = cache.get(context.document);
  if (!words) {
    words = new Set(context.document.text.match(LOWER_CASE_WORD) ?? []);
    cache.set(context.document, words);
  }
  return words;
}
