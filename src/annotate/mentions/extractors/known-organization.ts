/** Well-known organizations found whatever their capitalization (lexicon/known-organizations.ts). */
import { findKnownNames } from "../known-names.js";
import { KNOWN_ORGANIZATIONS } from "../lexicon/known-organizations.js";
import type { MentionExtractor } from "../types.js";

export const knownOrganizationExtractor: MentionExtractor = {
  name: "known-organization",
  extract: (context) =>
    findKnownNames(context, KNOWN_ORGANIZATIONS, { caseless: true, surnames: false, extractor: "known-organization" }),
};
