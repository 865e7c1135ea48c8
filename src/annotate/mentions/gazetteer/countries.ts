/**
 * Which country a place name or a nationality word points to, as an ISO 3166 code: what event
 * coreference compares so that a Syrian coup is never an Iraqi one, and what tells an organization's
 * national qualifier ("Iraqi Communist Party") from a word that makes another body ("Free Syrian Army").
 */
import { countries } from "countries-list";
import { placeGazetteer } from "./places.js";
import { foldToken } from "../../../core/name-key.js";

/** Demonyms no rule derives from the country's English name. */
const IRREGULAR_DEMONYMS: Record<string, string> = {
  french: "FR",
  dutch: "NL",
  swiss: "CH",
  greek: "GR",
  british: "GB",
  english: "GB",
  scottish: "GB",
  welsh: "GB",
  american: "US",
  soviet: "SU",
  russian: "RU",
  kurdish: "KURD",
  kurd: "KURD",
  arab: "ARAB",
  arabic: "ARAB",
  pan: "ARAB",
  hashemite: "JO",
  saudi: "SA",
  emirati: "AE",
  filipino: "PH",
  thai: "TH",
  vietnamese: "VN",
  chinese: "CN",
  japanese: "JP",
  turkish: "TR",
  turk: "TR",
  spanish: "ES",
  danish: "DK",
  swedish: "SE",
  polish: "PL",
  irish: "IE",
  finnish: "FI",
  norwegian: "NO",
  belgian: "BE",
  portuguese: "PT",
  cypriot: "CY",
  pakistani: "PK",
  afghan: "AF",
  persian: "IR",
  israeli: "IL",
  zionist: "IL",
  yemeni: "YE",
  omani: "OM",
  bahraini: "BH",
  qatari: "QA",
  kuwaiti: "KW",
};

/** Countries gone, renamed or not in countries-list by the name a historical text uses (countries-list has Türkiye, Myanmar, Czechia). */
const EXTRA_COUNTRIES: Record<string, string> = {
  "soviet union": "SU",
  ussr: "SU",
  "united arab republic": "UAR",
  uar: "UAR",
  kurdistan: "KURD",
  "great britain": "GB",
  britain: "GB",
  england: "GB",
  america: "US",
  "united states of america": "US",
  persia: "IR",
  transjordan: "JO",
  "south vietnam": "VN",
  "north vietnam": "VN",
  "west germany": "DE",
  "east germany": "DE",
  turkey: "TR",
  "czech republic": "CZ",
  czechoslovakia: "CS",
  yugoslavia: "YU",
  burma: "MM",
  siam: "TH",
  ceylon: "LK",
  abyssinia: "ET",
  zaire: "CD",
  "belgian congo": "CD",
  dahomey: "BJ",
  "upper volta": "BF",
  tanganyika: "TZ",
  "ivory coast": "CI",
  "cape verde": "CV",
  swaziland: "SZ",
  macedonia: "MK",
  rhodesia: "ZW",
  "southern rhodesia": "ZW",
  "northern rhodesia": "ZM",
  "east pakistan": "BD",
  aden: "YE",
  "trucial states": "AE",
  "muscat and oman": "OM",
  vatican: "VA",
};

const fold = (name: string) =>
  name
    .split(/[\s\-–‐]+/)
    .map(foldToken)
    .filter((w) => w !== "the")
    .join(" ");

interface CountryTables {
  byPlace: Map<string, string>;
  /** Folded names of places that are also common English words ("Police", "Union"). */
  commonWords: Set<string>;
  /** Only the names of countries, not of places in them. */
  byCountryName: Map<string, string>;
  /** Folded country names (first words included: "saudi" of Saudi Arabia) by code, for demonym rules. */
  names: [string, string][];
}

let tables: CountryTables | undefined;

function load(): CountryTables {
  if (tables) return tables;
  const byPlace = new Map<string, string>(Object.entries(EXTRA_COUNTRIES));
  const byCountryName = new Map<string, string>(Object.entries(EXTRA_COUNTRIES));
  const names: [string, string][] = [];
  const commonWords = new Set<string>();
  for (const [code, country] of Object.entries(countries)) {
    byPlace.set(fold(country.name), code);
    byCountryName.set(fold(country.name), code);
    names.push([fold(country.name), code]);
  }
  names.push(...Object.entries(EXTRA_COUNTRIES));
  const canonicalRows: [string, string][] = [];
  for (const { name, canonical, kind, country: code, common } of placeGazetteer().places) {
    if (kind === "region") continue;
    if (common) commonWords.add(fold(name));
    if (code && kind === "country") byCountryName.set(fold(name), code);
    if (code) byPlace.set(fold(name), code);
    else if (canonical !== name) canonicalRows.push([fold(name), fold(canonical)]);
  }
  for (const [name, canonical] of canonicalRows) {
    const code = byPlace.get(canonical);
    if (code && !byPlace.has(name)) byPlace.set(name, code);
    const country = byCountryName.get(canonical);
    if (country && !byCountryName.has(name)) byCountryName.set(name, country);
  }
  tables = { byPlace, byCountryName, commonWords, names };
  return tables;
}

/** The country a name names ("Iraq", "Republic of Iraq", "USSR"); undefined for other places. */
export function countryNamed(name: string): string | undefined {
  const { byCountryName } = load();
  const folded = fold(name);
  return (
    byCountryName.get(folded) ?? byCountryName.get(folded.replace(/^(?:\S+ )?(republic|kingdom|state|emirate) of /, ""))
  );
}

/** The country a place is, or lies in: "Baghdad" → IQ, "Republic of Iraq" → IQ; undefined for regions and unknowns. */
export function countryOfPlace(name: string): string | undefined {
  const { byPlace } = load();
  const folded = fold(name);
  const bare = folded
    .replace(/^(republic|kingdom|state|emirate) of /, "")
    .replace(/ (governorate|province|district|city|region|municipality|subdistrict)$/, "");
  return byPlace.get(folded) ?? byPlace.get(bare);
}

/**
 * The country a nationality word names: "Iraqi", "Syrians", "Lebanese", "Egyptian" → their country;
 * undefined for any other word. Regular demonyms are the country's name (or its first word) cut by at
 * most two letters and given -i, -n, -an, -ian, -ese, -ish or -ic, at most three letters longer than it,
 * or a -stan country's name without its ending.
 */
export function countryOfDemonym(word: string): string | undefined {
  const w = foldToken(word).replace(/s$/, "");
  if (demonyms.has(w)) return demonyms.get(w);
  const code = demonymCountry(w);
  demonyms.set(w, code);
  return code;
}

const demonyms = new Map<string, string | undefined>();

function demonymCountry(w: string): string | undefined {
  if (w.length < 4) return undefined;
  const irregular = IRREGULAR_DEMONYMS[w];
  if (irregular) return irregular;
  // "Uzbek" of Uzbekistan, "Kazakh" of Kazakhstan: the people's name the country's is made of.
  for (const [name, code] of load().names) if (name.endsWith("stan") && name.replace(/i?stan$/, "") === w) return code;
  const match = /^(.*?)(ian|ese|ish|an|ic|i|n)$/.exec(w);
  if (!match) return undefined;
  for (const [name, code] of load().names) {
    const first = name.split(" ")[0]!;
    if (first.length < 4) continue;
    const stem = first.slice(0, Math.max(4, first.length - 2));
    if (w.startsWith(stem) && w !== first && w.length <= first.length + 3) return code;
  }
  return undefined;
}

/** The country a nationality word ("Iraqi") or a country's name ("Iraq") points to. */
export function countryOfWord(word: string): string | undefined {
  return countryOfDemonym(word) ?? countryNamed(word);
}

/**
 * A word that names a country, a place or a nationality: what may qualify an organization's name without
 * making another body. A place that is also a common word ("Police" in Poland) does not: "Free Police" is
 * not the Free Syrian Army.
 */
export function isNationalQualifier(word: string): boolean {
  if (countryOfDemonym(word) !== undefined) return true;
  return (
    countryOfPlace(word) !== undefined && (countryNamed(word) !== undefined || !load().commonWords.has(fold(word)))
  );
}
