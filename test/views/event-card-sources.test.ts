import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingest } from "../../src/ingest/ingest.js";
import { openStore } from "../../src/store/index.js";
import type { Store } from "../../src/store/store.js";
import { disagreements, eventCard } from "../../src/views/events.js";

const PROSE =
  "The Battle of Tall Kayf was fought on 3 May 1961 between the garrison and the rebels of the northern hills. " +
  "The garrison held the town for two days before the rebels withdrew to the mountains. Their commander later " +
  "wrote that the rebels had lost their best men in the assault on the citadel and the old market. The town was " +
  "rebuilt in the following years, and the citadel became a museum of the battle and of the war in the north.";

function article(strength: string, extra = ""): string {
  return [
    "= Battle of Tall Kayf =",
    "",
    "Infobox military conflict",
    "- Conflict: Battle of Tall Kayf",
    "- Date: 3 May 1961",
    "- Place: Tall Kayf",
    `- Strength2: ${strength}`,
    "",
    "==Background==",
    PROSE + extra,
    "",
  ].join("\n");
}

describe("event card sources", () => {
  let dir: string;
  let store: Store;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "annals-sources-"));
    writeFileSync(join(dir, "a.txt"), article("500"));
    // A near-duplicate of a.txt (one number changed): the same source, not a second one.
    writeFileSync(join(dir, "a-copy.txt"), article("600"));
    writeFileSync(
      join(dir, "b.txt"),
      [
        "= Tall Kayf in 1961 =",
        "",
        "Infobox military conflict",
        "- Conflict: Battle of Tall Kayf",
        "- Date: 3 May 1961",
        "- Strength2: 900",
        "",
        "==Account==",
        "A different historian tells of the siege of the town by the hill tribes and of the long winter after it.",
        "",
      ].join("\n"),
    );
    store = openStore(join(dir, "kb.db"));
    await ingest(store, [dir], { workers: 0, ignore: [join(dir, "kb.db")] });
  });
  afterAll(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("counts a document and its near-duplicate as one source", () => {
    expect(store.documentRelations().some((r) => r.relation === "near-duplicate")).toBe(true);
    const card = eventCard(store.knowledge, "Battle of Tall Kayf", store.documentRelations())!;
    expect(card.fields.strength2!.map((v) => v.value).sort()).toEqual(["500", "600", "900"]);
    expect(card.disagreements).toContain("strength2");
    expect(card.inconsistencies).toContain("strength2");
  });

  it("without the relation, the copy is a source of its own and nothing is internal", () => {
    const card = eventCard(store.knowledge, "Battle of Tall Kayf")!;
    expect(card.disagreements).toContain("strength2");
    expect(card.inconsistencies).toEqual([]);
  });

  it("lists each disagreement with its scope", () => {
    const list = disagreements(store.knowledge, store.documentRelations()).filter((d) => d.property === "strength2");
    expect(list.map((d) => d.scope).sort()).toEqual(["internal", "sources"]);
  });
});
