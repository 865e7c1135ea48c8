/**
 * Adjectives of political groups and what they point to: a Baathist is of the Ba'ath Party, a
 * Nasserist follows Gamal Abdel Nasser. Keys are folded (lower case, no apostrophe, singular).
 */
export interface GroupTarget {
  name: string;
  type: "organization" | "person";
}

const ORGANIZATION = (name: string): GroupTarget => ({ name, type: "organization" });
const PERSON = (name: string): GroupTarget => ({ name, type: "person" });

export const GROUP_ADJECTIVES: ReadonlyMap<string, GroupTarget> = new Map([
  ["baathist", ORGANIZATION("Ba'ath Party")],
  ["bathist", ORGANIZATION("Ba'ath Party")],
  ["communist", ORGANIZATION("Communist Party")],
  ["nasserist", PERSON("Gamal Abdel Nasser")],
  ["nasserite", PERSON("Gamal Abdel Nasser")],
  ["gaullist", PERSON("Charles de Gaulle")],
  ["peronist", PERSON("Juan Perón")],
  ["maoist", PERSON("Mao Zedong")],
  ["stalinist", PERSON("Joseph Stalin")],
  ["trotskyist", PERSON("Leon Trotsky")],
  ["titoist", PERSON("Josip Broz Tito")],
  ["kemalist", PERSON("Mustafa Kemal Atatürk")],
  ["bolshevik", ORGANIZATION("Bolshevik Party")],
  ["menshevik", ORGANIZATION("Menshevik Party")],
  ["falangist", ORGANIZATION("Falange")],
  ["wafdist", ORGANIZATION("Wafd Party")],
  ["baathism", ORGANIZATION("Ba'ath Party")],
]);

/** Matches a group adjective, optionally after pro- or anti-, singular or plural, any case. */
export const GROUP_PATTERN =
  /(?<![A-Za-z0-9\u00C0-\u024F])(?:(?:pro|anti)[-‐])?(ba['’‘]?a?thist|ba['’‘]?thism|communist|nasserist|nasserite|gaullist|peronist|maoist|stalinist|trotskyist|titoist|kemalist|bolshevik|menshevik|falangist|wafdist)(s)?(?![A-Za-z0-9\u00C0-\u024F])/gi;

export function groupKey(word: string): string {
  return word
    .toLowerCase()
    .replace(/['’‘]/g, "")
    .replace(/^baath/, "baath")
    .replace(/^bath/, "baath");
}
