import { matchKnownNames } from "../annotate/mentions/index.js";
import type { EntityType } from "../annotate/mentions/types.js";
import { buildClaims } from "../claims/build.js";
import { segmentParagraphs } from "../segment/index.js";
import type { KnowledgeStore, NameOccurrence } from "../store/knowledge.js";
import type { Store } from "../store/store.js";
import { resolveEntities } from "./entities.js";
import { corefEvents } from "./events.js";

export interface CorpusReport {
  entities: number;
  events: number;
  claims: number;
  /** Names found in lower-cased documents because other documents name them. */
  knownNameMentions: number;
}

/**
 * The corpus stage, after every ingest: names known from the rest of the corpus are looked for in
 * lower-cased documents, mentions are resolved to entities, accounts of events merged into events,
 * and every event field and relation stored as a claim. Rebuilt whole, in one transaction.
 */
export function resolveCorpus(store: Store): CorpusReport {
  const knowledge = store.knowledge;
  const documents = knowledge.documentsForResolution();
  const knownNameMentions = findKnownNames(
    store,
    knowledge,
    documents.filter((d) => d.caseless).map((d) => d.id),
  );
  const occurrences = knowledge.nameOccurrences();
  const { entities, assignments } = resolveEntities(occurrences, documents);
  const byName = new Map(assignments.map((a) => [`${a.documentId}\u0000${a.type}\u0000${a.name}`, a.entityId]));
  const entityOf = (documentId: string, type: string, name: string) =>
    byName.get(`${documentId}\u0000${type}\u0000${name}`);
  const accounts = knowledge.eventMentions();
  const events = corefEvents(accounts, (account, name, type) => entityOf(account.documentId, type, name));
  const claims = buildClaims(events, new Map(accounts.map((a) => [a.id, a])), knowledge.relationMentions(), entityOf);
  knowledge.saveCorpus({ entities, assignments, events, claims });
  return { entities: entities.length, events: events.length, claims: claims.length, knownNameMentions };
}

/** Names worth looking for in text without capitals: those other documents state with confidence. */
function knownNames(
  occurrences: readonly NameOccurrence[],
  caseless: ReadonlySet<string>,
): { name: string; type: EntityType }[] {
  const names = new Map<string, { name: string; type: EntityType }>();
  for (const o of occurrences) {
    if (caseless.has(o.documentId) || o.confidence < 0.6 || o.name.length < 3) continue;
    names.set(`${o.type}\u0000${o.name.toLowerCase()}`, { name: o.name, type: o.type });
  }
  return [...names.values()];
}

function findKnownNames(store: Store, knowledge: KnowledgeStore, caselessIds: string[]): number {
  if (caselessIds.length === 0) return 0;
  const known = knownNames(knowledge.nameOccurrences(), new Set(caselessIds));
  let found = 0;
  for (const id of caselessIds) {
    const stored = store.getDocument(id);
    if (!stored) continue;
    const paragraphs = [...segmentParagraphs(stored.document.text)];
    const mentions = matchKnownNames(stored.document, paragraphs, known);
    knowledge.replaceKnownNameMentions(id, mentions);
    found += mentions.length;
  }
  return found;
}
