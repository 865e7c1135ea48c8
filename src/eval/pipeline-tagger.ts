/**
 * The whole mention pipeline (extractMentions: rules, gazetteers, model, refiners) as a tagger of
 * CoNLL sentences, so that it is scored like the model alone: the sentences of one document are
 * detokenized, one paragraph each, and each person, organization and place mention is mapped back
 * to the tokens it covers. A title before a person's name ("President Bush") is left out of the
 * span, as CoNLL annotates names without titles.
 */
import type { Mention } from "../annotate/mentions/index.js";
import { extractMentions } from "../annotate/mentions/index.js";
import type { ConfigurationOptions } from "../annotate/mentions/configuration.js";
import type { EntitySpan, EntityType } from "../annotate/mentions/model/tags.js";
import { segmentParagraphs } from "../segment/index.js";
import type { Detokenized } from "./detokenize.js";
import { detokenize, tokensInRange } from "./detokenize.js";
import { textDocument } from "../core/text-document.js";

const TYPES: Partial<Record<Mention["type"], EntityType>> = { person: "PER", organization: "ORG", place: "LOC" };
const SEPARATOR = "\n\n";

/** The span of the name itself: a mention's role prefix removed. */
function nameSpan(mention: Mention): [number, number] {
  if (mention.role === undefined || !mention.text.startsWith(mention.role)) return [mention.start, mention.end];
  const rest = mention.text.slice(mention.role.length);
  return [mention.end - rest.trimStart().length, mention.end];
}

/** Entity spans per sentence for the sentences of one document. */
export function pipelineSpans(
  sentences: readonly (readonly string[])[],
  options: ConfigurationOptions = {},
): EntitySpan[][] {
  const detokenized: Detokenized[] = sentences.map(detokenize);
  const offsets: number[] = [];
  let text = "";
  for (const sentence of detokenized) {
    if (text.length > 0) text += SEPARATOR;
    offsets.push(text.length);
    text += sentence.text;
  }
  const document = textDocument(text);
  const mentions = extractMentions(document, [...segmentParagraphs(text)], { ...options, namesOnly: true });
  const spans: EntitySpan[][] = sentences.map(() => []);
  for (const mention of mentions) {
    const type = TYPES[mention.type];
    if (!type) continue;
    const [start, end] = nameSpan(mention);
    let s = offsets.length - 1;
    while (s > 0 && offsets[s]! > start) s--;
    const range = tokensInRange(detokenized[s]!, start - offsets[s]!, end - offsets[s]!);
    if (range) spans[s]!.push({ startToken: range[0], endToken: range[1], type });
  }
  return spans;
}
