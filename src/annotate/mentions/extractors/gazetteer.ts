/**
 * Countries (with historical and common names: Soviet Union, USSR, United Arab Republic), regions
 * and GeoNames cities, longest name first, named by the canonical name ("Republic of Iraq" → Iraq).
 * In cased text every word but a connector must be capitalised, and a name that is also a common
 * word must not start a sentence; caseless text skips such names and small cities. A capitalised
 * word missing from the list may still be a big city of the Arab world under another
 * transliteration ("Karkuk" → Kirkuk).
 */
import { makeMention } from "../context.js";
import type { Place, PlaceNode } from "../gazetteer/places.js";
import { placeGazetteer } from "../gazetteer/places.js";
import { isCommonWord, isStopWord } from "../lexicon/common-words.js";
import { isDemonym, isKnownFirstName } from "../lexicon/person-names.js";
import type { MatchToken } from "../tokens.js";
import { cachedTokenKey, matchTokens } from "../tokens.js";
import type { Mention, MentionContext, MentionExtractor } from "../types.js";

/** Without capitals only big cities are trusted: Sari (Iran, 255,000) is more often Hasan Sari. */
const CASELESS_CITY_POPULATION = 500_000;
const CONNECTORS = new Set(["of", "the", "de", "al", "el", "da", "do", "del", "la", "le", "and", "upon", "on", "am"]);

/** Words before a place that make a city named like a common word a city ("lived in Reading"). */
const LOCATIVES = new Set(["in", "at", "near", "from", "to", "outside", "around", "of"]);

function acceptable(place: Place, tokens: readonly MatchToken[], at: number, caseless: boolean): boolean {
  const first = tokens[at]!;
  const ambiguous = place.common || (place.personal && place.kind === "city");
  if (place.words.length === 1 && isStopWord(first.key)) return false;
  if (caseless) {
    const big = place.kind !== "city" || place.population >= CASELESS_CITY_POPULATION;
    return big && !ambiguous && place.words.join("").length >= 4;
  }
  if (!ambiguous || place.words.length > 1) return true;
  if (first.sentenceInitial) return false;
  const before = tokens[at - 1];
  return !place.common || (before !== undefined && !first.barrierBefore && LOCATIVES.has(before.key));
}

/** The longest acceptable place starting at token `at`, walking the word trie. */
function longestAt(tokens: readonly MatchToken[], at: number, root: PlaceNode, caseless: boolean): Place | undefined {
  let node: PlaceNode | undefined = root;
  let best: Place | undefined;
  for (let k = at; k < tokens.length; k++) {
    const token = tokens[k]!;
    if (k > at && token.barrierBefore) break;
    if (!caseless && !token.capitalised && !CONNECTORS.has(token.key)) break;
    node = node.next?.get(token.key);
    if (!node) break;
    const place = node.places?.find((candidate) => acceptable(candidate, tokens, at, caseless));
    if (place) best = place;
  }
  return best;
}

/** Levenshtein distance, stopping early once it exceeds `limit`. */
function distanceWithin(a: string, b: string, limit: number): boolean {
  if (Math.abs(a.length - b.length) > limit) return false;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      best = Math.min(best, current[j]!);
    }
    if (best > limit) return false;
    previous = current;
  }
  return previous[b.length]! <= limit;
}

/**
 * A one-word city under another spelling: same transliteration key and first letter, at most one
 * letter changed (two in long names), and not a nationality ("Syrian" is not Soran).
 */
function transliterated(token: MatchToken): Place | undefined {
  if (!token.capitalised || token.sentenceInitial || token.key.length < 4) return undefined;
  const place = placeGazetteer().byTransliteration.get(cachedTokenKey(token.key));
  if (!place) return undefined;
  const known = place.words[0]!;
  if (known[0] !== token.key[0] || !distanceWithin(known, token.key, token.key.length > 6 ? 2 : 1)) return undefined;
  if (isDemonym(token.key) || /(?:i|ian|ese|ish)$/.test(token.key)) return undefined;
  return isCommonWord(token.key) || isKnownFirstName(token.key) ? undefined : place;
}

export const gazetteerExtractor: MentionExtractor = {
  name: "gazetteer",
  extract(context) {
    const { root } = placeGazetteer();
    const tokens = matchTokens(context);
    const mentions: Mention[] = [];
    let i = 0;
    while (i < tokens.length) {
      const token = tokens[i]!;
      if (!context.caseless && !token.capitalised) {
        i++;
        continue;
      }
      const place = longestAt(tokens, i, root, context.caseless);
      if (place) {
        const last = tokens[i + place.words.length - 1]!;
        const confidence = place.kind === "city" ? (place.common ? 0.6 : 0.75) : 0.85;
        mentions.push(mentionOf(context, token, last, place, confidence));
        i += place.words.length;
        continue;
      }
      const fuzzy = context.caseless ? undefined : transliterated(token);
      if (fuzzy) mentions.push(mentionOf(context, token, token, fuzzy, 0.6));
      i++;
    }
    return mentions;
  },
};

function mentionOf(context: MentionContext, first: MatchToken, last: MatchToken, place: Place, confidence: number) {
  return makeMention(context, first.start, last.end, {
    type: "place",
    name: place.canonical,
    extractor: "gazetteer",
    confidence,
  });
}
