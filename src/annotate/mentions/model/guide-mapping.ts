import { countryNamed } from "../gazetteer/countries.js";
import type { EntitySpan, EntityType, Tag } from "./tags.js";
import { spansToTags, typeOfTag } from "./tags.js";
import { TITLE_WORDS, bareLower } from "./words.js";

/**
 * Brings a corpus already tagged PER / ORG / LOC (BIO or IO; MISC, OTH and other types become O)
 * to the annotation guide (docs/annotation.md):
 * - no leading determiner ("the United Nations" → "United Nations");
 * - titles outside person spans ("President Obama" → "Obama");
 * - nationality words are not names: a one-word span that is a nationality or religious group
 *   adjective ("Iraqi", "Syrians", "Shiite") becomes O.
 * - a span without a letter or digit is no name (BTC tags the "@" of "@ colgo" as a name of its own);
 * - countries are places, even when they act: an ORG span that is a country's name ("Russia", "U.S.",
 *   "Republic of China") becomes LOC, as in re3d's coalition members and GUM's national teams.
 */
const DETERMINERS = new Set(["the", "a", "an"]);
/** Nationality and group adjectives (and their plurals, as "Americans"), lower case. */
const NATIONALITIES = new Set(
  (
    "american british english scottish welsh irish french german italian spanish portuguese dutch belgian swiss " +
    "austrian swedish norwegian danish finnish polish czech russian ukrainian greek turkish cypriot hungarian " +
    "romanian bulgarian serbian croatian albanian soviet european asian african arab arabian iraqi syrian " +
    "egyptian jordanian lebanese kurdish saudi yemeni palestinian israeli jewish iranian persian libyan tunisian " +
    "algerian moroccan sudanese kuwaiti qatari emirati omani bahraini afghan pakistani indian chinese japanese " +
    "korean vietnamese thai indonesian filipino australian canadian mexican brazilian argentinian argentine " +
    "chilean cuban nigerian kenyan ethiopian somali muslim christian catholic protestant sunni shia shiite " +
    "alawite druze maronite coptic"
  ).split(" "),
);

interface RawSpan {
  start: number;
  end: number;
  type: EntityType;
}

/** Spans of BIO or IO tags: an I- tag of another type than the open span starts a new one. */
function typedSpans(tags: readonly string[]): RawSpan[] {
  const spans: RawSpan[] = [];
  let previous = "O";
  tags.forEach((tag, i) => {
    const type = typeOfTag(tag);
    const last = spans[spans.length - 1];
    if (type && tag.startsWith("I-") && last && last.end === i && typeOfTag(previous) === type) last.end = i + 1;
    else if (type) spans.push({ start: i, end: i + 1, type });
    previous = tag;
  });
  return spans;
}

export function isNationalityWord(token: string): boolean {
  const lower = token.toLowerCase();
  return NATIONALITIES.has(lower) || (lower.endsWith("s") && NATIONALITIES.has(lower.slice(0, -1)));
}

/** A country's name, not a body named after one ("Islamic State of Iraq"). */
function isCountryName(tokens: readonly string[]): boolean {
  const name = tokens.join(" ");
  return countryNamed(name) !== undefined && !/^\S+ state of /i.test(name);
}

/** The guide's type for a name span: an organization that is a country's name is a place. */
export function guideType(tokens: readonly string[], span: EntitySpan): EntitySpan {
  return span.type === "ORG" && isCountryName(tokens.slice(span.startToken, span.endToken))
    ? { ...span, type: "LOC" }
    : span;
}

function toGuide(tokens: readonly string[], span: RawSpan): EntitySpan | undefined {
  let start = span.start;
  const end = span.end;
  while (start < end - 1 && DETERMINERS.has(tokens[start]!.toLowerCase())) start++;
  if (span.type === "PER") {
    while (start < end - 1 && TITLE_WORDS.has(bareLower(tokens[start]!))) start++;
  }
  if (end - start === 1 && DETERMINERS.has(tokens[start]!.toLowerCase())) return undefined;
  if (!tokens.slice(start, end).some((token) => /[\p{L}\p{N}]/u.test(token))) return undefined;
  if (span.end - span.start === 1 && isNationalityWord(tokens[start]!)) return undefined;
  return guideType(tokens, { startToken: start, endToken: end, type: span.type });
}

/** Guide-conforming BIO tags for a sentence tagged with PER / ORG / LOC (see above). */
export function toGuideTags(tokens: readonly string[], tags: readonly string[]): Tag[] {
  const spans = typedSpans(tags)
    .map((span) => toGuide(tokens, span))
    .filter((span): span is EntitySpan => span !== undefined);
  return spansToTags(tokens.length, spans);
}
