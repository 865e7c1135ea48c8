import { matchKnownNames } from "../annotate/mentions/index.js";
import type { EntityType } from "../annotate/mentions/types.js";
import { buildClaims } from "../claims/build.js";
import {
  applyToCorpus,
  decisionsInForce,
  entityRedirects,
  KeyIndex,
  mentionEdits,
  mentionOrphan,
  resolutionConstraints,
} from "../decisions/apply.js";
import { relocateMention } from "../decisions/relocate.js";
import type { Decision, DecisionStatus } from "../decisions/types.js";
import { segmentParagraphs } from "../segment/index.js";
import type { KnowledgeStore } from "../store/knowledge.js";
import {
  entitiesByName,
  nameInDocument,
  type KeyedEntityRecord,
  type NameAssignment,
  type NameOccurrence,
  type ResolutionDocument,
} from "../resolve/types.js";
import type { ResolutionConstraints } from "../resolve/constraints.js";
import type { Store } from "../store/store.js";
import { nameKey } from "../resolve/constraints.js";
import { corpusKeyCounts, resolveVoted } from "../resolve/entities.js";
import { voteTypes } from "../resolve/type-vote.js";
import { corefEvents } from "../resolve/events.js";
import { entityScope, scopedEntities } from "./entity-scope.js";
import { boundHeapGrowth } from "./heap-growth.js";
import { corpusChanges, decidesClaims, eventsAndClaimsAgain } from "./corpus-changes.js";

export interface CorpusReport {
  entities: number;
  events: number;
  claims: number;
  /** Names found in lower-cased documents because other documents name them. */
  knownNameMentions: number;
  /** The user's decisions whose anchor is gone (see `annals decisions`). */
  orphanedDecisions: number;
  /** "incremental" when only the names a change touched were resolved again. */
  mode: "incremental" | "full";
  /** Distinct (document, type, name) resolved in this run. */
  resolvedNames: number;
  /** Accounts of events merged in this run: all, or (incremental) those linked to what changed. */
  mergedAccounts: number;
}

export interface CorpusOptions {
  /**
   * Resolve again only the names linked to what changed since the last corpus stage, keeping the
   * rest of its result. Only valid when the user's decisions did not change since. Default false.
   */
  incremental?: boolean;
  /**
   * The share of all names above which an incremental run resolves them all instead, which then
   * costs little more. Default 0.3.
   */
  maxShare?: number;
}

/**
 * The corpus stage, after every ingest: names known from the rest of the corpus are looked for in
 * lower-cased documents, mentions are resolved to entities, accounts of events merged into events,
 * and every event field and relation stored as a claim, saved in one transaction. When `incremental`,
 * names are resolved again, accounts merged again and claims made again only where a change reaches
 * them, and only the rows that changed are saved (`corpusChanges`): events and claims whole only
 * after documents were removed, or with mention edits or claim decisions in force. The
 * user's decisions are applied last: mention edits before resolution, who-is-who as its constraints,
 * renames and claim decisions on the result; ids of merged entities redirect to the entity they joined.
 */
export function resolveCorpus(store: Store, options: CorpusOptions = {}): CorpusReport {
  boundHeapGrowth();
  const knowledge = store.knowledge;
  const documents = knowledge.documentsForResolution();
  const { inForce, statuses } = decisionsInForce(store.decisions.all());
  const edits = mentionEdits(inForce, (anchor) =>
    relocateMention(anchor, documents, (id) => knowledge.documentText(id)),
  );
  const located = edits.flatMap((e) => (e.edit ? [e.edit] : []));
  knowledge.applyMentionEdits(located);
  const caseless = documents.filter((d) => d.caseless).map((d) => d.id);
  const knownNameMentions = findKnownNames(store, knowledge, caseless);
  // Names just found in lower-cased documents are mentions the user's edits apply to as well.
  const changed = knowledge.applyMentionEdits(located);
  const documentIds = new Set(documents.map((d) => d.id));
  let next = 0;
  for (const { edit, decision } of edits)
    statuses.push(mentionEditStatus(decision, edit ? changed[next++]! : 0, documentIds));
  const before = knowledge.nameAssignments();
  // Several steps look names up in the last stage's assignments and in this one's: each map is made once.
  const was = entitiesByName(before);
  const occurrences = knowledge.nameOccurrences();
  const constraints = resolutionConstraints(inForce);
  const stored = options.incremental ? knowledge.entities() : [];
  const names = { occurrences, before, was, documents, constraints, stored };
  const resolved = resolveNames(knowledge, names, options);
  const assignments = resolved.assignments;
  const byName = entitiesByName(assignments);
  const entityOf = (documentId: string, type: string, name: string) =>
    byName.get(nameInDocument({ documentId, type, name }));
  const accounts = knowledge.eventMentions();
  const since =
    options.incremental && located.length === 0 && !decidesClaims(inForce) && knowledge.documentsSinceCorpus();
  // Events and claims are made whole when the last stage saw none of the documents (a first
  // ingest) or one it saw is gone.
  const again =
    since && since.removed === 0 && since.added.length < documents.length
      ? eventsAndClaimsAgain(knowledge, accounts, { was, entityOf, added: new Set(since.added) })
      : undefined;
  const events =
    again?.events ?? corefEvents(accounts, (account, name, type) => entityOf(account.documentId, type, name));
  const built =
    again?.claims ??
    buildClaims(events, new Map(accounts.map((a) => [a.id, a])), knowledge.relationMentions(), entityOf);
  const corrected = applyToCorpus(inForce, {
    entities: resolved.entities.map((e) => ({ ...e, key: nameKey(e.name, e.type) })),
    events,
    claims: built,
    keys: new KeyIndex(assignments),
  });
  const { entities, claims } = corrected;
  const redirects = entityRedirects(before, knowledge.entityRedirects(), byName, new Set(entities.map((e) => e.id)));
  const decisionStatuses = [...statuses, ...corrected.statuses];
  const saved = { entities, assignments, redirects, decisionStatuses };
  const claimCount = again
    ? knowledge.saveCorpusChanges(
        corpusChanges(
          { entities: stored, assignments: before, entityOf: was },
          { ...saved, entityOf: byName, again, recounted: new Set(caseless) },
        ),
      ).claims
    : (knowledge.saveCorpus({ ...saved, events, claims }), claims.length);
  return {
    entities: entities.length,
    events: events.length,
    claims: claimCount,
    knownNameMentions,
    orphanedDecisions: decisionStatuses.filter((s) => s.status === "orphaned").length,
    mode: resolved.mode,
    resolvedNames: resolved.resolvedNames,
    mergedAccounts: again?.mergedAccounts ?? accounts.length,
  };
}

/**
 * Entities and assignments of every name: resolved all at once, or, incrementally, only the names a
 * change touched, the others keeping the entities the last corpus stage gave them.
 */
function resolveNames(
  knowledge: KnowledgeStore,
  names: {
    occurrences: readonly NameOccurrence[];
    before: readonly NameAssignment[];
    /** `before` by `nameInDocument`. */
    was: ReadonlyMap<string, string>;
    documents: readonly ResolutionDocument[];
    constraints: ResolutionConstraints;
    /** The stored entities, read when `options.incremental`. */
    stored: readonly KeyedEntityRecord[];
  },
  options: CorpusOptions,
) {
  const { occurrences, before, constraints } = names;
  // The corpus's type vote, when an incremental attempt already took it, is not taken again by the full rebuild.
  const full = (voted = voteTypes(occurrences)) => ({
    ...resolveVoted(voted, names.documents, constraints),
    mode: "full" as const,
    resolvedNames: occurrences.length,
  });
  if (!options.incremental) return full();
  const { stored } = names;
  const voted = voteTypes(occurrences);
  const entityTypes = new Map(stored.map((e) => [e.id, e.type]));
  const removed = knowledge.removedSinceCorpus();
  const scope = entityScope(
    occurrences,
    voted,
    { assignments: before, entityOf: names.was, entityTypes },
    removed,
    constraints,
    options.maxShare ?? 0.3,
  );
  if (!scope) return full(voted);
  const partial = resolveVoted(scope.occurrences, names.documents, constraints, corpusKeyCounts(voted));
  const entities = scopedEntities(scope, partial, stored);
  if (!entities) return full(voted);
  return {
    entities,
    assignments: [...scope.keptAssignments, ...partial.assignments],
    mode: "incremental" as const,
    resolvedNames: scope.occurrences.length,
  };
}

function mentionEditStatus(decision: Decision, changed: number, documentIds: ReadonlySet<string>): DecisionStatus {
  if (changed > 0) return { decisionId: decision.id, status: "applied" };
  return { decisionId: decision.id, status: "orphaned", why: mentionOrphan(decision.payload, documentIds) };
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
