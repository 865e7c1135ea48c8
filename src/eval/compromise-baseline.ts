/**
 * The baseline a JavaScript developer would reach for: compromise's people(), places() and
 * organizations() on the detokenized sentence, mapped back to tokens by character offsets.
 * Matches are trimmed of a leading article and of trailing punctuation and possessive "'s"
 * (compromise includes "Baghdad." and "Iraq's"), so it is not penalized for those.
 */
import nlp from "compromise";
import type { EntitySpan, EntityType } from "../annotate/mentions/model/tags.js";
import { detokenize, tokensInRange } from "./detokenize.js";

interface OffsetMatch {
  offset: { start: number; length: number };
}
interface CompromiseView {
  json(options: { offset: true }): OffsetMatch[];
}
interface CompromiseDocument {
  people(): CompromiseView;
  places(): CompromiseView;
  organizations(): CompromiseView;
}

const LEADING = new Set(["the", "a", "an"]);
const TRAILING = /^(?:[^\p{L}\p{N}]+|s|'s|’s)$/u;

export function compromiseSpans(tokens: readonly string[]): EntitySpan[] {
  const detokenized = detokenize(tokens);
  const doc = (nlp as unknown as (text: string) => CompromiseDocument)(detokenized.text);
  const views: [EntityType, CompromiseView][] = [
    ["PER", doc.people()],
    ["LOC", doc.places()],
    ["ORG", doc.organizations()],
  ];
  const spans: EntitySpan[] = [];
  for (const [type, view] of views) {
    for (const match of view.json({ offset: true })) {
      const range = tokensInRange(detokenized, match.offset.start, match.offset.start + match.offset.length);
      if (!range) continue;
      let [start, end] = range;
      while (start < end && LEADING.has(tokens[start]!.toLowerCase())) start++;
      while (end > start && TRAILING.test(tokens[end - 1]!)) end--;
      if (end > start) spans.push({ startToken: start, endToken: end, type });
    }
  }
  return spans.sort((a, b) => a.startToken - b.startToken);
}
