/**
 * Adjectives of political groups ("Baathist", "Nasserists", "pro-Nasserist", "communists"): type
 * "group", named by the organization or person they point to, never a person themselves.
 */
import { makeMention } from "../context.js";
import { GROUP_ADJECTIVES, GROUP_PATTERN, groupKey } from "../lexicon/groups.js";
import { matchesInRange } from "../scan.js";
import type { Mention, MentionExtractor } from "../types.js";

export const groupAdjectiveExtractor: MentionExtractor = {
  name: "group-adjective",
  extract(context) {
    const mentions: Mention[] = [];
    for (const match of matchesInRange(context, GROUP_PATTERN)) {
      const word = match[1]!;
      const target = GROUP_ADJECTIVES.get(groupKey(word));
      if (!target) continue;
      const start = match.index + match[0].length - word.length - (match[2]?.length ?? 0);
      mentions.push(
        makeMention(context, start, match.index + match[0].length, {
          type: "group",
          name: target.name,
          extractor: "group-adjective",
          confidence: 0.85,
        }),
      );
    }
    return mentions;
  },
};
