/**
 * Infobox values (their offsets are in document.text): Commander* and Leader* fields name persons,
 * each possibly followed by the office held ("Ahmed Hassan al-Bakr, Prime Minister of Iraq" → the
 * person, role "Prime Minister of Iraq"); Combatant* fields name organizations, countries, groups
 * ("Nasserists") or persons; Place and Location fields name places ("Republic of Iraq" → Iraq).
 * Strength, Casualties and Date are left to the quantity and date extractors.
 */
import type { InfoboxField } from "../../../core/document.js";
import { makeMention } from "../context.js";
import { lookupPlace } from "../gazetteer/places.js";
import { GROUP_ADJECTIVES, groupKey } from "../lexicon/groups.js";
import { ORG_HEADS } from "../lexicon/organizations.js";
import { isArabicNameMarker, isGivenName } from "../lexicon/person-names.js";
import { TITLES } from "../lexicon/titles.js";
import { normalizeName } from "../names.js";
import { inRange } from "../scan.js";
import type { Mention, MentionContext, MentionExtractor, MentionType } from "../types.js";

type FieldKind = "commander" | "combatant" | "place";

const FIELD_KINDS: readonly [RegExp, FieldKind][] = [
  [/^(?:commander|leader|head|chairman|president|founder)/i, "commander"],
  [/^(?:combatant|belligerent|side|parties|party|faction)/i, "combatant"],
  [/^(?:place|location|territory|site|city|country|headquarters)/i, "place"],
];
const OFFICE_START = new RegExp(
  `^(?:${TITLES.join("|").replace(/\./g, "\\.")}|Leader|Head|Chief|Member|Commander)(?![\\p{L}])`,
  "iu",
);

interface Piece {
  text: string;
  start: number;
  end: number;
}

function pieces(value: { text: string; start: number }): Piece[] {
  const out: Piece[] = [];
  for (const match of value.text.matchAll(/[^,|;•*\n]+/g)) {
    const text = match[0].trim();
    if (text.length === 0) continue;
    const start = value.start + match.index + match[0].indexOf(text);
    out.push({ text, start, end: start + text.length });
  }
  return out;
}

export function placeCanonical(name: string): string | undefined {
  return lookupPlace(name)?.canonical;
}

const hasOrgHead = (text: string): boolean => text.split(/\s+/).some((word) => ORG_HEADS.has(word));
const looksLikePerson = (words: string[]): boolean =>
  words.length >= 2 && (isGivenName(words[0]!) || words.some((word, i) => isArabicNameMarker(word, words[i + 1])));

function classify(kind: FieldKind, text: string): { type: MentionType; name: string } | undefined {
  const group = GROUP_ADJECTIVES.get(groupKey(text.replace(/s$/, "")));
  if (group) return { type: "group", name: group.name };
  if (!/^\p{Lu}/u.test(text) && kind !== "place") return undefined;
  const place = placeCanonical(text);
  if (kind === "place") return { type: "place", name: place ?? normalizeName(text) };
  if (hasOrgHead(text)) return { type: "organization", name: normalizeName(text) };
  if (place) return { type: "place", name: place };
  const words = text.split(/\s+/);
  if (kind === "commander" || looksLikePerson(words)) return { type: "person", name: normalizeName(text) };
  return { type: "organization", name: normalizeName(text) };
}

function fieldMentions(context: MentionContext, field: InfoboxField, kind: FieldKind): Mention[] {
  const mentions: Mention[] = [];
  let lastPerson: Mention | undefined;
  for (const value of field.values) {
    for (const piece of pieces(value)) {
      if (kind === "commander" && lastPerson && OFFICE_START.test(piece.text)) {
        lastPerson.role = piece.text;
        lastPerson = undefined;
        continue;
      }
      const found = classify(kind, piece.text);
      if (!found) continue;
      const mention = makeMention(context, piece.start, piece.end, {
        ...found,
        extractor: "infobox",
        confidence: found.type === "person" && kind !== "commander" ? 0.8 : 0.95,
      });
      mentions.push(mention);
      lastPerson = mention.type === "person" ? mention : undefined;
    }
  }
  return mentions;
}

export const infoboxExtractor: MentionExtractor = {
  name: "infobox",
  extract(context) {
    return context.document.infobox.flatMap((field) => {
      if (!inRange(context, field)) return [];
      const kind = FIELD_KINDS.find(([pattern]) => pattern.test(field.key))?.[1];
      return kind ? fieldMentions(context, field, kind) : [];
    });
  },
};
