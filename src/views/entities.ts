import type { EntityType } from "../annotate/mentions/types.js";
import type { ClaimLink, KnowledgeStore } from "../store/knowledge.js";

import type { EntityPage, EntitySummary } from "./types.js";

export interface EntityFilter {
  type?: EntityType;
  /** Default: all. */
  limit?: number;
  offset?: number;
}

export function entitySummaries(knowledge: KnowledgeStore, filter: EntityFilter = {}): EntitySummary[] {
  return knowledge.entities(filter).map((entity) => ({
    id: entity.id,
    type: entity.type,
    name: entity.name,
    aliases: knowledge
      .aliasCounts(entity.id)
      .map((a) => a.alias)
      .filter((alias) => alias !== entity.name),
    mentions: entity.mentions,
    documents: knowledge.entityDocuments(entity.id).map(({ id, path }) => ({ id, path })),
  }));
}

/** An entity page lists at most this many events; co-participants come from them. */
const MAX_EVENTS = 50;

/** Everything known of one entity, every item with its quote. */
export function entityPage(knowledge: KnowledgeStore, idOrName: string): EntityPage | undefined {
  const entity = knowledge.findEntity(idOrName);
  if (!entity) return undefined;
  const aliasCounts = knowledge.aliasCounts(entity.id);
  const about = knowledge.claimLinksAbout(entity.id);
  const events = new Map<string, EntityPage["events"][number]>();
  for (const claim of about) {
    if (claim.subjectKind !== "event" || events.has(claim.subjectId) || events.size >= MAX_EVENTS) continue;
    const event = knowledge.findEvent(claim.subjectId);
    if (!event) continue;
    events.set(event.id, {
      id: event.id,
      label: event.label,
      ...(event.start ? { start: event.start } : {}),
      ...(event.precision ? { precision: event.precision } : {}),
      role: claim.property,
    });
  }
  return {
    id: entity.id,
    type: entity.type,
    name: entity.name,
    aliases: aliasCounts.map((a) => a.alias).filter((alias) => alias !== entity.name),
    aliasCounts,
    roles: knowledge.roleCounts(entity.id),
    mentionCount: entity.mentions,
    documents: knowledge.entityDocuments(entity.id),
    mentions: knowledge.entityMentions(entity.id).map((m) => ({
      document: m.document,
      start: m.start,
      end: m.end,
      quote: m.quote,
      extractor: m.extractor,
    })),
    events: [...events.values()].sort((a, b) => (a.start ?? "9999").localeCompare(b.start ?? "9999")),
    related: relatedActors(knowledge, entity.id, about),
    mergeReasons: entity.mergeReasons,
  };
}

function relatedActors(knowledge: KnowledgeStore, entityId: string, about: ClaimLink[]): EntityPage["related"] {
  const counts = new Map<string, { relation: string; count: number }>();
  const bump = (id: string | undefined, relation: string) => {
    if (!id || id === entityId) return;
    const key = `${id}\u0000${relation}`;
    const entry = counts.get(key) ?? { relation, count: 0 };
    entry.count++;
    counts.set(key, entry);
  };
  for (const claim of knowledge.claimLinks("entity", entityId)) bump(claim.valueEntityId, claim.property);
  for (const claim of about) {
    if (claim.subjectKind === "entity") bump(claim.subjectId, `${claim.property} (of)`);
  }
  const eventIds = [...new Set(about.filter((c) => c.subjectKind === "event").map((c) => c.subjectId))].slice(
    0,
    MAX_EVENTS,
  );
  for (const eventId of eventIds) {
    for (const claim of knowledge.claimLinks("event", eventId)) bump(claim.valueEntityId, "co-participant");
  }
  const related: EntityPage["related"] = [];
  for (const [key, { relation, count }] of counts) {
    const other = knowledge.findEntity(key.split("\u0000")[0]!);
    if (other) related.push({ id: other.id, name: other.name, type: other.type, relation, count });
  }
  return related.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}
