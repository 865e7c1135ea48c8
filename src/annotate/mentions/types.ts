import type { SourceDocument, Span } from "../../core/document.js";
import type { EntityType } from "../../core/entity-types.js";
import type { SegmentedParagraph } from "../../segment/index.js";

export type { EntityType };
export type MentionType = EntityType | "date" | "quantity" | "group";

/** A span of a document that names something. Offsets are into `SourceDocument.text`. */
export interface Mention extends Span {
  text: string;
  type: MentionType;
  /**
   * The name without titles, ranks and possessives ("Corporal Hasan Sari's" → "Hasan Sari"); for a
   * quantity its number or range ("300–2,000"); for a group adjective ("Baathist") the name of the
   * organization or person it points to ("Ba'ath Party").
   */
  name: string;
  /** Title or rank attached to the name in this mention ("Corporal", "President"). */
  role?: string;
  /** Which extractor or refiner produced or last changed it, as in chrono-node's results. */
  extractor: string;
  confidence: number;
  /** The sentence the mention sits in, for citation. */
  sentence: Span;
  /** Identifier the source itself gave (TEI persName@corresp). */
  ref?: string;
  /** Another name this mention is declared to be, as in "Iraqi Communist Party (ICP)" or "Muhammad Habib (Abu Salam)". */
  aliasOf?: string;
}

/** Everything an extractor may look at for one document. */
export interface MentionContext {
  document: SourceDocument;
  paragraphs: readonly SegmentedParagraph[];
  /** True when the text carries no capitalization to rely on (a lower-cased token dump). */
  caseless: boolean;
}

export interface MentionExtractor {
  readonly name: string;
  /**
   * `found` holds what the extractors before this one in the configuration found, so that a costly
   * extractor (the learned model) can leave alone what cheaper ones already explained.
   */
  extract(context: MentionContext, found?: readonly Mention[]): Mention[];
}

export interface MentionRefiner {
  readonly name: string;
  refine(context: MentionContext, mentions: Mention[]): Mention[];
}
