import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ClaimRecord } from "../../src/claims/types.js";
import { ingest } from "../../src/ingest/ingest.js";
import { nameKey } from "../../src/resolve/constraints.js";
import { nameInDocument, type EventRecord, type KeyedEntityRecord } from "../../src/resolve/types.js";
import type { ClaimRow, CorpusChanges, EventRow } from "../../src/store/knowledge.js";
import type { Store } from "../../src/store/index.js";
import { backends } from "./backends.js";

const SEEDS = join(import.meta.dirname, "../../examples/seeds");

async function seeded(open: () => Store): Promise<Store> {
  const store = open();
  await ingest(store, [SEEDS], { workers: 0 });
  return store;
}

/** A claim's place in an order that does not depend on the documents' row ids. */
const claimOrder = (c: ClaimRow) =>
  [c.subjectKind, c.subjectId, c.property, c.document.id, c.start, c.end, c.value, c.extractor, c.qualifier ?? ""]
    .map(String)
    .join("\u0000");

/**
 * What the views show of the corpus stage's tables. The two stores compared ingest the seeds each on
 * its own, and files stored concurrently can take their row ids in either order: claims and event
 * documents, read in document order, are compared in an order of their own.
 */
function views(store: Store) {
  const k = store.knowledge;
  const entities = k.entities().sort((a, b) => a.id.localeCompare(b.id));
  return {
    entities,
    aliases: entities.map((e) => k.aliasCounts(e.id)),
    roles: entities.map((e) => k.roleCounts(e.id)),
    assignments: k.nameAssignments().map(nameInDocument).sort(),
    events: k.events().map((e) => ({ ...e, documents: [...e.documents].sort((a, b) => a.id.localeCompare(b.id)) })),
    claims: (["event", "entity"] as const)
      .flatMap((kind) => k.claims(kind))
      .sort((a, b) => (claimOrder(a) < claimOrder(b) ? -1 : claimOrder(a) > claimOrder(b) ? 1 : 0)),
    since: { ...k.documentsSinceCorpus(), added: k.documentsSinceCorpus().added.sort() },
  };
}

function claimRecord({ document, quote: _quote, page: _page, ...claim }: ClaimRow): ClaimRecord {
  return { ...claim, documentId: document.id };
}

function eventRecord({ documents: _documents, ...event }: EventRow): EventRecord {
  return event;
}

describe.each(backends)("$name store: saving only what changed", ({ open }) => {
  it("gives the views a save of the whole changed corpus gives", async () => {
    const [changed, whole] = [await seeded(open), await seeded(open)];
    const k = changed.knowledge;
    const entities: KeyedEntityRecord[] = k.entities().map(({ mentions: _mentions, ...e }) => e);
    const assignments = k.nameAssignments();
    const events = k.events().map(eventRecord);
    const claims = (["event", "entity"] as const).flatMap((kind) => k.claims(kind)).map(claimRecord);
    const [gone, renamed, giver] = entities.filter((e) => assignments.some((a) => a.entityId === e.id));
    const moved = assignments.find((a) => a.entityId === giver!.id)!;
    const [dropped, relabelled] = events;
    const relation = claims.find((c) => c.subjectKind === "entity")!;
    const relationClaims = claims.filter((c) => c.subjectKind === "entity" && c.documentId === relation.documentId);
    const renamedEntity = { ...renamed!, name: "Renamed Entity", key: nameKey("Renamed Entity", renamed!.type) };
    const relabelledEvent = { ...relabelled!, label: "A relabelled event" };
    const keptClaims = claims.filter((c) => c !== relation && c.subjectId !== dropped!.id);
    const relabelledClaims = keptClaims.filter((c) => c.subjectKind === "event" && c.subjectId === relabelled!.id);
    const changes: CorpusChanges = {
      entities: [renamedEntity],
      removedEntities: [gone!.id],
      assignments: [{ ...moved, entityId: renamed!.id }],
      removedAssignments: assignments.filter((a) => a.entityId === gone!.id),
      countedEntities: [renamed!.id, giver!.id],
      events: [relabelledEvent],
      removedEvents: [dropped!.id, relabelled!.id],
      claims: [...relabelledClaims, ...relationClaims.filter((c) => c !== relation)],
      claimsOfEvents: [dropped!.id, relabelled!.id],
      relationDocuments: [relation.documentId],
      redirects: [{ from: gone!.id, to: renamed!.id }],
      decisionStatuses: [],
    };
    const saved = k.saveCorpusChanges(changes);
    whole.knowledge.saveCorpus({
      entities: entities.flatMap((e) => (e === gone ? [] : e === renamed ? [renamedEntity] : [e])),
      assignments: assignments.flatMap((a) =>
        a.entityId === gone!.id ? [] : a === moved ? [{ ...a, entityId: renamed!.id }] : [a],
      ),
      events: events.flatMap((e) => (e === dropped ? [] : e === relabelled ? [relabelledEvent] : [e])),
      claims: keptClaims,
      redirects: changes.redirects,
      decisionStatuses: [],
    });
    const [after, expected] = [views(changed), views(whole)];
    changed.close();
    whole.close();
    expect(saved.claims).toBe(keptClaims.length);
    expect(after.entities.some((e) => e.name === "Renamed Entity")).toBe(true);
    expect(after.events.some((e) => e.label === "A relabelled event")).toBe(true);
    expect(after).toEqual(expected);
  }, 120_000);
});
