/** Words that end an organization's name ("Iraqi Communist Party", "Republican Guard"). */
export const ORG_HEADS: ReadonlySet<string> = new Set(
  (
    "Party Committee Army Guard Militia Movement Front Union Agency Brigade Brigades Division Council Command " +
    "Ministry Corps Regiment Battalion Forces Organization Organisation Association Federation League " +
    "Congress Assembly Parliament Bureau Brotherhood Society Coalition Alliance Company Corporation Bank " +
    "University College Institute Academy Club Commission Directorate Legion Navy Police Gendarmerie " +
    "Office Department Service Services Agency Authority Foundation Fund Trust Group Network Airlines " +
    "Airways Railways Church Mission Cabinet Government Tribunal Court Band Orchestra Records Team Inc Ltd " +
    "Corp Co Center Centre Archive Archives Library Museum News Jamaat"
  ).split(" "),
);

/** Heads that take their complement after "of" ("Association of Soldiers and Officers", "Ministry of Defence"). */
export const HEAD_FIRST: ReadonlySet<string> = new Set(
  (
    "Association Ministry Union Bank University College Institute Academy League Federation Council " +
    "Organization Organisation Society Department Office Committee Party Front Movement Army Brotherhood " +
    "Commission Directorate Assembly Congress Church Court Bureau Corps Government"
  ).split(" "),
);

/** Heads that may be written in lower case after a capitalised name ("Free Officers movement"). */
export const LOWER_CASE_HEADS: ReadonlySet<string> = new Set(["movement", "militia", "party"]);

/** Words that start an organization's name ("Radio Baghdad"). */
export const ORG_PREFIXES: ReadonlySet<string> = new Set(["Radio"]);

/** Nouns after which a quoted name is an organization's ("a civil organization, "Freedom of Fatherland""). */
export const QUOTED_ORG_CUES: ReadonlySet<string> = new Set(
  "organization organisation party movement group committee association society front union league".split(" "),
);

/** Lower-case nouns beside a name that make it a body's ("the news channel Al Jazeera", "Sputnik news agency"). */
export const BODY_NOUNS: ReadonlySet<string> = new Set([
  ...QUOTED_ORG_CUES,
  ..."agency channel network newspaper broadcaster faction militia".split(" "),
]);

/** Words that end a place's name ("Presidential Palace", "Tahrir Square") or start it ("Camp Rashid"). */
export const PLACE_SUFFIXES: ReadonlySet<string> = new Set(
  (
    "River Province Governorate District Square Street Palace Prison Airport Base Mountains Mountain Desert " +
    "Sea Gulf Valley Heights Island Islands Lake Bay Canal Strait Peninsula Plain Oasis Bridge Camp Airbase " +
    "Region Coast Harbour Harbor Mosque Citadel"
  ).split(" "),
);
export const PLACE_PREFIXES: ReadonlySet<string> = new Set(
  "Camp Fort Mount Lake Port Cape Gulf Wadi Jebel Jabal".split(" "),
);

/** Lower-case nouns after a name that make it a place ("Nuqrat as-Salman desert prison", "Ar-Rashid army camp"). */
export const PLACE_NOUNS: ReadonlySet<string> = new Set(
  "camp prison desert river province governorate district village town city region mountains valley square street palace airport base".split(
    " ",
  ),
);

/** Lower-case nouns after a name that make it part of an event's name ("the ar-Rashid revolt"). */
export const EVENT_NOUNS: ReadonlySet<string> = new Set(
  "revolt revolution coup uprising war rebellion massacre offensive battle crisis affair incident agreement pact treaty".split(
    " ",
  ),
);

/** Prepositions after which a name is where something is or goes ("near Jarabulus", "towards Abu Kamal"). */
const LOCATIVE_PREPOSITIONS: ReadonlySet<string> = new Set(
  "near outside around towards toward into inside across via within".split(" "),
);
/** Prepositions that also take people and what they said ("faith in Nasser"), locative only for some names. */
const WEAK_LOCATIVE_PREPOSITIONS: ReadonlySet<string> = new Set(["in", "at"]);

/** Whether the word just before `start` in `text` is a locative preposition (`weak`: "in" and "at" too). */
export function followsLocative(text: string, start: number, weak = true): boolean {
  const before = /([a-z]+)[ \t]+$/.exec(text.slice(Math.max(0, start - 16), start))?.[1];
  return (
    before !== undefined && (LOCATIVE_PREPOSITIONS.has(before) || (weak && WEAK_LOCATIVE_PREPOSITIONS.has(before)))
  );
}
