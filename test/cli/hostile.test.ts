import { chmodSync, mkdirSync, symlinkSync, writeFileSync, openSync, writeSync, closeSync, chownSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { CLI, runCliJson, tempDir } from "../helpers/cli.js";
import { spawnSync } from "node:child_process";

interface Report {
  added: number;
  failed: { path: string; error: string }[];
  warnings: { path: string; warning: string }[];
  documents: number;
}

const GOOD = "The Ar-Rashid revolt of 3 July 1963 was crushed by the Baathist government in Baghdad.\n";
const NOBODY = 65534;

/**
 * As root, chmod 000 does not stop reading; the run then goes as user nobody so the unreadable file is,
 * when nobody can reach the project (a clone inside a private temporary folder cannot be reached).
 */
function unprivilegedRun(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  const probe = `require("fs").accessSync(${JSON.stringify(CLI)}, require("fs").constants.R_OK)`;
  const reachable = spawnSync(process.execPath, ["-e", probe], { uid: NOBODY, gid: NOBODY }).status === 0;
  return reachable ? { uid: NOBODY, gid: NOBODY } : {};
}
const runAs = unprivilegedRun();
/** Whether this run can see a permission error at all (root reads everything). */
const permissionsApply = runAs.uid !== undefined || process.getuid?.() !== 0;

function writeLargeOneLine(path: string, megabytes: number): void {
  const fd = openSync(path, "w");
  const chunk = Buffer.from("tailor named hafiz latfah took part in the planning of the revolt ".repeat(16_000));
  let written = 0;
  while (written < megabytes * 1024 * 1024) written += writeSync(fd, chunk);
  writeSync(fd, Buffer.from("zanzibarquokka\n"));
  closeSync(fd);
}

describe("a folder of hostile files", () => {
  const dir = tempDir("annals-hostile-");
  const input = join(dir, "input");
  const db = join(dir, "kb.db");
  let report: Report;
  let status: number | null;

  beforeAll(() => {
    mkdirSync(input);
    writeFileSync(join(input, "good.txt"), GOOD);
    writeFileSync(
      join(input, "image.png"),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3]),
    );
    writeFileSync(join(input, "empty.txt"), "");
    writeFileSync(
      join(input, "invalid-utf8.txt"),
      Buffer.concat([
        Buffer.from("Qāsim met ʿArif in Baghdad – 1958. caf"),
        Buffer.from([0xc3, 0x28]),
        Buffer.from(" and more text.\n"),
      ]),
    );
    writeFileSync(
      join(input, "utf16-no-bom.txt"),
      Buffer.from("Michel Aflaq spoke in Damascus about the Ba'ath Party.\n", "utf16le"),
    );
    writeLargeOneLine(join(input, "huge-one-line.txt"), 50);
    writeFileSync(
      join(input, "nested.html"),
      "<html><body>" +
        "<div>".repeat(100_000) +
        "Nested deep text about Mosul" +
        "</div>".repeat(100_000) +
        "</body></html>",
    );
    writeFileSync(
      join(input, "malformed.xml"),
      '<?xml version="1.0"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0">\n<text><body><div type="document"><p>Unclosed\n</body></TEI>\n',
    );
    symlinkSync("loop-a", join(input, "loop-a"));
    mkdirSync(join(input, "sub"));
    symlinkSync("..", join(input, "sub", "up"));
    writeFileSync(join(input, "unreadable.txt"), "secret");
    chmodSync(join(input, "unreadable.txt"), 0o000);
    if (runAs.uid !== undefined) {
      chownSync(dir, NOBODY, NOBODY);
      chmodSync(dir, 0o755);
    }
    const result = runCliJson<Report>(["--db", db, "add", input], runAs);
    status = result.status;
    report = result.json;
    // The 50 MB file goes through full extraction: minutes when the machine is shared with other jobs.
  }, 900_000);

  const failureFor = (name: string) => report.failed.find((f) => f.path.endsWith(name))?.error;

  it("exits 1 and still ingests the good files", () => {
    expect(status).toBe(1);
    expect(report.documents).toBeGreaterThanOrEqual(3);
    const hits = runCliJson<{ hits: { document: { path: string } }[] }>(
      ["--db", db, "search", "Ar-Rashid revolt"],
      runAs,
    ).json.hits;
    expect(hits.some((h) => h.document.path.endsWith("good.txt"))).toBe(true);
  });

  it("gives each bad file one clear reason", () => {
    expect(failureFor("image.png")).toMatch(/PNG/i);
    expect(failureFor("empty.txt")).toMatch(/empty|zero|0 bytes/i);
    expect(failureFor("malformed.xml")).toMatch(/line \d+/i);
    expect(failureFor("loop-a")).toMatch(/loop/i);
    expect(report.failed.find((f) => f.path.includes("sub"))?.error).toMatch(/loop/i);
    if (permissionsApply) expect(failureFor("unreadable.txt")).toMatch(/permission denied/i);
    for (const failure of report.failed) expect(failure.error).not.toMatch(/\n/);
  });

  it("keeps text with invalid bytes, reporting their offset", () => {
    expect(failureFor("invalid-utf8.txt")).toBeUndefined();
    expect(report.warnings.find((w) => w.path.endsWith("invalid-utf8.txt"))?.warning).toMatch(/offset 42\b/);
  });

  it("reads UTF-16 without a byte-order mark, a 50 MB one-line file and 100,000 nested elements", () => {
    const find = (query: string) =>
      runCliJson<{ hits: { document: { path: string } }[] }>(["--db", db, "search", query], runAs).json.hits.map(
        (h) => h.document.path,
      );
    expect(find("Aflaq")).toEqual([expect.stringMatching(/utf16-no-bom\.txt$/)]);
    expect(find("zanzibarquokka")).toEqual([expect.stringMatching(/huge-one-line\.txt$/)]);
    expect(find("Mosul")).toEqual([expect.stringMatching(/nested\.html$/)]);
  });

  it("leaves the database intact", () => {
    const conn = new Database(db, { readonly: true });
    expect(conn.pragma("integrity_check", { simple: true })).toBe("ok");
    conn.close();
  });
});
