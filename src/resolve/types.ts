import type { DatePrecision } from "../annotate/dates/index.js";
import type { EventMention } from "../annotate/events/types.js";
import type { EntityType } from "../annotate/mentions/types.js";
import type { RelationMention } from "../annotate/relations/types.js";
import type { DocumentKind } from "../core/document.js";

/** What resolution reads of a stored document. */
export interface ResolutionDocument {
  id: string;
  path: string;
  kind: DocumentKind;
  date?: string;
  /** The document's date, else the year it is mostly about (YYYY[-MM[-DD]]). */
  referenceDate?: string;
  /** The text has no capitalization to rely on (a lower-cased dump). */
  caseless: boolean;
}

export interface NameOccurrence {
  documentId: string;
  type: EntityType;
  name: string;
  aliasOf?: string;
  roles: string[];
  /** Identifiers the source's markup gives the name (TEI persName@corresp): hard evidence of identity. */
  refs?: string[];
  count: number;
  /** Best confidence among the mentions. */
  confidence: number;
  extractors: string[];
}

export interface StoredEventMention {
  id: number;
  documentId: string;
  event: EventMention;
}

export interface StoredRelationMention {
  id: number;
  documentId: string;
  relation: RelationMention;
}

export interface EntityRecord {
  id: string;
  type: EntityType;
  name: string;
  /** Why each name joined the entity. */
  mergeReasons: { alias: string; reason: string }[];
}

/** An entity with the resolver key of its name: the anchor the user's decisions use. */
export interface KeyedEntityRecord extends EntityRecord {
  key: string;
}

export interface EntityRedirect {
  from: string;
  to: string;
}

export interface NameAssignment {
  documentId: string;
  type: EntityType;
  name: string;
  entityId: string;
}

/**
 * The key of one name as one document writes it with one type: what an entity is assigned to. The
 * document is given by a number of this process instead of its 64-character id: maps of hundreds of
 * thousands of these keys are several of the corpus stage's largest structures.
 */
export function nameInDocument(a: { documentId: string; type: string; name: string }): string {
  let number = documentNumbers.get(a.documentId);
  if (number === undefined) documentNumbers.set(a.documentId, (number = documentNumbers.size.toString(36)));
  return `${number}\u0000${a.type}\u0000${a.name}`;
}

const documentNumbers = new Map<string, string>();

/** The entity of each (document, type, name), by `nameInDocument`. */
export function entitiesByName(assignments: readonly NameAssignment[]): Map<string, string> {
  return new Map(assignments.map((a) => [nameInDocument(a), a.entityId]));
}

export interface EventRecord {
  id: string;
  label: string;
  type: string;
  start?: string;
  end?: string;
  value?: string;
  precision?: DatePrecision;
  place?: string;
  /** Event-mention ids merged into this event. */
  mentionIds: number[];
  /** Why each account after the first joined the event: the evidence coreference found. */
  mergeReasons: { mentionId: number; reason: string }[];
}

/** An event as the corpus stage stored it: its id and the accounts it merged. */
export type EventMerge = Pick<EventRecord, "id" | "mentionIds" | "mergeReasons">;
