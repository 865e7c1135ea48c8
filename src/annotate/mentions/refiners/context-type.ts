/**
 * A one-word person the model alone found is a body's name when the words around it say so: after
 * "the", a nationality word or none between ("the Taliban", "the Afghan Taliban": a person's name
 * takes no article), or before a body's noun, a media word allowed between ("Sputnik agency", "Sputnik news agency").
 * Any person is a place's name before a place's noun ("the Sheikh Suleiman base") or after "the village
 * of" and its like ("the village of Sheikh Nassir"): a title-like first word made it a person.
 */
import { BODY_NOUNS, PLACE_NOUNS } from "../lexicon/organizations.js";
import { isDemonym } from "../lexicon/person-names.js";
import type { Mention, MentionContext, MentionRefiner } from "../types.js";

const ARTICLE_BEFORE = /\b[Tt]he[ \t]+(?:(\p{Lu}\p{Ll}+)[ \t]+)?$/u;
const NOUN_AFTER = /^[ \t]+(?:(?:news|press|state|television|radio|wire)[ \t]+)?([a-z]+)/;

function namesABody(context: MentionContext, mention: Mention): boolean {
  const text = context.document.text;
  const article = ARTICLE_BEFORE.exec(text.slice(Math.max(0, mention.start - 24), mention.start));
  if (article && (article[1] === undefined || isDemonym(article[1]))) return true;
  const noun = NOUN_AFTER.exec(text.slice(mention.end, mention.end + 20))?.[1];
  return noun !== undefined && BODY_NOUNS.has(noun);
}

const PLACE_OF_BEFORE = /\b(?:village|town|city|district|neighbou?rhood|suburb|area|region|province)[ \t]+of[ \t]+$/;
const WORD_AFTER = /^[ \t]+([a-z]+)/;

function namesAPlace(context: MentionContext, mention: Mention): boolean {
  const text = context.document.text;
  if (PLACE_OF_BEFORE.test(text.slice(Math.max(0, mention.start - 30), mention.start))) return true;
  const noun = WORD_AFTER.exec(text.slice(mention.end, mention.end + 20))?.[1];
  return noun !== undefined && PLACE_NOUNS.has(noun);
}

export const contextTypeRefiner: MentionRefiner = {
  name: "context-type",
  refine(context, mentions) {
    const spans = new Map<string, number>();
    for (const m of mentions) spans.set(`${m.start}:${m.end}`, (spans.get(`${m.start}:${m.end}`) ?? 0) + 1);
    return mentions.map((m) => {
      if (m.type !== "person") return m;
      if (namesAPlace(context, m)) return { ...m, type: "place", extractor: `${m.extractor}+context` };
      const single = m.extractor === "model" && !/\s/.test(m.name) && spans.get(`${m.start}:${m.end}`) === 1;
      return single && namesABody(context, m) ? { ...m, type: "organization", extractor: "model+context" } : m;
    });
  },
};
