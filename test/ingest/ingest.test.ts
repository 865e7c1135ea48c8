import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ingest } from "../../src/ingest/ingest.js";
import { openStore } from "../../src/store/index.js";
import { tempDir } from "../helpers/cli.js";

describe("ingest", () => {
  it("reports a file deleted during the run and ingests the rest", async () => {
    const dir = tempDir();
    const input = join(dir, "input");
    mkdirSync(input);
    for (const name of ["a.txt", "b.txt", "c.txt", "zz-deleted.txt"])
      writeFileSync(join(input, name), `Text of ${name} about Baghdad.\n`);
    const store = openStore(join(dir, "kb.db"));
    const report = await ingest(store, [input], {
      workers: 0,
      onProgress: (progress) => {
        if (progress.filesDone === 1) rmSync(join(input, "zz-deleted.txt"), { force: true });
      },
    });
    store.close();
    expect(report.added).toBe(3);
    expect(report.failed).toEqual([
      { path: join(input, "zz-deleted.txt"), error: expect.stringMatching(/disappeared/) },
    ]);
  });

  it("does not read a file twice when two given paths overlap, nor the knowledge base itself", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "one.txt"), "Only one document about Mosul.\n");
    const store = openStore(join(dir, "kb.db"));
    const ownFiles = ["kb.db", "kb.db-wal", "kb.db-shm"].map((name) => join(dir, name));
    const report = await ingest(store, [dir, join(dir, "one.txt")], { workers: 0, ignore: ownFiles });
    expect(report).toMatchObject({ added: 1, failed: [], documents: 1 });
    store.close();
  });

  it("reports a missing path with what to do", async () => {
    const dir = tempDir();
    const store = openStore(join(dir, "kb.db"));
    const report = await ingest(store, [join(dir, "nope")], { workers: 0 });
    store.close();
    expect(report.failed).toEqual([{ path: join(dir, "nope"), error: "no such file or folder; check the path" }]);
  });
});
