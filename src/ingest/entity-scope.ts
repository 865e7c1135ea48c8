import {
  nameInDocument,
  type EntityRecord,
  type KeyedEntityRecord,
  type NameAssignment,
  type NameOccurrence,
} from "../resolve/types.js";
import type { RemovedSinceCorpus } from "../store/knowledge.js";
import type { ResolutionConstraints } from "../resolve/constraints.js";
import { affectedNames } from "../resolve/affected-names.js";
import { sortReasons } from "../resolve/entities.js";
import { keyedWords } from "../resolve/entity-keys.js";
import type { VotedOccurrence } from "../resolve/type-vote.js";

/** The names to resolve again, and what the last corpus stage decided for all the others. */
export interface EntityScope {
  /** As the whole corpus votes their types. */
  occurrences: VotedOccurrence[];
  /** Names among `occurrences` resolved again only for the short forms that may go to them. */
  context: NameOccurrence[];
  keptAssignments: NameAssignment[];
  keptEntityIds: Set<string>;
  /** The entity of each (document, type, name) in the last corpus stage. */
  entityOf: ReadonlyMap<string, string>;
}

/**
 * What changed since the last corpus stage, from the stored result: documents holding a name it did
 * not resolve, names it resolved that no longer occur or whose vote gives them another type than
 * their entity's, and what removed documents held. `voted` are `occurrences` as the corpus votes
 * them. Undefined when there is no previous result, or the names to resolve again are more than
 * `maxShare` of all.
 */
export function entityScope(
  occurrences: readonly NameOccurrence[],
  voted: readonly VotedOccurrence[],
  before: {
    assignments: readonly NameAssignment[];
    /** `assignments` by `nameInDocument`. */
    entityOf: ReadonlyMap<string, string>;
    entityTypes: ReadonlyMap<string, string>;
  },
  removed: RemovedSinceCorpus,
  constraints: ResolutionConstraints,
  maxShare: number,
): EntityScope | undefined {
  if (before.assignments.length === 0 && removed.names.length === 0) return undefined;
  const { entityOf } = before;
  const entityIds = occurrences.map((o) => entityOf.get(nameInDocument(o)));
  const changedDocuments = new Set<string>();
  const staleEntities = new Set(removed.entityIds);
  const gone: { type: NameOccurrence["type"]; name: string }[] = [...removed.names];
  occurrences.forEach((o, i) => {
    if (entityIds[i] === undefined && hasKeys(o)) changedDocuments.add(o.documentId);
  });
  // A (document, type, name) is one occurrence and at most one assignment: when each assignment was found, none is gone.
  if (entityIds.filter((id) => id !== undefined).length < before.assignments.length) {
    const occurring = new Set(occurrences.map(nameInDocument));
    for (const a of before.assignments) {
      if (occurring.has(nameInDocument(a))) continue;
      changedDocuments.add(a.documentId);
      staleEntities.add(a.entityId);
      gone.push({ type: a.type, name: a.name });
    }
  }
  const seeds = new Set<number>();
  occurrences.forEach((o, i) => {
    const entity = entityIds[i];
    const revoted = entity !== undefined && before.entityTypes.get(entity) !== voted[i]!.type;
    if (changedDocuments.has(o.documentId) || revoted || (entity !== undefined && staleEntities.has(entity)))
      seeds.add(i);
  });
  const { affected, context } = affectedNames(
    voted,
    { occurrences: seeds, removed: gone, refs: removed.refs },
    constraints,
  );
  if (affected.size > maxShare * occurrences.length) return undefined;
  const keptAssignments: NameAssignment[] = [];
  occurrences.forEach((o, i) => {
    const entityId = entityIds[i];
    if (!affected.has(i) && entityId !== undefined)
      keptAssignments.push({ documentId: o.documentId, type: o.type, name: o.name, entityId });
  });
  return {
    occurrences: voted.filter((_, i) => affected.has(i)),
    context: occurrences.filter((_, i) => context.has(i)),
    keptAssignments,
    keptEntityIds: new Set(keptAssignments.map((a) => a.entityId)),
    entityOf,
  };
}

/**
 * The entities of an incremental run: the stored ones the scope keeps, as the resolver made them
 * (renames are applied again after), and those resolved again. An entity of context names also
 * holds kept short forms: its record is the one resolved again, with the stored reasons of the
 * names not resolved again. Undefined (the corpus must be resolved whole) when that cannot be told
 * apart — a kept name of the entity spelled like one resolved again — or when resolving again made
 * another entity of a context or kept one.
 */
export function scopedEntities(
  scope: EntityScope,
  partial: { entities: readonly EntityRecord[]; assignments: readonly NameAssignment[] },
  stored: readonly KeyedEntityRecord[],
): EntityRecord[] | undefined {
  const now = new Map(partial.assignments.map((a) => [nameInDocument(a), a.entityId]));
  const contextIds = new Set<string>();
  for (const o of scope.context) {
    const name = nameInDocument(o);
    const id = scope.entityOf.get(name);
    if (id === undefined || now.get(name) !== id) return undefined;
    contextIds.add(id);
  }
  const resolvedNames = new Map<string, Set<string>>();
  for (const o of scope.occurrences) {
    const name = nameInDocument({ ...o, type: o.writtenAs });
    for (const id of [scope.entityOf.get(name), now.get(name)])
      if (id !== undefined && contextIds.has(id)) push(resolvedNames, id, o.name);
  }
  for (const a of scope.keptAssignments) if (resolvedNames.get(a.entityId)?.has(a.name)) return undefined;
  const storedById = new Map(stored.map((e) => [e.id, e]));
  const entities: EntityRecord[] = [];
  for (const e of partial.entities) {
    if (scope.keptEntityIds.has(e.id) && !contextIds.has(e.id)) return undefined;
    const before = storedById.get(e.id);
    if (!contextIds.has(e.id) || !before) {
      entities.push(e);
      continue;
    }
    const again = resolvedNames.get(e.id) ?? new Set<string>();
    const kept = before.mergeReasons.filter((r) => !again.has(r.alias));
    entities.push({ ...e, mergeReasons: sortReasons([...kept, ...e.mergeReasons]) });
  }
  const made = new Set(entities.map((e) => e.id));
  for (const e of stored)
    if (scope.keptEntityIds.has(e.id) && !made.has(e.id))
      entities.push({ id: e.id, type: e.type, name: e.name, mergeReasons: e.mergeReasons });
  return entities;
}

function push(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}

/** A name without keys makes no entity, so it has no assignment to compare with. */
function hasKeys(o: NameOccurrence): boolean {
  return keyedWords(o.name, o.type).length > 0 || keyedWords(o.name, "organization").length > 0;
}
