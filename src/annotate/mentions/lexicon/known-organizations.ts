import type { KnownName } from "../known-names.js";

/**
 * Political and military organizations of the modern Middle East whose names are distinctive even
 * in lower case ("the free officers movement"), so they are found however a source writes them.
 * Only multi-word names that are not ordinary phrases; generic ones ("national guard") are left to
 * the capitalization rules and to resolution, which can tell a 1958 guard from a 1963 one.
 */
const NAMES = [
  "Free Officers movement",
  "Free Officers",
  "Muslim Brotherhood",
  "Arab Socialist Union",
  "Arab Socialist Ba'ath Party",
  "Ba'ath Party",
  "Iraqi Communist Party",
  "Syrian Communist Party",
  "Egyptian Communist Party",
  "Lebanese Communist Party",
  "Arab Nationalist Movement",
  "Arab Liberation Movement",
  "National Democratic Party",
  "Istiqlal Party",
  "Kurdistan Democratic Party",
  "Patriotic Union of Kurdistan",
  "Palestine Liberation Organization",
  "Arab Legion",
  "Baghdad Pact",
  "Central Treaty Organization",
  "Arab League",
  "Syrian Social Nationalist Party",
  "Progressive Socialist Party",
  "Kataeb Party",
  "Wafd Party",
  "Revolutionary Command Council",
  "National Council of the Revolutionary Command",
  "Military Committee",
  "Republican Guard",
  "Central Intelligence Agency",
];

export const KNOWN_ORGANIZATIONS: readonly KnownName[] = NAMES.map((name) => ({
  name,
  type: "organization",
  confidence: 0.8,
}));
