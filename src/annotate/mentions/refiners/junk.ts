/**
 * Names that are not entities: archival furniture ("Deptel", "Central Files", "Ibid"), nationality
 * words ("Iraqis", "Americans"), fragments of a name cut at an initial ("John D", "William M"),
 * a generic word alone ("Kingdom", "Army"), tag columns of token/tag files ("B-PER"). No person is
 * a community ("Shia Iraqi", "Uighur"), ends in a nationality, a country code ("Hussein US") or an
 * event's noun ("Armistice Agreement"), is headed by a plural noun ("Armistice Agreements"), is the
 * title of a work ("original title Meine Kriegserinnerungen") or a word of an image's file name
 * ("Roundel of Syria.svg"), or is a phrase of words its document also writes in lower case. A label
 * in capitals before a number ("ISBN 978-…") names an identifier, not a body.
 */
import { lexicalEntry } from "../../../segment/lexicon.js";
import { lowerCaseWordsOf } from "../document-words.js";
import { countryNamed, countryOfDemonym } from "../gazetteer/countries.js";
import { EVENT_NOUNS } from "../lexicon/organizations.js";
import { isKnownFirstName } from "../lexicon/person-names.js";
import type { Mention, MentionContext, MentionRefiner } from "../types.js";

const FURNITURE = new Set(
  (
    "ibid|idem|source|sources|deptel|deptels|embtel|embtels|reftel|reftels|contel|para|paras|paragraph|ref|refs|" +
    "telegram|telegrams|despatch|memorandum|memo|enclosure|annex|attachment|page|pages|folder|file|files|" +
    "central files|central file|top secret|secret|confidential|unclassified|restricted|eyes only|noforn|nodis|" +
    "limdis|exdis|niact|priority|routine|circular|classification|security classification|control no|" +
    "original|copy|draft|received|drafted|approved|cleared|tab|chron|note|notes|editorial note"
  ).split("|"),
);

/** Last words that make a name a collection or a document, not its namesake ("Dulles Papers", "Eisenhower Diaries"). */
const COLLECTION_HEADS = /\s(papers|diaries|files|records|collection|archives)$/i;

const GENERIC_ALONE = new Set(
  (
    "kingdom|republic|state|states|government|army|party|front|council|committee|movement|union|assembly|" +
    "ministry|embassy|department|office|city|province|region|district|forces|force|guard|navy|police|" +
    "president|minister|king|general|colonel|secretary|ambassador|prime minister|crown prince|" +
    "mr|mrs|ms|miss|dr|sir|madam|madame|mme|herr|lord|lady|sheikh|shaikh|imam|sayyid|" +
    "west|east|north|south|arab state|arab states|member states|great powers"
  ).split("|"),
);

const TAG = /(^|\s)([BIES]-[A-Za-z]+|O)(\s|$)/;

/** Residue of wiki markup in converted articles: "Syria.svg | See Al-Hasakah", "Hussein See". */
const MARKUP_RESIDUE = /\.(svg|png|jpe?g|gif)\b|\||(^|\s)See(\s|$)/;

/** Religious and ethnic communities, which nationality rules do not derive from a country's name. */
const COMMUNITIES = new Set(
  (
    "shia|shiite|shi'ite|shi'a|sunni|sunnite|alawite|alawi|druze|yazidi|yezidi|ismaili|maronite|copt|coptic|" +
    "chaldean|assyrian|syriac|armenian|circassian|chechen|uighur|uyghur|turkmen|turkoman|kurd|kurdish|" +
    "bedouin|sufi|salafi|salafist|wahhabi|jihadist|christian|muslim|jewish|jew|catholic|orthodox|protestant"
  ).split("|"),
);

const isNationality = (word: string) =>
  COMMUNITIES.has(word.toLowerCase().replace(/s$/, "")) || countryOfDemonym(word) !== undefined;

/** A country's code written after a name: "Inform Hussein US appreciates". */
const isCountryCode = (word: string) => /^[A-Z]{2,3}$/.test(word) && countryNamed(word) !== undefined;

/** The last word is an English plural ("Agreements", "Companies", "Wolves") and no word is a first name. */
function isPluralHeaded(words: readonly string[]): boolean {
  const last = words.at(-1)!.toLowerCase();
  if (words.length < 2 || !last.endsWith("s") || words.some(isKnownFirstName)) return false;
  const lemma = lexicalEntry(last).lemma;
  return lemma !== last && last.startsWith(lemma.slice(0, -1));
}

function isJunkPerson(name: string): boolean {
  if (/\s[A-Z]\.?$/.test(name)) return true;
  const words = name.split(/\s+/);
  if (words.every(isNationality) || isCountryCode(words.at(-1)!)) return true;
  if (words.length > 1 && (isNationality(words.at(-1)!) || EVENT_NOUNS.has(words.at(-1)!.toLowerCase()))) return true;
  return isPluralHeaded(words);
}

export function isJunkName(mention: Pick<Mention, "name" | "type">): boolean {
  const name = mention.name.trim();
  const folded = name.toLowerCase().replace(/[.:,;]+$/, "");
  if (FURNITURE.has(folded) || GENERIC_ALONE.has(folded) || COLLECTION_HEADS.test(name)) return true;
  if (TAG.test(name) || MARKUP_RESIDUE.test(name)) return true;
  if (!/\s/.test(name) && countryOfDemonym(name) !== undefined && !/^[A-Z]{2,}$/.test(name)) return true;
  return mention.type === "person" && isJunkPerson(name);
}

/** Words before a work's title: "(original title Meine Kriegserinnerungen", "a book entitled". */
const TITLE_CUE = /\b(?:title|titled|entitled)[\s:"“‘']*$/i;
/** The rest of an image's file name on the same line: "Roundel| of Syria.svg". */
const IMAGE_FILE_REST = /^[^\s.]*(?:[ \t]+[^\s.]+){0,4}\.(?:svg|png|jpe?g|gif)\b/i;

function isNamedByItsContext(context: MentionContext, mention: Mention): boolean {
  const text = context.document.text;
  if (TITLE_CUE.test(text.slice(Math.max(0, mention.start - 30), mention.start))) return true;
  return IMAGE_FILE_REST.test(text.slice(mention.end, mention.end + 80));
}

/** A label in capitals before the number it introduces is an identifier's name ("ISBN: 978-0-86372-321-6", "OCLC 61330271"). */
const IDENTIFIER_NUMBER = /^[ \t]*:?[ \t]*(?=(?:[. -]?\d){6})\d[\d. -]*[\dX]\b/;

function labelsANumber(context: MentionContext, mention: Mention): boolean {
  if (!/^[A-Z]{2,6}$/.test(mention.name.trim())) return false;
  return IDENTIFIER_NUMBER.test(context.document.text.slice(mention.end, mention.end + 40));
}

/** "(Private) Security Contractor": every word of a multi-word person is a common word of its own document. */
function isCommonPhrase(words: readonly string[], context: MentionContext): boolean {
  if (words.length < 2 || words.some(isKnownFirstName)) return false;
  const lowerCase = lowerCaseWordsOf(context);
  return words.every((w) => lowerCase.has(w.toLowerCase()));
}

export const junkRefiner: MentionRefiner = {
  name: "junk",
  refine(context, mentions) {
    return mentions.filter((m) => {
      if (m.type !== "person" && m.type !== "organization" && m.type !== "place") return true;
      if (isJunkName(m) || labelsANumber(context, m)) return false;
      if (m.type !== "person") return true;
      return !isNamedByItsContext(context, m) && !isCommonPhrase(m.name.trim().split(/\s+/), context);
    });
  },
};
