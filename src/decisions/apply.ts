import type { EntityType } from "../annotate/mentions/types.js";
import { nameKey, type EntityKey, type ResolutionConstraints } from "../resolve/constraints.js";
import type { ClaimRecord } from "../claims/types.js";
import {
  nameInDocument,
  type EntityRedirect,
  type EventRecord,
  type KeyedEntityRecord,
  type NameAssignment,
} from "../resolve/types.js";
import type { MentionEdit } from "./types.js";
import type { Decision, DecisionPayload, DecisionStatus, EntityAnchor, MentionAnchor } from "./types.js";

/**
 * The decisions in force, in the order written: those no tombstone undoes. Tombstones and the
 * decisions they undo get their status here; the others get theirs as they are applied.
 */
export function decisionsInForce(all: readonly Decision[]): { inForce: Decision[]; statuses: DecisionStatus[] } {
  const undone = new Set(all.flatMap((d) => (d.undoes === undefined ? [] : [d.undoes])));
  const statuses: DecisionStatus[] = [];
  const inForce: Decision[] = [];
  for (const d of all) {
    if (d.payload.kind === "undo") statuses.push({ decisionId: d.id, status: "applied" });
    else if (undone.has(d.id)) statuses.push({ decisionId: d.id, status: "undone" });
    else inForce.push(d);
  }
  return { inForce, statuses };
}

/**
 * Mention rejections, retypes and name rules, as edits of the stored mentions, with their decisions;
 * no edit for a mention `locate` no longer finds.
 */
export function mentionEdits(
  decisions: readonly Decision[],
  locate: (anchor: MentionAnchor) => { documentId: string; start: number; end: number } | undefined,
): { edit: MentionEdit | undefined; decision: Decision }[] {
  return decisions.flatMap((decision) => {
    const p = decision.payload;
    const one = (edit: MentionEdit | undefined) => [{ edit, decision }];
    if (p.kind === "reject-mention" || p.kind === "retype-mention") {
      const place = locate(p.mention);
      if (!place) return one(undefined);
      const match = { ...place, text: p.mention.text };
      return one({ match, set: { type: p.kind === "reject-mention" ? "rejected" : p.type } });
    }
    if (p.kind !== "name-rule") return [];
    const match = { name: p.name, ...(p.pathPrefix === undefined ? {} : { pathPrefix: p.pathPrefix }) };
    const a = p.action;
    return one({
      match,
      set: a.do === "reject" ? { type: "rejected" } : a.do === "retype" ? { type: a.type } : { name: a.name },
    });
  });
}

/** Why an applied mention edit changed nothing. */
export function mentionOrphan(payload: DecisionPayload, documentIds: ReadonlySet<string>): string {
  if (payload.kind === "name-rule")
    return `no mention is named "${payload.name}"${payload.pathPrefix ? ` in documents under ${payload.pathPrefix}` : ""}`;
  if (payload.kind !== "reject-mention" && payload.kind !== "retype-mention") return "";
  const m = payload.mention;
  if (!documentIds.has(m.document))
    return `document ${m.document.slice(0, 16)}${m.path ? ` (${m.path})` : ""} changed or was removed, and "${m.text}" is not found again in it`;
  return `no mention "${m.text}" at ${m.start}–${m.end} of document ${m.document.slice(0, 16)} any more`;
}

const pairOf = (entities: [EntityAnchor, EntityAnchor]) =>
  [
    { type: entities[0].type, key: entities[0].key },
    { type: entities[1].type, key: entities[1].key },
  ] as const;

export function resolutionConstraints(decisions: readonly Decision[]): ResolutionConstraints {
  const sameAs: { pair: readonly [EntityKey, EntityKey]; reason: string }[] = [];
  const notSameAs: (readonly [EntityKey, EntityKey])[] = [];
  for (const { payload: p, reason } of decisions) {
    if (p.kind === "same-as") sameAs.push({ pair: pairOf(p.entities), reason: reason || "same entity" });
    if (p.kind === "not-same-as") notSameAs.push(pairOf(p.entities));
  }
  return { sameAs, notSameAs };
}

/** The resolver key of every name in the corpus, and the entities holding names of each key. */
export class KeyIndex {
  private readonly entitiesOfKey = new Map<string, Map<string, number>>();

  constructor(assignments: readonly NameAssignment[]) {
    const keys = new Map<string, string>();
    for (const a of assignments) {
      const name = `${a.type}\u0000${a.name}`;
      let key = keys.get(name);
      if (key === undefined) keys.set(name, (key = `${a.type}\u0000${nameKey(a.name, a.type)}`));
      const entities = this.entitiesOfKey.get(key) ?? new Map<string, number>();
      entities.set(a.entityId, (entities.get(a.entityId) ?? 0) + 1);
      this.entitiesOfKey.set(key, entities);
    }
  }

  /** The entity most of this key's names went to. */
  entityOf(type: EntityType, key: string): string | undefined {
    const entities = this.entitiesOfKey.get(`${type}\u0000${key}`);
    if (!entities) return undefined;
    return [...entities].sort((a, b) => b[1] - a[1])[0]![0];
  }
}

function lazy<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => (made ??= make());
}

function missingEntity(anchor: EntityAnchor): string {
  return `no ${anchor.type} named like "${anchor.names[0]}" (key "${anchor.key}") is left`;
}

/**
 * Entity decisions checked against the resolved corpus, renames applied to its entities, rejected
 * claims taken out and set fields added (each citing the quote the user anchored it on).
 */
export function applyToCorpus(
  decisions: readonly Decision[],
  corpus: { entities: KeyedEntityRecord[]; events: EventRecord[]; claims: ClaimRecord[]; keys: KeyIndex },
): { entities: KeyedEntityRecord[]; claims: ClaimRecord[]; statuses: DecisionStatus[] } {
  const statuses: DecisionStatus[] = [];
  const status = (d: Decision, why?: string) =>
    statuses.push(
      why === undefined ? { decisionId: d.id, status: "applied" } : { decisionId: d.id, status: "orphaned", why },
    );
  const names = new Map<string, string>();
  const rejected = new Set<string>();
  const claimKey = (c: { document: string; start: number; end: number; property: string; value: string }) =>
    `${c.document}\u0000${c.start}\u0000${c.end}\u0000${c.property}\u0000${c.value}`;
  // Keys of every claim are long strings: made only when a decision looks claims up.
  const claimKeys = lazy(() => new Set(corpus.claims.map((c) => claimKey({ ...c, document: c.documentId }))));
  const eventOfQuote = lazy(() => {
    const byQuote = new Map<string, ClaimRecord>();
    for (const c of corpus.claims)
      if (c.subjectKind === "event") byQuote.set(`${c.documentId}\u0000${c.start}\u0000${c.end}`, c);
    return byQuote;
  });
  const added: ClaimRecord[] = [];
  for (const d of decisions) {
    const p = d.payload;
    switch (p.kind) {
      case "same-as":
      case "not-same-as":
      case "unsure": {
        const gone = p.entities.find((e) => corpus.keys.entityOf(e.type, e.key) === undefined);
        status(d, gone && missingEntity(gone));
        break;
      }
      case "rename-entity": {
        const id = corpus.keys.entityOf(p.entity.type, p.entity.key);
        if (id !== undefined) names.set(id, p.name);
        status(d, id === undefined ? missingEntity(p.entity) : undefined);
        break;
      }
      case "reject-claim": {
        const key = claimKey(p.claim);
        const found = claimKeys().has(key);
        if (found) rejected.add(key);
        status(d, found ? undefined : `no claim "${p.claim.property}: ${p.claim.value}" on that quote any more`);
        break;
      }
      case "set-field": {
        const { document, start, end } = p.event;
        const anchor = eventOfQuote().get(`${document}\u0000${start}\u0000${end}`);
        if (anchor) {
          added.push({
            subjectKind: "event",
            subjectId: anchor.subjectId,
            documentId: anchor.documentId,
            start: anchor.start,
            end: anchor.end,
            quoteStart: anchor.quoteStart,
            quoteEnd: anchor.quoteEnd,
            property: p.field,
            value: p.value,
            extractor: `user:${d.user}`,
            confidence: 1,
          });
        }
        status(d, anchor ? undefined : "no event is told by that quote any more");
        break;
      }
      default:
        break;
    }
  }
  return {
    entities: corpus.entities.map((e) => (names.has(e.id) ? { ...e, name: names.get(e.id)! } : e)),
    claims:
      rejected.size === 0 && added.length === 0
        ? corpus.claims
        : [...corpus.claims.filter((c) => !rejected.has(claimKey({ ...c, document: c.documentId }))), ...added],
    statuses,
  };
}

/**
 * Where the ids of vanished entities now point: the entity that took most of their names. Earlier
 * redirects follow along; an id that exists again (a merge undone) redirects no more.
 */
export function entityRedirects(
  before: readonly NameAssignment[],
  previous: readonly EntityRedirect[],
  /** The entity of each (document, type, name) now, by `nameInDocument`. */
  now: ReadonlyMap<string, string>,
  entityIds: ReadonlySet<string>,
): EntityRedirect[] {
  const votes = new Map<string, Map<string, number>>();
  for (const a of before) {
    if (entityIds.has(a.entityId)) continue;
    const to = now.get(nameInDocument(a));
    if (to === undefined) continue;
    const tally = votes.get(a.entityId) ?? new Map<string, number>();
    tally.set(to, (tally.get(to) ?? 0) + 1);
    votes.set(a.entityId, tally);
  }
  const target = new Map([...votes].map(([from, tally]) => [from, [...tally].sort((x, y) => y[1] - x[1])[0]![0]]));
  for (const r of previous) {
    if (entityIds.has(r.from) || target.has(r.from)) continue;
    const to = entityIds.has(r.to) ? r.to : target.get(r.to);
    if (to !== undefined) target.set(r.from, to);
  }
  return [...target].map(([from, to]) => ({ from, to }));
}
