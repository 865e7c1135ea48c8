import type { Span } from "../../core/document.js";
import type { EntityType } from "../mentions/types.js";

export type RelationType =
  | "led"
  | "commanded"
  | "member-of"
  | "directed"
  | "fought-against"
  | "arrested"
  | "exiled-to"
  | "allied-with"
  | "deputy-of"
  | "sibling-of"
  | "affiliated-with";

export interface RelationEnd extends Span {
  name: string;
  type: EntityType;
}

/** One sentence's (or infobox line's) statement that two actors stand in a typed relation. */
export interface RelationMention {
  type: RelationType;
  source: RelationEnd;
  target: RelationEnd;
  quote: Span;
  extractor: string;
  confidence: number;
}
