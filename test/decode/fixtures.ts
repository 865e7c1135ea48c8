import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const FORMATS_DIR = fileURLToPath(new URL("../fixtures/formats/", import.meta.url));

export function fixtureBytes(name: string): Buffer {
  return readFileSync(FORMATS_DIR + name);
}

export const SEED_000 = "000_9315912dd29048b6.txt";
export const SEED_001 = "001_a1811954c3257b7d.txt";
export const SEED_002 = "002_5e19db3785d89ebe.txt";
export const SEED_003 = "003_13c8e684e0ef8877.txt";
export const SYRIA_MD = "1963_syrian_coup_d_etat.md";
export const FRUS_TEI = "frus1958-60v12_d110-d113_excerpt.xml";
export const WIKIPEDIA_HTML = "wikipedia-page.html";
