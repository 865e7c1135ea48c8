/**
 * Well-known organizations (lexicon/known-organizations.ts): in lower-cased text whatever their capitalization, in
 * cased text only with at least the capitals of the known name ("the military committee" is a description there).
 */
import { findKnownNames } from "../known-names.js";
import { KNOWN_ORGANIZATIONS } from "../lexicon/known-organizations.js";
import type { MentionExtractor } from "../types.js";

export const knownOrganizationExtractor: MentionExtractor = {
  name: "known-organization",
  extract: (context) =>
    findKnownNames(context, KNOWN_ORGANIZATIONS, { surnames: false, extractor: "known-organization" }),
};
