import type { EntitySpan, Tag } from "./tags.js";
import { entitySpans, spansToTags } from "./tags.js";
import { isCapitalised } from "./words.js";

/**
 * Arabic names are rare in the training data, so the tagger often stops at a particle: it tags
 * "Karim Qasim" in "Abd al - Karim Qasim" and "Ali Salih" in "Ali Salih al-Sa'di". This widens an
 * entity over the particles on either side when a capitalised name part follows them.
 */
const ARTICLES = new Set("al el as ash ad ar az an at".split(" "));
const NAME_WORDS = new Set("abd abdul abdel abu ibn bin bint umm".split(" "));
const JOINED = /^(?:al|el|as|ash|ad|ar|az|an|at)[-\u2010]\p{Lu}/iu;

/** Tokens taken by a particle group starting at i ("al-Sa'di", "al - Sa'di", "bin Laden"), or 0. */
function particleGroupAt(tokens: readonly string[], i: number): number {
  const token = tokens[i];
  if (token === undefined) return 0;
  const lower = token.toLowerCase();
  if (JOINED.test(token)) return 1;
  const next = tokens[i + 1];
  const after = tokens[i + 2];
  if (ARTICLES.has(lower) && next === "-" && after !== undefined && isCapitalised(after)) return 3;
  if (NAME_WORDS.has(lower) && next !== undefined && (isCapitalised(next) || JOINED.test(next))) return 1;
  return 0;
}

function widen(tokens: readonly string[], span: EntitySpan, taken: Uint8Array): EntitySpan {
  let { startToken: start, endToken: end } = span;
  for (;;) {
    const size = particleGroupAt(tokens, end);
    if (size === 0 || taken[end]) break;
    end += size;
    // The capitalised name part after "al -" or "bin" belongs to the name too.
    if (size > 1 || !JOINED.test(tokens[end - 1]!)) {
      while (end < tokens.length && isCapitalised(tokens[end]!) && !taken[end]) end++;
    }
  }
  for (;;) {
    if (
      start >= 2 &&
      tokens[start - 1] === "-" &&
      ARTICLES.has(tokens[start - 2]!.toLowerCase()) &&
      !taken[start - 2]
    ) {
      start -= 2;
    } else if (start >= 1 && NAME_WORDS.has(tokens[start - 1]!.toLowerCase()) && !taken[start - 1]) {
      start -= 1;
    } else break;
  }
  return { ...span, startToken: start, endToken: end };
}

/** Tags with every entity widened over neighbouring Arabic name particles. */
export function extendOverNameParticles(tokens: readonly string[], tags: readonly Tag[]): Tag[] {
  const spans = entitySpans(tokens, tags);
  if (spans.length === 0) return [...tags];
  const taken = new Uint8Array(tokens.length);
  for (const span of spans) taken.fill(1, span.startToken, span.endToken);
  const widened = spans.map((span) => {
    taken.fill(0, span.startToken, span.endToken);
    const wide = widen(tokens, span, taken);
    taken.fill(1, wide.startToken, wide.endToken);
    return wide;
  });
  return spansToTags(tokens.length, widened);
}
