/**
 * The learned tagger (model/): persons, organizations and places the rules missed. It runs only
 * around capitalised words that no earlier extractor explained (islands of the sentence, with two
 * words of context on each side), which keeps it off most of the text. Its mentions have low
 * confidence: rules and the gazetteer win where they overlap, except that the model may correct
 * the type of a first name or a city (see priority.ts), so ambiguous ones leave it its say.
 */
import { makeMention } from "../context.js";
import { isCommonWord, isStopWord } from "../lexicon/common-words.js";
import { isDemonym } from "../lexicon/person-names.js";
import type { NerModel } from "../model/index.js";
import { entitySpans, loadNerModel, tagSentence } from "../model/index.js";
import type { EntityType as ModelType } from "../model/tags.js";
import { normalizeName } from "../names.js";
import { isAmbiguous, priorityOf } from "../priority.js";
import { scanRange } from "../scan.js";
import type { ModelSentence } from "../tokens.js";
import { modelSentences } from "../tokens.js";
import type { EntityType, Mention, MentionContext, MentionExtractor } from "../types.js";

const TYPES: Readonly<Record<ModelType, EntityType>> = { PER: "person", ORG: "organization", LOC: "place" };
export const MODEL_CONFIDENCE = 0.55;
/** Words of context kept on each side of an island. */
const CONTEXT = 2;
const JOINED_ARTICLE = /^(?:al|el|as|ar|ad|an|at|az|ash)[-‐]/;

/** Characters of the scanned range that a trusted mention already explains. */
function explained(context: MentionContext, found: readonly Mention[]): Uint8Array {
  const range = scanRange(context);
  const mask = new Uint8Array(range.end - range.start);
  for (const mention of found) {
    if (isAmbiguous(mention) || priorityOf(mention.extractor) < 4) continue;
    mask.fill(1, Math.max(0, mention.start - range.start), Math.max(0, mention.end - range.start));
  }
  return mask;
}

/** [start, end) word ranges of the islands to tag in a sentence, context included. */
function islands(sentence: ModelSentence, isExplained: (offset: number) => boolean): [number, number][] {
  const out: [number, number][] = [];
  const n = sentence.words.length;
  for (let i = 0; i < n; i++) {
    const word = sentence.words[i]!;
    const first = word.charAt(0);
    const capitalised = first !== first.toLowerCase();
    if (!(capitalised || JOINED_ARTICLE.test(word)) || isExplained(sentence.starts[i]!)) continue;
    const lower = word.toLowerCase();
    if (capitalised && (isStopWord(lower) || isDemonym(word) || (i === 0 && isCommonWord(lower)))) continue;
    const start = Math.max(0, i - CONTEXT);
    const end = Math.min(n, i + 1 + CONTEXT);
    const last = out[out.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else out.push([start, end]);
  }
  return out;
}

function tagIsland(context: MentionContext, model: NerModel, sentence: ModelSentence, [from, to]: [number, number]) {
  const words = sentence.words.slice(from, to);
  const mentions: Mention[] = [];
  for (const span of entitySpans(words, tagSentence(model, words))) {
    const start = sentence.starts[from + span.startToken]!;
    const end = sentence.ends[from + span.endToken - 1]!;
    mentions.push(
      makeMention(context, start, end, {
        type: TYPES[span.type],
        name: normalizeName(context.document.text.slice(start, end)),
        extractor: "model",
        confidence: MODEL_CONFIDENCE,
      }),
    );
  }
  return mentions;
}

function touchesInfobox(context: MentionContext, start: number, end: number): boolean {
  return context.document.infobox.some((field) => start < field.end && end > field.start);
}

export function modelExtractor(model: NerModel | (() => NerModel) = loadNerModel): MentionExtractor {
  return {
    name: "model",
    extract(context, found = []) {
      if (context.caseless) return [];
      const tagger = typeof model === "function" ? model() : model;
      const mask = explained(context, found);
      const offset = scanRange(context).start;
      const isExplained = (at: number): boolean => mask[at - offset] === 1;
      const mentions: Mention[] = [];
      for (const sentence of modelSentences(context)) {
        if (touchesInfobox(context, sentence.starts[0]!, sentence.ends[sentence.ends.length - 1]!)) continue;
        for (const island of islands(sentence, isExplained))
          mentions.push(...tagIsland(context, tagger, sentence, island));
      }
      return mentions;
    },
  };
}
