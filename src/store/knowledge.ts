import type { EntityType, Mention } from "../annotate/mentions/types.js";
import type { EventMention } from "../annotate/events/types.js";
import type { RelationMention } from "../annotate/relations/types.js";
import type { DatePrecision } from "../annotate/dates/index.js";
import type { DocumentKind } from "../core/document.js";
import type { DecisionStatus } from "../decisions/types.js";

/**
 * What the corpus stage (resolve → claims) reads and writes, and what the views read. Everything
 * here except the per-document extraction results is rebuilt by `resolveCorpus` after each ingest.
 */
export interface KnowledgeStore {
  /** Documents with what resolution needs to know about them. */
  documentsForResolution(): ResolutionDocument[];
  /** Distinct (document, type, name) of person, organization and place mentions, with counts. */
  nameOccurrences(): NameOccurrence[];
  /** Replaces the corpus-derived mentions (extractor "known-name") of one document. */
  replaceKnownNameMentions(documentId: string, mentions: readonly Mention[]): void;
  /** Full text of a document, for matching known names in it. */
  documentText(documentId: string): string | undefined;
  eventMentions(): StoredEventMention[];
  relationMentions(): StoredRelationMention[];

  /**
   * Undoes the previous run's edits of mentions, then applies these in order (the user's decisions,
   * before resolution). Returns how many mentions each edit changed.
   */
  applyMentionEdits(edits: readonly MentionEdit[]): number[];
  /** The entity each (document, type, name) went to in the last corpus stage. */
  nameAssignments(): NameAssignment[];
  /** Ids of entities that no longer exist, each with the entity it went into. */
  entityRedirects(): EntityRedirect[];

  /** Replaces all entities, events, claims, redirects and decision statuses in one transaction. */
  saveCorpus(corpus: ResolvedCorpus): void;

  entities(filter?: { type?: EntityType; limit?: number; offset?: number }): EntityRow[];
  countEntities(type?: EntityType): number;
  /** An entity by id (following redirects of merged ids), else by one of its names (case- and diacritics-insensitive). */
  findEntity(idOrName: string): EntityRow | undefined;
  /** The entity's mentions in document order: `limit` (default 1000) after the first `offset`. */
  entityMentions(entityId: string, limit?: number, offset?: number): MentionCitation[];
  aliasCounts(entityId: string): { alias: string; count: number }[];
  roleCounts(entityId: string): { role: string; count: number }[];
  entityDocuments(entityId: string): { id: string; path: string; title: string }[];
  /** Events sorted by start (then end, label); one page of them when `page` is given. */
  events(page?: PageRange): EventRow[];
  countEvents(): number;
  /** Every event's date, type and place, sorted as `events` sorts them: what the timeline counts and filters. */
  eventOutlines(): EventOutline[];
  findEvent(idOrName: string): EventRow | undefined;
  claims(subjectKind: ClaimSubjectKind, subjectId?: string): ClaimRow[];
  /** The claims of the given subjects, grouped by subject as `claims` orders them. */
  claimsOfSubjects(subjectKind: ClaimSubjectKind, subjectIds: readonly string[]): ClaimRow[];
  /** The first `limit` events an entity takes part in, in the order the sources tell them, with its role. */
  entityEvents(entityId: string, limit: number): EntityEvent[];
  /**
   * Entities linked to one by claims: its relations' targets, those whose relations name it ("… (of)"),
   * and the other participants of the given events ("co-participant"), with how many claims say so.
   */
  relatedEntities(entityId: string, eventIds: readonly string[]): RelatedEntity[];
  documentMentions(documentId: string): { start: number; end: number; text: string; type: string; entityId?: string }[];
}

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

/** A change to mentions the user decided: one mention by its place, or every mention of a name. */
export interface MentionEdit {
  match: { documentId: string; start: number; end: number; text: string } | { name: string; pathPrefix?: string };
  /** Type "rejected" takes the mention out of every entity; a new name makes it a mention of that name. */
  set: { type: EntityType | "rejected" } | { name: string };
}

export interface NameAssignment {
  documentId: string;
  type: EntityType;
  name: string;
  entityId: string;
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

export type EventOutline = Pick<EventRecord, "id" | "label" | "type" | "start" | "end" | "precision" | "place"> & {
  /** How many event mentions merged into it: how often the sources tell of it. */
  accounts: number;
};

export type ClaimSubjectKind = "event" | "entity";

export interface ClaimRecord {
  subjectKind: ClaimSubjectKind;
  subjectId: string;
  property: string;
  value: string;
  /** Entity the value names, when it names one (participants, relation targets). */
  valueEntityId?: string;
  /** Side in a conflict, role in an event and the like. */
  qualifier?: string;
  documentId: string;
  start: number;
  end: number;
  quoteStart: number;
  quoteEnd: number;
  extractor: string;
  confidence: number;
}

export interface ResolvedCorpus {
  entities: KeyedEntityRecord[];
  assignments: NameAssignment[];
  events: EventRecord[];
  claims: ClaimRecord[];
  redirects: EntityRedirect[];
  decisionStatuses: DecisionStatus[];
}

export interface EntityRow {
  id: string;
  type: EntityType;
  name: string;
  /** The resolver key of its name (see KeyedEntityRecord). */
  key: string;
  mentions: number;
  mergeReasons: { alias: string; reason: string }[];
}

export interface MentionCitation {
  document: { id: string; path: string; title: string };
  start: number;
  end: number;
  text: string;
  quote: string;
  extractor: string;
  /** The page of the mention, for documents with pages. */
  page?: number;
}

export interface EventRow extends EventRecord {
  /** Documents that tell of the event. */
  documents: { id: string; path: string; title: string }[];
}

/** A slice of a sorted list: `limit` items after the first `offset`. */
export interface PageRange {
  limit: number;
  offset: number;
}

export interface EntityEvent {
  id: string;
  label: string;
  start?: string;
  precision?: DatePrecision;
  role: string;
}

export interface RelatedEntity {
  id: string;
  name: string;
  type: EntityType;
  relation: string;
  count: number;
}

export interface ClaimRow extends ClaimRecord {
  document: { id: string; path: string; title: string };
  quote: string;
  /** The page of the quote, for documents with pages. */
  page?: number;
}
