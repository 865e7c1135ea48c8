import type { EventType } from "./types.js";

/** Nouns that name a kind of event, most specific first; the first that a name contains gives its type. */
const NAME_TYPES: readonly [RegExp, EventType][] = [
  [/\bcoups?\b|\bputsch\b|\bcoups? d['’]\s?[ée]tat\b/i, "coup"],
  [/\brevolutions?\b/i, "revolution"],
  [/\b(?:revolts?|uprisings?|rebellions?|insurrections?|insurgency|intifada|mutiny|riots?)\b/i, "revolt"],
  [/\b(?:battles?|sieges?|offensives?|campaigns?|clashes|operations?|raids?)\b/i, "battle"],
  [/\b(?:wars?|invasion|intervention|conflict|insurgencies)\b/i, "war"],
  [/\b(?:massacres?|airstrikes?|bombings?|attacks?|shelling)\b/i, "attack"],
  [/\b(?:executions?|hangings?)\b/i, "execution"],
  [/\b(?:meetings?|conferences?|summits?|congress)\b/i, "meeting"],
];

export function eventTypeOfName(name: string): EventType {
  for (const [pattern, type] of NAME_TYPES) if (pattern.test(name)) return type;
  return "other";
}

/** Event nouns a named event ends with ("… Revolution", "… coup d'état", "… coup attempt"). */
export const EVENT_NOUN =
  "coups?\\s+d['’]\\s?[ée]tat(?:\\s+attempt)?|coup(?:\\s+attempt)?|putsch|revolution|revolt|uprising|rebellion|insurrection|intifada|massacre|war|offensive|battle|siege|crisis";

/** Events of these types can be one event told with different words (a coup called a revolution). */
export const CONFLICT_TYPES: ReadonlySet<EventType> = new Set(["coup", "revolt", "revolution"]);

export function titleCase(text: string): string {
  return text.replace(/(^|[\s-])(\p{Ll})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
}

/** First letter upper-cased, unless the label opens with a name particle ("al-Sadi …"). */
export function capitalize(text: string): string {
  if (/^(?:al|ar|as|an|ad|el|ash|az|bin|ibn|de|van|von)-/.test(text)) return text;
  return text.charAt(0).toUpperCase() + text.slice(1);
}
