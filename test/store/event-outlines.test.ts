import { readdirSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ingest } from "../../src/ingest/ingest.js";
import { openStore, type Store } from "../../src/store/index.js";
import { tempDir } from "../helpers/cli.js";
import { backends } from "./backends.js";

/** The timeline reads the event outlines on every request; they must follow every write, whoever makes it. */

const SEEDS = join(import.meta.dirname, "../../examples/seeds");
const seed = (n: number) =>
  join(
    SEEDS,
    readdirSync(SEEDS)
      .filter((name) => name.endsWith(".txt"))
      .sort()[n]!,
  );
const outlineIds = (store: Store) => store.knowledge.eventOutlines().map((e) => e.id);
const eventIds = (store: Store) => store.knowledge.events().map((e) => e.id);

const opened: Store[] = [];
afterEach(() => {
  for (const store of opened.splice(0)) store.close();
});

describe.each(backends)("$name event outlines", (backend) => {
  it("follow what the same store writes after they were read", async () => {
    const store = backend.open();
    opened.push(store);
    await ingest(store, [seed(0)], { workers: 0 });
    const before = outlineIds(store);
    expect(before).toEqual(eventIds(store));
    await ingest(store, [seed(2)], { workers: 0 });
    expect(eventIds(store).length).toBeGreaterThan(before.length);
    expect(outlineIds(store)).toEqual(eventIds(store));
  });
});

describe("sqlite event outlines", () => {
  it("follow what another connection to the same file commits", async () => {
    const file = join(tempDir("annals-outlines-"), "kb.db");
    const reader = openStore(file);
    const writer = openStore(file);
    opened.push(reader, writer);
    await ingest(writer, [seed(0)], { workers: 0 });
    const before = outlineIds(reader);
    expect(before).toEqual(eventIds(reader));
    await ingest(writer, [seed(2)], { workers: 0 });
    expect(eventIds(reader).length).toBeGreaterThan(before.length);
    expect(outlineIds(reader)).toEqual(eventIds(reader));
  });
});
