import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingest } from "../../src/ingest/ingest.js";
import { openStore } from "../../src/store/index.js";
import type { Store } from "../../src/store/store.js";
import { entityPage } from "../../src/views/entities.js";

describe("entity page", () => {
  let dir: string;
  let store: Store;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "annals-entity-page-"));
    store = openStore(join(dir, "kb.db"));
    await ingest(store, [join(import.meta.dirname, "../../examples/seeds")], { workers: 0 });
  });
  afterAll(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const qasim = () => entityPage(store.knowledge, "Abd al-Karim Qasim")!;

  it("lists the events the entity takes part in, by date, with its role from the claims", () => {
    const page = qasim();
    expect(page.events.length).toBeGreaterThan(0);
    const starts = page.events.map((e) => e.start ?? "9999");
    expect(starts).toEqual([...starts].sort());
    for (const event of page.events) {
      const roles = store.knowledge
        .claims("event", event.id)
        .filter((c) => c.valueEntityId === page.id)
        .map((c) => c.property);
      expect(roles).toContain(event.role);
    }
  });

  it("counts co-participants over the claims of those events, never the entity itself", () => {
    const page = qasim();
    const expected = new Map<string, number>();
    for (const event of page.events) {
      for (const claim of store.knowledge.claims("event", event.id)) {
        if (claim.valueEntityId && claim.valueEntityId !== page.id) {
          expected.set(claim.valueEntityId, (expected.get(claim.valueEntityId) ?? 0) + 1);
        }
      }
    }
    const coParticipants = page.related.filter((r) => r.relation === "co-participant");
    expect(coParticipants.length).toBeGreaterThan(0);
    expect(new Map(coParticipants.map((r) => [r.id, r.count]))).toEqual(expected);
    expect(page.related.some((r) => r.id === page.id)).toBe(false);
    const counts = page.related.map((r) => r.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it("gives each related entity its stored name and type", () => {
    for (const related of qasim().related) {
      const entity = store.knowledge.findEntity(related.id)!;
      expect({ name: related.name, type: related.type }).toEqual({ name: entity.name, type: entity.type });
    }
  });
});
