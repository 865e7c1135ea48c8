import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { realSentences } from "../../src/bench/corpus.js";
import { resolveCorpus } from "../../src/ingest/corpus-stage.js";
import { ingest } from "../../src/ingest/ingest.js";
import type { Store } from "../../src/store/store.js";
import { tempDir } from "../helpers/cli.js";
import { backends } from "../store/backends.js";

const SEEDS = join(import.meta.dirname, "../fixtures/seeds");
const SEED_FILES = readdirSync(SEEDS).filter((name) => name.endsWith(".txt"));
/** Incremental however much a change touches, so that every step takes the incremental path. */
const EVERY_SHARE = { maxShare: 1 };

/**
 * What the corpus stage made, free of what depends on the order documents were stored in (row ids
 * of accounts): entities with the names they hold, events with the accounts they merged, claims.
 */
function snapshot(store: Store) {
  const k = store.knowledge;
  const accounts = new Map(k.eventMentions().map((a) => [a.id, `${a.documentId}@${a.event.trigger.start}`]));
  const members = new Map<string, string[]>();
  for (const a of k.nameAssignments()) {
    const list = members.get(a.entityId) ?? [];
    list.push(`${a.documentId}|${a.type}|${a.name}`);
    members.set(a.entityId, list);
  }
  const entities = k
    .entities()
    .map((e) => ({ ...e, mergeReasons: [...e.mergeReasons].sort(byJson), names: members.get(e.id)?.sort() ?? [] }))
    .sort((a, b) => a.id.localeCompare(b.id));
  const events = k
    .events()
    .map(({ documents, mentionIds, mergeReasons, ...event }) => ({
      ...event,
      documents: documents.map((d) => d.id).sort(),
      accounts: mentionIds.map((id) => accounts.get(id)).sort(),
      mergeReasons: mergeReasons.map((r) => ({ account: accounts.get(r.mentionId), reason: r.reason })).sort(byJson),
    }))
    .sort(byJson);
  const claims = (["event", "entity"] as const)
    .flatMap((kind) => k.claims(kind))
    .map((claim) => ({ ...claim, document: claim.document.id }))
    .sort(byJson);
  return { entities, events, claims };
}

function byJson(a: unknown, b: unknown): number {
  const [x, y] = [JSON.stringify(a), JSON.stringify(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The knowledge base built in one ingest of a folder. */
async function rebuilt(open: () => Store, folder: string) {
  const store = open();
  await ingest(store, [folder], { workers: 0 });
  const result = snapshot(store);
  store.close();
  return result;
}

describe.each(backends)("corpus stage after changes ($name)", ({ open }) => {
  it("adding, changing and removing seed documents gives the knowledge base a rebuild of the final set gives", async () => {
    const dir = tempDir();
    const live = join(dir, "live");
    mkdirSync(live);
    const [a, b, c, d] = SEED_FILES as [string, string, string, string];
    for (const name of [a, c, d]) cpSync(join(SEEDS, name), join(live, name));
    const store = open();
    await ingest(store, [live], { workers: 0 });
    const names = store.knowledge.nameAssignments().length;
    cpSync(join(SEEDS, b), join(live, b));
    writeFileSync(join(live, c), `${readFileSync(join(SEEDS, c), "utf8")}\nGeneral Qasim spoke in Baghdad.\n`);
    const added = (await ingest(store, [live], { workers: 0, corpus: EVERY_SHARE })).corpus!;
    rmSync(join(live, d));
    store.removeFile(join(live, d));
    const removed = resolveCorpus(store, { ...EVERY_SHARE, incremental: true });
    const changed = snapshot(store);
    store.close();
    expect([added.mode, removed.mode]).toEqual(["incremental", "incremental"]);
    expect(removed.resolvedNames).toBeGreaterThan(0);
    expect(removed.resolvedNames).toBeLessThan(names);
    expect(changed.entities.length).toBeGreaterThan(10);
    expect(changed.events.length).toBeGreaterThan(0);
    expect(changed).toEqual(await rebuilt(open, live));
  }, 120_000);

  it("adding any one seed document last, then removing it, gives what rebuilds give", async () => {
    const all = join(tempDir(), "all");
    mkdirSync(all);
    for (const name of SEED_FILES) cpSync(join(SEEDS, name), join(all, name));
    const whole = await rebuilt(open, all);
    for (const last of SEED_FILES) {
      const live = join(tempDir(), "live");
      mkdirSync(live);
      for (const name of SEED_FILES) if (name !== last) cpSync(join(SEEDS, name), join(live, name));
      const store = open();
      await ingest(store, [live], { workers: 0 });
      const others = snapshot(store);
      cpSync(join(SEEDS, last), join(live, last));
      const added = (await ingest(store, [live], { workers: 0, corpus: EVERY_SHARE })).corpus!;
      expect(added.mode).toBe("incremental");
      expect(added.mergedAccounts).toBeLessThan(store.knowledge.eventMentions().length);
      expect(snapshot(store)).toEqual(whole);
      store.removeFile(join(live, last));
      expect(resolveCorpus(store, { ...EVERY_SHARE, incremental: true }).mode).toBe("incremental");
      expect(snapshot(store)).toEqual(others);
      store.close();
    }
  }, 300_000);

  it("a two-line file added to a corpus of mixed sentences merges again only the accounts linked to it", async () => {
    const sentences = realSentences(SEED_FILES.map((name) => ({ path: join(SEEDS, name) })));
    const live = join(tempDir(), "live");
    mkdirSync(live);
    // Every document draws sentences from all the seeds, as the benchmark's generated corpus does.
    for (let d = 0; d < 6; d++) {
      const picks = Array.from({ length: 40 }, (_, n) => sentences[(d * 7919 + n * 104729) % sentences.length]);
      writeFileSync(join(live, `part-${d}.txt`), picks.join(" ") + "\n");
    }
    const store = open();
    await ingest(store, [live], { workers: 0 });
    const accounts = store.knowledge.eventMentions().length;
    writeFileSync(
      join(live, "added.txt"),
      "On 14 July 1958 General Abd al-Karim Qasim took power in Baghdad.\nThe monarchy fell.\n",
    );
    const added = (await ingest(store, [live], { workers: 0, corpus: EVERY_SHARE })).corpus!;
    const changed = snapshot(store);
    store.close();
    expect(added.mode).toBe("incremental");
    expect(added.mergedAccounts).toBeGreaterThan(0);
    expect(added.mergedAccounts).toBeLessThan(accounts);
    expect(changed.events.length).toBeGreaterThan(10);
    expect(changed).toEqual(await rebuilt(open, live));
  }, 120_000);

  it("resolves every name again when a change reaches more than the share allowed", async () => {
    const live = join(tempDir(), "live");
    mkdirSync(live);
    for (const name of SEED_FILES.slice(0, 2)) cpSync(join(SEEDS, name), join(live, name));
    const store = open();
    await ingest(store, [live], { workers: 0 });
    writeFileSync(join(live, "added.txt"), "General Qasim spoke in Baghdad.\n");
    const report = (await ingest(store, [live], { workers: 0, corpus: { maxShare: 0 } })).corpus!;
    const names = store.knowledge.nameOccurrences().length;
    store.close();
    expect(report).toMatchObject({ mode: "full", resolvedNames: names });
  }, 120_000);

  it("any sequence of small documents added and removed ends where a rebuild of the survivors does", async () => {
    const sentences = [
      ...realSentences(SEED_FILES.map((name) => ({ path: join(SEEDS, name) }))),
      // An acronym nobody declares joins the name whose initials it spells, across documents.
      "The U.S. Embassy in Baghdad reported the talks.",
      "The United States recognised the new government.",
    ];
    const document = fc.array(fc.nat(sentences.length - 1), { minLength: 2, maxLength: 10 });
    const step = fc.oneof(
      fc.record({ add: document }),
      fc.record({ remove: fc.nat(10) }),
      fc.record({ change: fc.nat(10), to: document }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(document, { minLength: 1, maxLength: 3 }),
        fc.array(step, { maxLength: 4 }),
        async (base, steps) => {
          const live = join(tempDir(), "live");
          mkdirSync(live);
          let next = 0;
          let version = 0;
          // A file whose content another file already holds is refused (see the store), so every version differs.
          const write = (name: string, picks: number[]) =>
            writeFileSync(join(live, name), `${picks.map((i) => sentences[i]).join(" ")}\n\nVersion ${version++}.\n`);
          for (const picks of base) write(`doc-${next++}.txt`, picks);
          const store = open();
          await ingest(store, [live], { workers: 0 });
          for (const s of steps) {
            const resolvedBefore = store.knowledge.nameAssignments().length > 0;
            const names = readdirSync(live).sort();
            if ("add" in s) write(`doc-${next++}.txt`, s.add);
            else if (names.length === 0) continue;
            else if ("remove" in s) {
              const name = names[s.remove % names.length]!;
              rmSync(join(live, name));
              store.removeFile(join(live, name));
            } else write(names[s.change % names.length]!, s.to);
            const report = await ingest(store, [live], { workers: 0, corpus: EVERY_SHARE });
            expect(report.corpus!.mode).toBe(resolvedBefore ? "incremental" : "full");
          }
          const changed = snapshot(store);
          store.close();
          expect(changed).toEqual(await rebuilt(open, live));
        },
      ),
      { numRuns: 20, seed: 1 },
    );
  }, 300_000);
});
