import { nameInDocument, type KeyedEntityRecord, type NameAssignment, type NameOccurrence } from "../resolve/types.js";
import type { RemovedSinceCorpus } from "../store/knowledge.js";
import type { ResolutionConstraints } from "../resolve/constraints.js";
import { affectedNames } from "../resolve/affected-names.js";
import { keyedWords } from "../resolve/entity-keys.js";

/** The names to resolve again, and what the last corpus stage decided for all the others. */
export interface EntityScope {
  occurrences: NameOccurrence[];
  keptAssignments: NameAssignment[];
  keptEntityIds: Set<string>;
}

/**
 * What changed since the last corpus stage, from the stored result: documents holding a name it did
 * not resolve, names it resolved that no longer occur, and what removed documents held. Undefined when
 * there is no previous result, or the names to resolve again are more than `maxShare` of all.
 */
export function entityScope(
  occurrences: readonly NameOccurrence[],
  before: readonly NameAssignment[],
  removed: RemovedSinceCorpus,
  constraints: ResolutionConstraints,
  maxShare: number,
): EntityScope | undefined {
  if (before.length === 0 && removed.names.length === 0) return undefined;
  const entityOf = new Map(before.map((a) => [nameInDocument(a), a.entityId]));
  const occurring = new Set(occurrences.map(nameInDocument));
  const changedDocuments = new Set<string>();
  const staleEntities = new Set(removed.entityIds);
  const gone: { type: NameOccurrence["type"]; name: string }[] = [...removed.names];
  for (const o of occurrences) {
    if (!entityOf.has(nameInDocument(o)) && hasKeys(o)) changedDocuments.add(o.documentId);
  }
  for (const a of before) {
    if (occurring.has(nameInDocument(a))) continue;
    changedDocuments.add(a.documentId);
    staleEntities.add(a.entityId);
    gone.push({ type: a.type, name: a.name });
  }
  const seeds = new Set<number>();
  occurrences.forEach((o, i) => {
    const entity = entityOf.get(nameInDocument(o));
    if (changedDocuments.has(o.documentId) || (entity !== undefined && staleEntities.has(entity))) seeds.add(i);
  });
  const affected = affectedNames(occurrences, { occurrences: seeds, removed: gone, refs: removed.refs }, constraints);
  if (affected.size > maxShare * occurrences.length) return undefined;
  const keptAssignments: NameAssignment[] = [];
  occurrences.forEach((o, i) => {
    const entityId = entityOf.get(nameInDocument(o));
    if (!affected.has(i) && entityId !== undefined) keptAssignments.push({ ...nameFields(o), entityId });
  });
  return {
    occurrences: occurrences.filter((_, i) => affected.has(i)),
    keptAssignments,
    keptEntityIds: new Set(keptAssignments.map((a) => a.entityId)),
  };
}

/** The stored entities the scope keeps, as the resolver made them (renames are applied again after). */
export function keptEntities(scope: EntityScope, stored: readonly KeyedEntityRecord[]): KeyedEntityRecord[] {
  return stored
    .filter((e) => scope.keptEntityIds.has(e.id))
    .map(({ id, type, name, mergeReasons, key }) => ({ id, type, name, mergeReasons, key }));
}

function nameFields(o: NameOccurrence): Omit<NameAssignment, "entityId"> {
  return { documentId: o.documentId, type: o.type, name: o.name };
}

/** A name without keys makes no entity, so it has no assignment to compare with. */
function hasKeys(o: NameOccurrence): boolean {
  return keyedWords(o.name, o.type).length > 0 || keyedWords(o.name, "organization").length > 0;
}
