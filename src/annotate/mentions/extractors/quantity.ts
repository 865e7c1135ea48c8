/**
 * Counted quantities: "2,000 fighters", "300–2,000", "34,000", "250 killed", "1+", "7,000 Iraqi
 * communists", "18 of his Ba'ath Party colleagues", "15-member council". The name is the number or
 * range as written, dashes made en dashes; the mention runs on to the counted noun when there is one.
 */
import { makeMention } from "../context.js";
import { matchesInRange } from "../scan.js";
import type { Mention, MentionContext, MentionExtractor } from "../types.js";

const NUMBER = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const QUANTITY = new RegExp(
  String.raw`(?=\d)(?<![\p{L}\p{N}.,:/])(${NUMBER})(?:[ \t]*([–—-]|to)[ \t]*(${NUMBER}))?(\+)?(?![\p{N}]|[:/.,]\d|st\b|nd\b|rd\b|th\b)`,
  "gu",
);
/** What may follow the number before the counted noun: "-member", "of his", adjectives, names. */
const COUNTED = new RegExp(
  String.raw`^(?:-(?<compound>[a-z]+)(?:[ \t]+(?<noun>[a-z]+))?|(?:[ \t]+(?:of[ \t]+(?:his|her|their|its|the|our)[ \t]+)?(?<words>(?:[\p{L}'’-]+[ \t]+){0,3}?)(?<counted>[a-z]+s|killed|dead|wounded|injured|missing|captured|strong|men|people|personnel|km|kilometres|kilometers|miles|aircraft|police|infantry|cavalry|artillery)(?![\p{L}])))`,
  "u",
);
const NOT_COUNTED = new Set(
  "is was has does days years months weeks hours minutes seconds times its this thus his as us yes towards always besides unless perhaps".split(
    " ",
  ),
);
const TIME_UNITS = /^(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|centur(?:y|ies)|decades?)$/;
const COUNTED_FIELDS = /^(?:strength|casualties|units|size|losses|deaths|killed|wounded|captured|population|members)/i;

function inCountedField(context: MentionContext, start: number): boolean {
  return context.document.infobox.some(
    (field) => start >= field.start && start < field.end && COUNTED_FIELDS.test(field.key),
  );
}

export const quantityExtractor: MentionExtractor = {
  name: "quantity",
  extract(context) {
    const text = context.document.text;
    const mentions: Mention[] = [];
    for (const match of matchesInRange(context, QUANTITY)) {
      const [whole, first, dash, second, plus] = match;
      const start = match.index;
      let end = start + whole.length;
      const rest = text.slice(end, end + 80);
      const counted = plus === undefined ? COUNTED.exec(rest) : null;
      const groups = counted?.groups ?? {};
      const noun = groups.counted ?? groups.noun ?? groups.compound;
      const countedNoun = noun !== undefined && !NOT_COUNTED.has(noun) && !TIME_UNITS.test(noun);
      if (counted && countedNoun) end += counted[0].length;
      const grouped = /,/.test(first!) || second !== undefined || plus !== undefined;
      const looksLikeYear = /^\d{4}$/.test(first!) && Number(first) >= 1000 && Number(first) < 2100;
      if (!countedNoun && !(grouped && !looksLikeYear) && !inCountedField(context, start)) continue;
      if (looksLikeYear && !countedNoun && second === undefined) continue;
      const name = second === undefined ? first! + (plus ?? "") : `${first}${dash === "to" ? " to " : "–"}${second}`;
      mentions.push(
        makeMention(context, start, end, { type: "quantity", name, extractor: "quantity", confidence: 0.8 }),
      );
    }
    return mentions;
  },
};
