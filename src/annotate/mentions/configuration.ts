/**
 * The ordered pipeline, in the style of chrono-node's configuration: extractors propose mentions
 * independently, then refiners, in order, clean, vote, resolve overlaps and spread names.
 */
import type { DateMention } from "../dates/index.js";
import { acronymExtractor } from "./extractors/acronym.js";
import { arabicNameExtractor } from "./extractors/arabic-name.js";
import { dateExtractor } from "./extractors/date.js";
import { frontMatterExtractor } from "./extractors/front-matter.js";
import { gazetteerExtractor } from "./extractors/gazetteer.js";
import { groupAdjectiveExtractor } from "./extractors/group-adjective.js";
import { infoboxExtractor } from "./extractors/infobox.js";
import { knownNameExtractor } from "./extractors/known-name.js";
import { knownOrganizationExtractor } from "./extractors/known-organization.js";
import { markupExtractor } from "./extractors/markup.js";
import { modelExtractor } from "./extractors/model.js";
import { organizationHeadExtractor } from "./extractors/organization-head.js";
import { placeHeadExtractor } from "./extractors/place-head.js";
import { quantityExtractor } from "./extractors/quantity.js";
import { titleRankExtractor } from "./extractors/title-rank.js";
import type { KnownName } from "./known-names.js";
import type { NerModel } from "./model/index.js";
import { boundariesRefiner } from "./refiners/boundaries.js";
import { caselessRefiner } from "./refiners/caseless.js";
import { contextTypeRefiner } from "./refiners/context-type.js";
import { documentNamesRefiner } from "./refiners/document-names.js";
import { junkRefiner } from "./refiners/junk.js";
import { overlapsRefiner } from "./refiners/overlaps.js";
import { typeVoteRefiner } from "./refiners/type-vote.js";
import type { MentionExtractor, MentionRefiner } from "./types.js";

export interface Configuration {
  extractors: MentionExtractor[];
  refiners: MentionRefiner[];
}

export interface ConfigurationOptions {
  /** Names known from other documents, looked for in this one (extractor "known-name"). */
  knownNames?: readonly KnownName[];
  /** The tagger to use, or false for rules and gazetteer only; default: the shipped model. */
  model?: NerModel | false;
  /** Leave out dates (extractDates) and quantities, for callers that only want names. */
  namesOnly?: boolean;
  /** Dates the caller already extracted from this document (extractDates), reused as date mentions. */
  dates?: readonly DateMention[];
}

export function defaultConfiguration(options: ConfigurationOptions = {}): Configuration {
  const extractors: MentionExtractor[] = [
    markupExtractor,
    infoboxExtractor,
    frontMatterExtractor,
    titleRankExtractor,
    arabicNameExtractor,
    organizationHeadExtractor,
    placeHeadExtractor,
    acronymExtractor,
    gazetteerExtractor,
    knownOrganizationExtractor,
    groupAdjectiveExtractor,
  ];
  if (options.knownNames && options.knownNames.length > 0) extractors.push(knownNameExtractor(options.knownNames));
  if (options.model !== false) extractors.push(modelExtractor(options.model));
  if (!options.namesOnly) extractors.push(quantityExtractor, dateExtractor(options.dates));
  return {
    extractors,
    refiners: [
      boundariesRefiner,
      junkRefiner,
      contextTypeRefiner,
      typeVoteRefiner,
      overlapsRefiner,
      documentNamesRefiner,
      caselessRefiner,
    ],
  };
}
