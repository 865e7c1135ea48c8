/**
 * Person names by their form, in cased text. `arabic-name`: a capitalised sequence with an Arabic
 * name particle ("Abd al-Karim Qasim", "Ali Salih al-Sa'di", "Nuri As-Said", "Abu Salam",
 * "Khaleel Jassim AlDabbagh", "Abdul Aziz Al Aqili") or starting with a common Arabic given name
 * ("Younis Atar Bashi", "Saeed Hamo"); `given-name`: two to four capitalised words starting with a
 * first name the tagger knows ("Michel Aflaq"). A place noun after the name makes it a place
 * ("Nuqrat as-Salman desert prison"); an event noun drops it ("the ar-Rashid revolt"). A lone
 * article-joined name the gazetteer knows is a place, and so is a name after a locative preposition
 * ("near Abu Kamal"; "in" and "at" only before an article-joined name: "in al-Bab", not "faith in Nasser"); a name after a body's noun ("the news channel Al Jazeera") or before "-linked" is an
 * organization's.
 */
import { makeMention } from "../context.js";
import { isCommonWord, isStopWord } from "../lexicon/common-words.js";
import { lookupPlace } from "../gazetteer/places.js";
import {
  EVENT_NOUNS,
  followsLocative,
  ORG_HEADS,
  PLACE_NOUNS,
  PLACE_SUFFIXES,
  BODY_NOUNS,
} from "../lexicon/organizations.js";
import {
  isArabicNameMarker,
  isDemonym,
  isGivenName,
  isJoinedArticleName,
  isKnownFirstName,
} from "../lexicon/person-names.js";
import { isTitle } from "../lexicon/titles.js";
import type { PlacedWord as Word } from "../names.js";
import { NAME_SEQUENCE, blankSeparatedWords, normalizeName } from "../names.js";
import { spansAtNameStarts } from "../scan.js";
import type { Span } from "../../../core/document.js";
import type { Mention, MentionContext, MentionExtractor, MentionType } from "../types.js";

const CANDIDATE = new RegExp(`(?<![\\p{L}\\p{N}'’-])${NAME_SEQUENCE}`, "uy");
const FOLLOWING_WORDS = /^[ \t]+([a-z]+)(?:[ \t]+([a-z]+))?/;
const BODY_NOUN_BEFORE = /([a-z]+)[ \t]+$/;
const AFFILIATION_AFTER = /^[-‐](?:linked|affiliated|allied|aligned)\b/;

/** The type the words around a candidate give it, over the type its own words give. */
function typeInContext(context: MentionContext, words: readonly Word[], end: number, type: MentionType): MentionType {
  const text = context.document.text;
  const start = words[0]!.start;
  const noun = BODY_NOUN_BEFORE.exec(text.slice(Math.max(0, start - 16), start))?.[1];
  if ((noun !== undefined && BODY_NOUNS.has(noun)) || AFFILIATION_AFTER.test(text.slice(end, end + 12)))
    return "organization";
  if (type !== "person") return type;
  const article = isJoinedArticleName(words[0]!.text);
  if (article && words.length === 1 && lookupPlace(words[0]!.text)) return "place";
  return followsLocative(text, start, article) ? "place" : type;
}

/** Leading words that are no part of a name: "The", "However", "Iraqi", "President". */
function isLeadingNoise(word: string): boolean {
  const lower = word.toLowerCase();
  if (isGivenName(word) || isArabicNameMarker(word, "X")) return false;
  return isStopWord(lower) || isCommonWord(lower) || isDemonym(word) || isTitle(word);
}

function classify(words: readonly Word[], following: string[]): { type: MentionType; extractor: string } | undefined {
  const texts = words.map((word) => word.text);
  if (texts.some((word) => ORG_HEADS.has(word) || PLACE_SUFFIXES.has(word))) return undefined;
  if (following.some((word) => EVENT_NOUNS.has(word))) return undefined;
  const arabic = texts.some((word, i) => isArabicNameMarker(word, texts[i + 1]));
  const single = texts.length === 1;
  let extractor: string | undefined;
  if (arabic && (!single || isJoinedArticleName(texts[0]!))) extractor = "arabic-name";
  else if (isGivenName(texts[0]!)) extractor = "arabic-name";
  else if (!single && texts.length <= 4 && isKnownFirstName(texts[0]!)) extractor = "given-name";
  if (extractor === undefined) return undefined;
  const lastWord = texts[texts.length - 1]!;
  if (extractor === "given-name" && isCommonWord(lastWord.toLowerCase())) return undefined;
  const head = texts[0]!.toLowerCase().replace(/['’]/g, "");
  if (ARABIC_BODY_HEADS.has(head)) return { type: "organization", extractor };
  if (ARABIC_PLACE_HEADS.has(head) || following.some((word) => PLACE_NOUNS.has(word)))
    return { type: "place", extractor };
  return { type: "person", extractor };
}

/** Arabic words that head the name of a body: "Jabhat al-Nusra" (front), "Jaysh al-Islam" (army), "Liwa al-Tawhid" (brigade). */
const ARABIC_BODY_HEADS = new Set(
  "jabhat jahbat jabha jaysh jaish jeish ahrar liwa liwaa harakat haraka kataib katiba katibat hayat tahrir jund saraya sarayat faylaq failaq fursan thuwar jamaat jamaa jamiyat hizb tanzim majlis".split(
    " ",
  ),
);

/** Arabic words that head a place name: "Ayn Issa" (spring), "Jisr al-Shughur" (bridge), "Deir ez-Zor" (monastery). */
const ARABIC_PLACE_HEADS = new Set(
  "ayn ain jisr deir dayr dair tell tall tal khan ras bab kafr kfar maarrat maaret marat bir jabal jebel wadi qasr qalat qalaat nahr sahl".split(
    " ",
  ),
);

function candidateMention(context: MentionContext, candidate: Span): Mention | undefined {
  const text = context.document.text;
  let words = blankSeparatedWords(text, candidate.start, candidate.end);
  while (words.length > 0 && isLeadingNoise(words[0]!.text)) words = words.slice(1);
  if (words.length === 0) return undefined;
  const end = candidate.end;
  const following = FOLLOWING_WORDS.exec(text.slice(end, end + 40));
  const kind = classify(words, following ? [following[1]!, following[2] ?? ""] : []);
  if (!kind) return undefined;
  const start = words[0]!.start;
  const single = words.length === 1;
  // A lone "Al-Ansar" is as often an organization as a man; a lone "al-Bakr" seldom.
  const capitalArticle = single && isJoinedArticleName(words[0]!.text) && /^\p{Lu}/u.test(words[0]!.text);
  const confidence = kind.extractor === "given-name" ? 0.65 : single ? (capitalArticle ? 0.5 : 0.6) : 0.8;
  return makeMention(context, start, end, {
    type: typeInContext(context, words, end, kind.type),
    name: normalizeName(text.slice(start, end)),
    extractor: kind.extractor,
    confidence,
  });
}

export const arabicNameExtractor: MentionExtractor = {
  name: "arabic-name",
  extract(context) {
    if (context.caseless) return [];
    const mentions: Mention[] = [];
    for (const candidate of spansAtNameStarts(context, CANDIDATE)) {
      const mention = candidateMention(context, candidate);
      if (mention) mentions.push(mention);
    }
    return mentions;
  },
};
