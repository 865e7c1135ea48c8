/**
 * The place gazetteer: countries (with historical and common names), regions and GeoNames cities,
 * read once from data/gazetteer/places.tsv (written by build.ts) into a lookup by first word.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { tokenKey } from "../../../core/name-key.js";
import { packageRoot } from "../model/package-root.js";
import { matchKey } from "../tokens.js";

export type PlaceKind = "country" | "region" | "city";

export const PLACES_FILE = "data/gazetteer/places.tsv";

/** Countries whose place names reach English in many transliterations (Karkuk, Kirkuk). */
export const TRANSLITERATED_COUNTRIES: ReadonlySet<string> = new Set(
  "IQ SY LB JO EG SA IR TR PS IL KW YE OM AE QA BH LY TN DZ MA SD AF PK".split(" "),
);

export interface Place {
  /** Match keys of the name's words ("Ar-Rashid" → "ar", "rashid"). */
  words: readonly string[];
  name: string;
  canonical: string;
  kind: PlaceKind;
  population: number;
  /** ISO 3166 code of the country the place is or lies in, when the list gives one. */
  country: string;
  /** A common English word ("Nice", "Reading", "Union"): only capitalised and not sentence-initial. */
  common: boolean;
  /** Also a personal name ("Victoria", "Jordan"). */
  personal: boolean;
}

/** A node of the word trie: the places whose name ends here, and the words that may follow. */
export interface PlaceNode {
  places?: Place[];
  next?: Map<string, PlaceNode>;
}

export interface PlaceGazetteer {
  /** Every row of the list, in its order. */
  places: readonly Place[];
  /** Places by the match keys of their words. */
  root: PlaceNode;
  /** One-word cities by transliteration key (tokenKey), for spellings the list lacks. */
  byTransliteration: ReadonlyMap<string, Place>;
}

export function nameWords(name: string): string[] {
  return name
    .split(/[\s\-‐–]+/)
    .map(matchKey)
    .filter((word) => word.length > 0);
}

function insert(root: PlaceNode, place: Place): void {
  let node = root;
  for (const word of place.words) {
    node.next ??= new Map();
    let child = node.next.get(word);
    if (!child) node.next.set(word, (child = {}));
    node = child;
  }
  (node.places ??= []).push(place);
}

export function parsePlaces(text: string): PlaceGazetteer {
  const root: PlaceNode = {};
  const byTransliteration = new Map<string, Place>();
  const places: Place[] = [];
  for (const line of text.split("\n")) {
    if (line.length === 0 || line.startsWith("#")) continue;
    const [name = "", canonical = "", kind = "city", population = "0", country = "", flags = ""] = line.split("\t");
    const words = nameWords(name);
    if (words.length === 0) continue;
    const place: Place = {
      words,
      name,
      canonical: canonical || name,
      kind: kind as PlaceKind,
      population: Number(population),
      country,
      common: flags.includes("c"),
      personal: flags.includes("p"),
    };
    insert(root, place);
    places.push(place);
    if (flags.includes("f") && words.length === 1) {
      const key = tokenKey(name);
      const known = byTransliteration.get(key);
      if (key.length >= 3 && (!known || known.population < place.population)) byTransliteration.set(key, place);
    }
  }
  return { places, root, byTransliteration };
}

/** The place with exactly this name (any spelling with the same match keys), if any. */
export function lookupPlace(name: string): Place | undefined {
  let node: PlaceNode | undefined = placeGazetteer().root;
  for (const word of nameWords(name)) node = node?.next?.get(word);
  return node === placeGazetteer().root ? undefined : node?.places?.[0];
}

let cached: PlaceGazetteer | undefined;

/** The shipped gazetteer, read at first use (about 25,000 names, a few MB of memory). */
export function placeGazetteer(): PlaceGazetteer {
  cached ??= parsePlaces(readFileSync(join(packageRoot(), PLACES_FILE), "utf8"));
  return cached;
}
