import type { WordLookup } from "./gazetteer.js";
import type { EntitySpan, EntityType, Tag } from "./tags.js";
import { ENTITY_TYPES, entitySpans, spansToTags } from "./tags.js";
import { CASE_MIXED, caseMode } from "./features.js";
import { isCapitalised } from "./words.js";

/**
 * One-sense-per-document: a name tagged in one sentence is tagged the same way where it recurs
 * untagged ("30 Seconds to Mars" found once, missed in the next sentence), where it got a
 * minority type, and a person's surname alone ("Cavallaro" after "Carmen Cavallaro") is that person.
 * Names match whatever their case ("QASIM" in a cable heading is the "Qasim" of its body); in a
 * sentence written in mixed case a recurrence must be capitalised, in one written all in capitals
 * or all in lower case it need not be.
 */
interface Votes {
  tokens: readonly string[];
  counts: Map<EntityType, number>;
}

const keyOf = (tokens: readonly string[]): string => tokens.join(" ").toLowerCase();

function majority(votes: Votes): { type: EntityType; share: number } {
  let best: EntityType = "PER";
  let total = 0;
  for (const type of ENTITY_TYPES) {
    const count = votes.counts.get(type) ?? 0;
    total += count;
    if (count > (votes.counts.get(best) ?? 0)) best = type;
  }
  return { type: best, share: (votes.counts.get(best) ?? 0) / total };
}

function collectVotes(sentences: readonly (readonly string[])[], spans: readonly EntitySpan[][], lookup?: WordLookup) {
  const votes = new Map<string, Votes>();
  const vote = (tokens: readonly string[], type: EntityType, weight: number): void => {
    const lowered = tokens[0]!.toLowerCase();
    if (
      tokens.length === 1 &&
      (lowered.length < 3 || lookup?.(lowered) === "common" || lookup?.(lowered) === "demonym")
    )
      return;
    const key = keyOf(tokens);
    const entry = votes.get(key) ?? { tokens, counts: new Map<EntityType, number>() };
    entry.counts.set(type, (entry.counts.get(type) ?? 0) + weight);
    votes.set(key, entry);
  };
  spans.forEach((sentenceSpans, s) => {
    for (const span of sentenceSpans) {
      const tokens = sentences[s]!.slice(span.startToken, span.endToken);
      vote(tokens, span.type, 1);
      const surname = tokens[tokens.length - 1]!;
      if (span.type === "PER" && tokens.length > 1 && surname.length > 1) vote([surname], "PER", 0.5);
    }
  });
  return votes;
}

/**
 * Untagged recurrences of known names in one sentence, longest first; in mixed case capitalised
 * and not touching other capitalised words.
 */
function recurrences(tokens: readonly string[], taken: Uint8Array, byFirst: Map<string, Votes[]>): EntitySpan[] {
  const found: EntitySpan[] = [];
  const mixed = caseMode(tokens) === CASE_MIXED;
  const lower = tokens.map((token) => token.toLowerCase());
  for (let i = 0; i < tokens.length; i++) {
    const candidates = byFirst.get(lower[i]!);
    if (!candidates || taken[i] || (mixed && !isCapitalised(tokens[i]!))) continue;
    for (const votes of candidates) {
      const end = i + votes.tokens.length;
      const differs = (token: string, k: number): boolean => lower[i + k] !== token.toLowerCase() || taken[i + k] === 1;
      if (end > tokens.length || votes.tokens.some(differs)) continue;
      const before = tokens[i - 1];
      const after = tokens[end];
      const touches =
        (i > 1 && before !== undefined && isCapitalised(before)) || (after !== undefined && isCapitalised(after));
      if (mixed && touches) continue;
      found.push({ startToken: i, endToken: end, type: majority(votes).type });
      taken.fill(1, i, end);
      break;
    }
  }
  return found;
}

export function propagateNames(
  sentences: readonly (readonly string[])[],
  tagged: readonly (readonly Tag[])[],
  lookup?: WordLookup,
): Tag[][] {
  const spans = sentences.map((tokens, s) => entitySpans(tokens, tagged[s] ?? []));
  const votes = collectVotes(sentences, spans, lookup);
  const byFirst = new Map<string, Votes[]>();
  for (const entry of votes.values()) {
    const first = entry.tokens[0]!.toLowerCase();
    const list = byFirst.get(first) ?? [];
    list.push(entry);
    byFirst.set(first, list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  return sentences.map((tokens, s) => {
    const own = spans[s]!.map((span) => {
      const entry = votes.get(keyOf(tokens.slice(span.startToken, span.endToken)));
      const best = entry ? majority(entry) : undefined;
      return best && best.share > 0.66 ? { ...span, type: best.type } : span;
    });
    const taken = new Uint8Array(tokens.length);
    for (const span of own) taken.fill(1, span.startToken, span.endToken);
    const added = recurrences(tokens, taken, byFirst);
    return spansToTags(tokens.length, [...own, ...added]);
  });
}
