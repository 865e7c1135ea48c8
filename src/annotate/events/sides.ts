import type { SourceDocument } from "../../core/document.js";
import type { Mention } from "../mentions/types.js";
import { commandersOf, valueParts } from "./infobox-values.js";
import { namePartOf, nameWords } from "./names.js";

const SIDE_KEY = /^(?:combatant|commander|belligerent|side)s?(\d)$/i;

/** The infobox's actors by side ("1", "2", …): which side a name found in prose belongs to. */
export interface SideTable {
  entries: { side: string; words: Set<string> }[];
}

export function sideOfKey(key: string): string | undefined {
  return SIDE_KEY.exec(key)?.[1];
}

export function sideTable(document: SourceDocument, mentions: readonly Mention[]): SideTable {
  const entries: SideTable["entries"] = [];
  for (const field of document.infobox) {
    const side = sideOfKey(field.key);
    if (side === undefined) continue;
    const names = /^commander/i.test(field.key)
      ? commandersOf(field, mentions).map((commander) => commander.name)
      : field.values.flatMap((value) => valueParts(value).map((part) => part.text));
    for (const name of names) entries.push({ side, words: new Set(nameWords(name)) });
  }
  return { entries };
}

/** The one side whose infobox actors include `name` ("Communist Party" → the side of "Iraqi Communist Party"). */
export function sideOf(table: SideTable, name: string): string | undefined {
  const words = nameWords(name);
  if (words.length === 0) return undefined;
  let found: string | undefined;
  for (const entry of table.entries) {
    if (!namePartOf(words, entry.words)) continue;
    if (found !== undefined && found !== entry.side) return undefined;
    found = entry.side;
  }
  return found;
}
