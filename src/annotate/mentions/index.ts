/**
 * Mentions of persons, organizations, places, groups, dates and quantities in one document, with
 * offsets into document.text, from the ordered extractors and refiners of configuration.ts. Each
 * mention names the extractor (or refiner) that produced it.
 */
import type { SourceDocument } from "../../core/document.js";
import type { SegmentedParagraph } from "../../segment/index.js";
import { segmentParagraphs } from "../../segment/index.js";
import type { Configuration, ConfigurationOptions } from "./configuration.js";
import { defaultConfiguration } from "./configuration.js";
import { createContext } from "./context.js";
import type { Mention } from "./types.js";

export type { Configuration, ConfigurationOptions } from "./configuration.js";
export { defaultConfiguration } from "./configuration.js";
export type { KnownName, KnownNameOptions } from "./known-names.js";
export { matchKnownNames } from "./known-names.js";
export type { EntityType, Mention, MentionContext, MentionExtractor, MentionRefiner, MentionType } from "./types.js";

export interface ExtractOptions extends ConfigurationOptions {
  /** Replaces the default configuration (its other options are then ignored). */
  configuration?: Configuration;
  /** Override the detection of lower-cased text. */
  caseless?: boolean;
}

export function extractMentions(
  document: SourceDocument,
  paragraphs: readonly SegmentedParagraph[] = [...segmentParagraphs(document.text)],
  options: ExtractOptions = {},
): Mention[] {
  const context = createContext(document, paragraphs, options.caseless);
  const configuration = options.configuration ?? defaultConfiguration(options);
  let mentions: Mention[] = [];
  for (const extractor of configuration.extractors) {
    for (const mention of extractor.extract(context, mentions)) mentions.push(mention);
  }
  for (const refiner of configuration.refiners) mentions = refiner.refine(context, mentions);
  return mentions.sort((a, b) => a.start - b.start || b.end - a.end);
}
