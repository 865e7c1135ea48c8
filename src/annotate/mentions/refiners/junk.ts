/**
 * Names that are not entities: archival furniture ("Deptel", "Central Files", "Ibid"), nationality
 * words ("Iraqis", "Americans"), fragments of a name cut at an initial ("John D", "William M"),
 * a generic word alone ("Kingdom", "Army"), tag columns of token/tag files ("B-PER").
 */
import { countryOfDemonym } from "../gazetteer/countries.js";
import type { Mention, MentionRefiner } from "../types.js";

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
    "west|east|north|south|arab state|arab states|member states|great powers"
  ).split("|"),
);

const TAG = /(^|\s)([BIES]-[A-Za-z]+|O)(\s|$)/;

/** Residue of wiki markup in converted articles: "Syria.svg | See Al-Hasakah", "Hussein See". */
const MARKUP_RESIDUE = /\.(svg|png|jpe?g|gif)\b|\||(^|\s)See(\s|$)/;

export function isJunkName(mention: Pick<Mention, "name" | "type">): boolean {
  const name = mention.name.trim();
  const folded = name.toLowerCase().replace(/[.:,;]+$/, "");
  if (FURNITURE.has(folded) || GENERIC_ALONE.has(folded) || COLLECTION_HEADS.test(name)) return true;
  if (TAG.test(name) || MARKUP_RESIDUE.test(name)) return true;
  if (!/\s/.test(name) && countryOfDemonym(name) !== undefined && !/^[A-Z]{2,}$/.test(name)) return true;
  return mention.type === "person" && /\s[A-Z]\.?$/.test(name);
}

export const junkRefiner: MentionRefiner = {
  name: "junk",
  refine(_context, mentions) {
    return mentions.filter(
      (m) => (m.type !== "person" && m.type !== "organization" && m.type !== "place") || !isJunkName(m),
    );
  },
};
