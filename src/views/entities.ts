import type { EntityType } from "../annotate/mentions/types.js";
import type { KnowledgeStore, PageRange } from "../store/knowledge.js";

import type { EntityPage, EntitySummary } from "./types.js";

export interface EntityFilter {
  type?: EntityType;
  /** Default: all. */
  limit?: number;
  offset?: number;
}

/** How many of its documents an entity's summary names: a list of entities shows their count. */
export const SUMMARY_DOCUMENTS = 10;

export function entitySummaries(knowledge: KnowledgeStore, filter: EntityFilter = {}): EntitySummary[] {
  return knowledge.entities(filter).map((entity) => {
    const documents = knowledge.entityDocuments(entity.id);
    return {
      id: entity.id,
      type: entity.type,
      name: entity.name,
      aliases: knowledge
        .aliasCounts(entity.id)
        .map((a) => a.alias)
        .filter((alias) => alias !== entity.name),
      mentions: entity.mentions,
      documentCount: documents.length,
      documents: documents.slice(0, SUMMARY_DOCUMENTS).map(({ id, path }) => ({ id, path })),
    };
  });
}

/** An entity page lists at most this many events; co-participants come from them. */
const MAX_EVENTS = 50;

/** The mentions an entity page shows unless asked for another page of them. */
export const ENTITY_MENTIONS_PAGE: PageRange = { limit: 1000, offset: 0 };

/** Everything known of one entity, every item with its quote; `mentions` picks the page of mentions (of `mentionCount`). */
export function entityPage(
  knowledge: KnowledgeStore,
  idOrName: string,
  mentions: PageRange = ENTITY_MENTIONS_PAGE,
): EntityPage | undefined {
  const entity = knowledge.findEntity(idOrName);
  if (!entity) return undefined;
  const aliasCounts = knowledge.aliasCounts(entity.id);
  const events = knowledge.entityEvents(entity.id, MAX_EVENTS);
  return {
    id: entity.id,
    type: entity.type,
    name: entity.name,
    aliases: aliasCounts.map((a) => a.alias).filter((alias) => alias !== entity.name),
    aliasCounts,
    roles: knowledge.roleCounts(entity.id),
    mentionCount: entity.mentions,
    documents: knowledge.entityDocuments(entity.id),
    mentions: knowledge.entityMentions(entity.id, mentions.limit, mentions.offset).map((m) => ({
      document: m.document,
      start: m.start,
      end: m.end,
      quote: m.quote,
      extractor: m.extractor,
      ...(m.page === undefined ? {} : { page: m.page }),
    })),
    events: [...events].sort((a, b) => (a.start ?? "9999").localeCompare(b.start ?? "9999")),
    related: knowledge.relatedEntities(
      entity.id,
      events.map((e) => e.id),
    ),
    mergeReasons: entity.mergeReasons,
  };
}
