import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { ROOT, runCliJson, startCli, tempDir } from "../helpers/cli.js";

const FILES = 120;

function countDocuments(db: string): number {
  try {
    const conn = new Database(db, { readonly: true, fileMustExist: true });
    try {
      return (conn.prepare("SELECT count(*) AS n FROM documents").get() as { n: number }).n;
    } finally {
      conn.close();
    }
  } catch {
    return 0;
  }
}

describe("kill -9 in the middle of an ingest", () => {
  it("leaves a consistent database that the next run completes", async () => {
    const dir = tempDir("annals-crash-");
    const input = join(dir, "input");
    const db = join(dir, "kb.db");
    mkdirSync(input);
    const seed = readFileSync(join(ROOT, "examples/seeds/001_a1811954c3257b7d.txt"), "utf8");
    for (let i = 0; i < FILES; i++)
      writeFileSync(join(input, `doc-${String(i).padStart(3, "0")}.txt`), `Copy number ${i} (marker${i}).\n\n${seed}`);

    const child = startCli(["--db", db, "add", input, "--workers", "1"]);
    const exited = new Promise((resolve) => child.on("exit", resolve));
    const deadline = Date.now() + 120_000;
    while (countDocuments(db) < 5 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    child.kill("SIGKILL");
    await exited;
    const stored = countDocuments(db);
    expect(stored, "the run should have been killed before it finished").toBeLessThan(FILES);

    const conn = new Database(db);
    expect(conn.pragma("integrity_check", { simple: true })).toBe("ok");
    const orphans = conn
      .prepare("SELECT count(*) AS n FROM passages WHERE document_rowid NOT IN (SELECT rowid FROM documents)")
      .get() as { n: number };
    expect(orphans.n).toBe(0);
    conn.close();

    const rerun = runCliJson<{ added: number; unchanged: number; failed: unknown[]; documents: number }>([
      "--db",
      db,
      "add",
      input,
    ]);
    expect(rerun.status).toBe(0);
    expect(rerun.json.failed).toEqual([]);
    expect(rerun.json.documents).toBe(FILES);
    expect(rerun.json.added + rerun.json.unchanged).toBe(FILES);
    const hits = runCliJson<{ hits: unknown[] }>(["--db", db, "search", `marker${FILES - 1}`]).json.hits;
    expect(hits.length).toBe(1);
  }, 240_000);
});
