import type { Annals } from "../../annals.js";

/**
 * What the HTTP API calls on the knowledge base: the `Annals` facade's methods, nothing more, so the
 * API adds no logic the CLI lacks. Tests may pass any object of this shape.
 */
export type KnowledgeBase = Pick<
  Annals,
  | "add"
  | "documents"
  | "documentPairs"
  | "search"
  | "searchFacets"
  | "document"
  | "pageImage"
  | "entities"
  | "entity"
  | "hasRecord"
  | "events"
  | "filteredEvents"
  | "timeline"
  | "timelineFacets"
  | "timelineOutlines"
  | "event"
  | "disagreements"
  | "graph"
  | "graphEdge"
  | "decide"
  | "decisions"
>;
