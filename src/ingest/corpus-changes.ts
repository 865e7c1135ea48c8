import { buildClaims } from "../claims/build.js";
import type { ClaimRecord } from "../claims/types.js";
import type { Decision } from "../decisions/types.js";
import { corefEventsAgain } from "../resolve/events-again.js";
import {
  nameInDocument,
  type EventRecord,
  type KeyedEntityRecord,
  type NameAssignment,
  type StoredEventMention,
} from "../resolve/types.js";
import type { CorpusChanges, EntityRow, KnowledgeStore } from "../store/knowledge.js";

/** Finds the entity a name of a document goes to. */
type EntityOf = (documentId: string, type: string, name: string) => string | undefined;

/** Events and claims made again only where a change reaches them (see `eventsAndClaimsAgain`). */
export interface EventsAndClaimsAgain {
  /** All events, as a full corpus stage makes them. */
  events: EventRecord[];
  /** Only the claims to write: those of events not kept as stored, and the relations of `relationDocuments`. */
  claims: ClaimRecord[];
  removedEvents: string[];
  relationDocuments: string[];
  keptEvents: ReadonlySet<string>;
  mergedAccounts: number;
}

/** Claim decisions apply to all claims, which an incremental run does not hold. */
export function decidesClaims(decisions: readonly Decision[]): boolean {
  return decisions.some((d) => d.payload.kind === "reject-claim" || d.payload.kind === "set-field");
}

/**
 * The events and claims of the corpus, knowing the stored result of the last corpus stage: accounts
 * in `added` documents or naming a name whose entity changed (`before` → `entityOf`) are merged
 * again with those linked to them, the other events kept; claims are made again only for events not
 * kept as stored, and relation claims only in documents where a relation's ends changed entity or
 * that are new. Undefined when the stored events cannot be kept (an account they hold is gone).
 */
export function eventsAndClaimsAgain(
  knowledge: KnowledgeStore,
  accounts: readonly StoredEventMention[],
  names: {
    /** The last stage's entity of each (document, type, name), by `nameInDocument`. */
    was: ReadonlyMap<string, string>;
    entityOf: EntityOf;
    added: ReadonlySet<string>;
  },
): EventsAndClaimsAgain | undefined {
  const { was, entityOf, added } = names;
  const moved = (documentId: string, type: string, name: string) =>
    was.get(nameInDocument({ documentId, type, name })) !== entityOf(documentId, type, name);
  const changed = (a: StoredEventMention) =>
    added.has(a.documentId) ||
    (a.event.place !== undefined && moved(a.documentId, "place", a.event.place.name)) ||
    a.event.participants.some((p) => moved(a.documentId, p.type, p.name));
  const stored = knowledge.eventMerges();
  const again = corefEventsAgain(accounts, (a, name, type) => entityOf(a.documentId, type, name), stored, changed);
  if (!again) return undefined;
  const removedEvents = stored.map((e) => e.id).filter((id) => !again.kept.has(id));
  const relations = knowledge.relationMentions();
  const relationDocuments = new Set(
    relations
      .filter(({ documentId: d, relation: { source, target } }) => {
        return added.has(d) || moved(d, source.type, source.name) || moved(d, target.type, target.name);
      })
      .map((r) => r.documentId),
  );
  const claims = buildClaims(
    again.events.filter((e) => !again.kept.has(e.id)),
    new Map(accounts.map((a) => [a.id, a])),
    relations.filter((r) => relationDocuments.has(r.documentId)),
    entityOf,
  );
  return {
    events: again.events,
    claims,
    removedEvents,
    relationDocuments: [...relationDocuments],
    keptEvents: again.kept,
    mergedAccounts: again.merged,
  };
}

/**
 * What to save of a corpus stage that kept the stored events and claims where nothing changed:
 * entities and assignments that differ from the stored ones, and the entities whose counts change —
 * those of changed names and of the `recounted` documents (whose mentions may have changed).
 */
export function corpusChanges(
  stored: {
    entities: readonly EntityRow[];
    assignments: readonly NameAssignment[];
    /** `assignments` by `nameInDocument`. */
    entityOf: ReadonlyMap<string, string>;
  },
  result: {
    entities: readonly KeyedEntityRecord[];
    assignments: readonly NameAssignment[];
    /** `assignments` by `nameInDocument`. */
    entityOf: ReadonlyMap<string, string>;
    again: EventsAndClaimsAgain;
    recounted: ReadonlySet<string>;
  } & Pick<CorpusChanges, "redirects" | "decisionStatuses">,
): CorpusChanges {
  const { again } = result;
  const storedEntities = new Map(stored.entities.map((e) => [e.id, e]));
  const entities = result.entities.filter((e) => {
    const before = storedEntities.get(e.id);
    return before === undefined || entityFields(before) !== entityFields(e);
  });
  const ids = new Set(result.entities.map((e) => e.id));
  const counted = new Set(entities.map((e) => e.id));
  const now = result.entityOf;
  const was = stored.entityOf;
  const removedAssignments = stored.assignments.filter((a) => !now.has(nameInDocument(a)));
  for (const a of removedAssignments) counted.add(a.entityId);
  const assignments = result.assignments.filter((a) => {
    const before = was.get(nameInDocument(a));
    if (before === a.entityId && !result.recounted.has(a.documentId)) return false;
    counted.add(a.entityId);
    if (before !== undefined) counted.add(before);
    return before !== a.entityId;
  });
  return {
    entities,
    removedEntities: stored.entities.filter((e) => !ids.has(e.id)).map((e) => e.id),
    assignments,
    removedAssignments: removedAssignments.map(({ documentId, type, name }) => ({ documentId, type, name })),
    countedEntities: [...counted].filter((id) => ids.has(id)),
    events: again.events.filter((e) => !again.keptEvents.has(e.id)),
    removedEvents: again.removedEvents,
    claims: again.claims,
    claimsOfEvents: again.removedEvents,
    relationDocuments: again.relationDocuments,
    redirects: result.redirects,
    decisionStatuses: result.decisionStatuses,
  };
}

function entityFields(e: Pick<KeyedEntityRecord, "type" | "name" | "key" | "mergeReasons">): string {
  return JSON.stringify([e.type, e.name, e.key, e.mergeReasons]);
}
