import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { ROOT, runCliJson, tempDir } from "../helpers/cli.js";

type AddReport = { added: number; failed: unknown[]; passages: number; mentions: number; events: number };

function storedPaths(db: string): string[] {
  const conn = new Database(db, { readonly: true });
  try {
    return (conn.prepare("SELECT path FROM documents ORDER BY path").all() as { path: string }[]).map((r) => r.path);
  } finally {
    conn.close();
  }
}

describe("ingest on worker threads", () => {
  it("stores every file once, as inline ingest does, when each worker is sent a file before it ends one", () => {
    const dir = tempDir("annals-workers-");
    const input = join(dir, "input");
    mkdirSync(input);
    const seeds = ["001_a1811954c3257b7d.txt", "002_5e19db3785d89ebe.txt"].map((name) =>
      readFileSync(join(ROOT, "examples/seeds", name), "utf8"),
    );
    const files = 9;
    for (let i = 0; i < files; i++)
      writeFileSync(join(input, `doc-${i}.txt`), `Copy number ${i} (marker${i}).\n\n${seeds[i % 2]}`);
    const add = (workers: string) =>
      runCliJson<AddReport>(["--db", join(dir, `kb-${workers}.db`), "add", input, "--workers", workers]);
    const inline = add("0");
    const threaded = add("2");
    expect(threaded.status).toBe(0);
    expect(threaded.json.failed).toEqual([]);
    expect(threaded.json.added).toBe(files);
    for (const count of ["passages", "mentions", "events"] as const)
      expect(threaded.json[count]).toBe(inline.json[count]);
    expect(storedPaths(join(dir, "kb-2.db"))).toEqual(storedPaths(join(dir, "kb-0.db")));
  }, 240_000);
});
