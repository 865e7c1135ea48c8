import type {
  DocumentFormat,
  DocumentKind,
  DocumentMetadata,
  InfoboxField,
  Page,
  Section,
  Span,
} from "../core/document.js";
import type { DatePrecision } from "../annotate/dates/index.js";
import type { EntityType } from "../annotate/mentions/types.js";

/** The JSON shapes the CLI prints, the HTTP API returns and the web UI renders (PRODUCT.md's contract). */

export interface DocumentRef {
  id: string;
  path: string;
  title?: string;
}

/** A quote from a source: the evidence for a fact. Offsets are into the document's text. */
export interface Citation {
  document: DocumentRef;
  start: number;
  end: number;
  quote: string;
  extractor?: string;
  /** The page of the quote, for documents with pages. */
  page?: number;
}

export interface EntitySummary {
  id: string;
  type: EntityType;
  name: string;
  aliases: string[];
  mentions: number;
  documentCount: number;
  /** The first `SUMMARY_DOCUMENTS` of them, in the order they were stored; the entity's page lists every one. */
  documents: DocumentRef[];
}

/** `annals entity NAME --json`: the entity with every mention as a citation. */
export interface EntityPage {
  id: string;
  type: EntityType;
  name: string;
  aliases: string[];
  aliasCounts: { alias: string; count: number }[];
  roles: { role: string; count: number }[];
  mentionCount: number;
  documents: DocumentRef[];
  mentions: Citation[];
  events: { id: string; label: string; start?: string; precision?: DatePrecision; role?: string }[];
  related: { id: string; name: string; type: EntityType; relation: string; count: number }[];
  /** Why mentions were merged into this entity: rule, keys, shared context. */
  mergeReasons: { alias: string; reason: string }[];
}

export interface EventParticipantView {
  name: string;
  entityId?: string;
  role?: string;
  side?: string;
}

export interface EventSummary {
  id: string;
  label: string;
  type: string;
  start?: string;
  end?: string;
  precision?: DatePrecision;
  place?: string;
  participants: EventParticipantView[];
  sources: Citation[];
}

export interface FieldValue {
  value: string;
  sources: Citation[];
}

export interface EventCard {
  id: string;
  label: string;
  type: string;
  start?: string;
  end?: string;
  precision?: DatePrecision;
  fields: Record<string, FieldValue[]>;
  /** Fields on which independent sources state different values. */
  disagreements: string[];
  /** Fields on which one source (a document and its copies) states different values. */
  inconsistencies: string[];
  /** Why each account joined the event. */
  mergeReasons: { mentionId: number; reason: string }[];
}

export interface Disagreement {
  subject: string;
  subjectId: string;
  property: string;
  /** "sources": independent sources disagree; "internal": one source contradicts itself. */
  scope: "sources" | "internal";
  values: FieldValue[];
}

export interface GraphNode {
  id: string;
  name: string;
  type: EntityType;
  mentions: number;
  /** The group of actors more tied to each other than to the rest (Louvain over the edges shown), largest 0. */
  community: number;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  /** A relation ("led", "member-of") or "co-participant": both take part in one event. */
  type: string;
  /** How many quotes state the edge (in the period asked for): its strength. */
  weight: number;
  evidence: Citation[];
}

export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Actors and links that pass the filter, before the node limit. */
  totals: { nodes: number; edges: number };
}

export interface DocumentView {
  id: string;
  path: string;
  title: string;
  format: DocumentFormat;
  kind: DocumentKind;
  metadata: DocumentMetadata;
  sections: Section[];
  infobox: InfoboxField[];
  text: string;
  /** Each page's span of the text, for paged sources (PDF, scans); OCR'd pages with their report. */
  pages?: Page[];
  /** Running heads, stamps and page numbers: shown, but not searched. */
  furniture?: Span[];
  mentions: { start: number; end: number; text: string; type: string; entityId?: string }[];
  derivedFrom?: DocumentRef & { similarity: number };
  nearDuplicates?: (DocumentRef & { similarity: number })[];
}
