import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openStore } from "../../src/store/index.js";
import { makeDocument, makeRecord } from "./make-document.js";

const WRITER = join(import.meta.dirname, "crash-writer.ts");
const ROOT = join(import.meta.dirname, "..", "..");

/** Starts the writer, lets it commit `commits` times, waits `delayMs` more, then kills it with SIGKILL. */
function runAndKill(dbPath: string, commits: number, delayMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", WRITER, dbPath], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let seen = 0;
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on("data", (chunk: Buffer) => {
      seen += (chunk.toString().match(/committed/g) ?? []).length;
      if (seen >= commits && child.exitCode === null && !child.killed) setTimeout(() => child.kill("SIGKILL"), delayMs);
    });
    child.on("exit", (code, signal) =>
      signal === "SIGKILL" ? resolve(seen) : reject(new Error(`writer exited ${code}: ${stderr}`)),
    );
  });
}

describe("a writer killed with SIGKILL mid-ingest", () => {
  const dir = mkdtempSync(join(tmpdir(), "annals-crash-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("leaves a consistent knowledge base that the next run can write to", async () => {
    const dbPath = join(dir, "kb.db");
    for (const [commits, delay] of [
      [2, 0],
      [3, 7],
      [5, 13],
    ] as const) {
      await runAndKill(dbPath, commits, delay);
      const store = openStore(dbPath);
      expect(store.integrityCheck()).toEqual([]);
      for (const summary of store.listDocuments().filter((d) => !d.id.startsWith("probe"))) {
        const hits = store.search("consistency", { documentIds: [summary.id], limit: 1000 }).hits;
        expect(hits.length).toBe(summary.passages);
        expect(store.getFile(summary.path)?.documentIds).toEqual([summary.id]);
      }
      const written = store.listDocuments().filter((d) => !d.id.startsWith("probe"));
      expect(written.length).toBeGreaterThan(0);
      expect(
        store
          .signatures()
          .map((s) => s.id)
          .sort(),
      ).toEqual(written.map((d) => d.id).sort());
      const probe = makeRecord(makeDocument(`probe-${commits}`, "The next run completes."));
      expect(store.replaceFile({ path: "probe.txt", contentHash: "p", size: 1, mtimeMs: 0 }, [probe])).toMatch(
        /added|updated/,
      );
      expect(store.integrityCheck()).toEqual([]);
      store.close();
    }
  });
});
