/**
 * Names the document's front matter gives (tags, place, subject of wikipedia-syria articles),
 * found where the text uses them. Front matter is not part of document.text, so only its
 * recurrences in the text become mentions. A tag is used when its type is clear: an organization
 * head ("Muslim Brotherhood", "Ba'ath Party"), a place in the gazetteer, or a metadata place.
 */
import { findKnownNames } from "../known-names.js";
import type { KnownName } from "../known-names.js";
import { ORG_HEADS } from "../lexicon/organizations.js";
import type { MentionExtractor } from "../types.js";
import { placeCanonical } from "./infobox.js";

/** "Flag of the Muslim Brotherhood (2).png Muslim Brotherhood" → "Muslim Brotherhood". */
function cleanTag(tag: string): string {
  const afterFile = tag.split(/\.(?:png|jpe?g|svg|gif)\s+/i).pop() ?? tag;
  return afterFile
    .replace(/\([^)]*\)/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

export function frontMatterNames(metadata: { tags?: string[]; place?: string }): KnownName[] {
  const names: KnownName[] = [];
  if (metadata.place) {
    for (const place of metadata.place.split(/\s*[,;]\s*/)) if (place) names.push({ name: place, type: "place" });
  }
  for (const raw of metadata.tags ?? []) {
    const tag = cleanTag(raw);
    if (tag.length < 3 || /\d/.test(tag) || !/^\p{Lu}/u.test(tag)) continue;
    const words = tag.split(" ");
    if (words.length > 6) continue;
    if (ORG_HEADS.has(words[words.length - 1]!)) names.push({ name: tag, type: "organization" });
    else if (placeCanonical(tag) !== undefined) names.push({ name: tag, type: "place" });
  }
  return names;
}

export const frontMatterExtractor: MentionExtractor = {
  name: "front-matter",
  extract(context) {
    const names = frontMatterNames(context.document.metadata);
    return findKnownNames(context, names, { extractor: "front-matter", confidence: 0.8, surnames: false });
  },
};
