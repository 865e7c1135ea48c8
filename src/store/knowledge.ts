import type { DatePrecision } from "../annotate/dates/index.js";
import type { EntityType, Mention } from "../annotate/mentions/types.js";
import type { ClaimRecord, ClaimSubjectKind } from "../claims/types.js";
import type { DecisionStatus, MentionEdit } from "../decisions/types.js";
import type {
  EntityRedirect,
  EventMerge,
  EventRecord,
  KeyedEntityRecord,
  NameAssignment,
  NameOccurrence,
  ResolutionDocument,
  StoredEventMention,
  StoredRelationMention,
} from "../resolve/types.js";

/**
 * What the corpus stage (resolve → claims) reads and writes, and what the views read. Everything
 * here except the per-document extraction results is rebuilt by `resolveCorpus` after each ingest.
 */
export interface KnowledgeStore {
  /** Documents with what resolution needs to know about them. */
  documentsForResolution(): ResolutionDocument[];
  /**
   * Distinct (document, type, name) of person, organization and place mentions, with counts, by file
   * path and place in the document: an order that does not depend on when each document was stored.
   */
  nameOccurrences(): NameOccurrence[];
  /** Replaces the corpus-derived mentions (extractor "known-name") of one document. */
  replaceKnownNameMentions(documentId: string, mentions: readonly Mention[]): void;
  /** Full text of a document, for matching known names in it. */
  documentText(documentId: string): string | undefined;
  /** By file path, then in the order of their documents (as `nameOccurrences`). */
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

  /** What the documents removed since the last `saveCorpus` held (kept by a trigger on document deletion). */
  removedSinceCorpus(): RemovedSinceCorpus;

  /** Replaces all entities, events, claims, redirects and decision statuses in one transaction. */
  saveCorpus(corpus: ResolvedCorpus): void;
  /**
   * Writes, in one transaction, what changed since the stored corpus stage, keeping the rest:
   * the result equals `saveCorpus` of the whole corpus. Returns how many claims the base then holds.
   */
  saveCorpusChanges(changes: CorpusChanges): { claims: number };
  /** Each stored event's id and the accounts it merged, as the last corpus stage saved them. */
  eventMerges(): EventMerge[];
  /** Documents stored since the last corpus stage, and how many of those it saw are gone. */
  documentsSinceCorpus(): { added: string[]; removed: number };

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
  /** Claims by their `ActorLink.claimId`; unknown ids are left out. */
  claimsById(claimIds: readonly number[]): Map<number, ClaimRow>;
  /**
   * Every claim that ties an entity to another entity (a relation) or to an event it takes part in
   * (not as its place), with both ends and the dates it speaks of, in document order: what the network is made of.
   */
  actorLinks(): ActorLink[];
  /** The first `limit` events an entity takes part in, in the order the sources tell them, with its role. */
  entityEvents(entityId: string, limit: number): EntityEvent[];
  /**
   * Entities linked to one by claims: its relations' targets, those whose relations name it ("… (of)"),
   * and the other participants of the given events ("co-participant"), with how many claims say so.
   */
  relatedEntities(entityId: string, eventIds: readonly string[]): RelatedEntity[];
  documentMentions(documentId: string): { start: number; end: number; text: string; type: string; entityId?: string }[];
}

export interface ResolvedCorpus {
  entities: KeyedEntityRecord[];
  assignments: NameAssignment[];
  events: EventRecord[];
  claims: ClaimRecord[];
  redirects: EntityRedirect[];
  decisionStatuses: DecisionStatus[];
}

/** The rows of the corpus stage that changed: those to write, and the stored ones to delete. */
export interface CorpusChanges {
  /** New or changed entities (their counts are those of `countedEntities`). */
  entities: KeyedEntityRecord[];
  removedEntities: string[];
  /** New or changed assignments. */
  assignments: NameAssignment[];
  removedAssignments: Omit<NameAssignment, "entityId">[];
  /** Entities whose alias, role and mention counts are computed again: those whose names or mentions changed. */
  countedEntities: string[];
  /** New or changed events; `removedEvents` are deleted first. */
  events: EventRecord[];
  removedEvents: string[];
  /** New claims; before them go the claims of the events `claimsOfEvents` and the relation claims of `relationDocuments`. */
  claims: ClaimRecord[];
  claimsOfEvents: string[];
  relationDocuments: string[];
  /** All redirects and decision statuses (few), replacing the stored ones. */
  redirects: EntityRedirect[];
  decisionStatuses: DecisionStatus[];
}

export interface RemovedSinceCorpus {
  names: { type: EntityType; name: string }[];
  entityIds: string[];
  refs: string[];
}

export interface StaleRow {
  kind: string;
  type: string;
  value: string;
}

export function removedSinceCorpus(rows: readonly StaleRow[]): RemovedSinceCorpus {
  const removed: RemovedSinceCorpus = { names: [], entityIds: [], refs: [] };
  for (const r of rows) {
    if (r.kind === "name") removed.names.push({ type: r.type as EntityType, name: r.value });
    else if (r.kind === "entity") removed.entityIds.push(r.value);
    else removed.refs.push(r.value);
  }
  return removed;
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

export type EventOutline = Pick<EventRecord, "id" | "label" | "type" | "start" | "end" | "precision" | "place"> & {
  /** How many event mentions merged into it: how often the sources tell of it. */
  accounts: number;
};

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

export interface ActorLink {
  claimId: number;
  /** The actor the claim names as its value. */
  actor: LinkedActor;
  /** The entity whose relation it is; absent when the subject is an event the actor takes part in. */
  subject?: LinkedActor;
  subjectId: string;
  property: string;
  documentId: string;
  quoteStart: number;
  quoteEnd: number;
  /** The date of the claim's document (metadata.date). */
  documentDate?: string;
  /** The event's start and end, when the subject is an event. */
  eventStart?: string;
  eventEnd?: string;
}

export interface LinkedActor {
  id: string;
  name: string;
  type: EntityType;
  mentions: number;
}

export interface ClaimRow extends ClaimRecord {
  document: { id: string; path: string; title: string };
  quote: string;
  /** The page of the quote, for documents with pages. */
  page?: number;
}
