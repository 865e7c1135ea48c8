import { cpSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT, runCli, runCliJson, tempDir } from "../helpers/cli.js";

/** The corrections commands' contract: JSON on stdout, user and reason recorded, exit codes. */
interface DecisionJson {
  id: number;
  status: string;
  user: string;
  reason: string;
  summary: string;
  payload: { kind: string };
}

const dir = tempDir("annals-decisions-cli-");
const db = join(dir, "kb.db");

beforeAll(() => {
  const docs = join(dir, "docs");
  cpSync(join(ROOT, "test/fixtures/seeds"), docs, { recursive: true, filter: (p) => !p.endsWith(".json") });
  expect(runCli(["--db", db, "add", docs]).status).toBe(0);
}, 120_000);

describe("annals merge / undo / decisions", () => {
  it("records a merge with its user and reason, shows it at once, and undoes it", () => {
    const merged = runCliJson<{ decisions: DecisionJson[] }>([
      "--db",
      db,
      "merge",
      "Nuri As-Said",
      "Chaderchi",
      "--user",
      "historian",
      "--reason",
      "one man",
    ]);
    expect(merged.status, merged.stderr).toBe(0);
    const [decision] = merged.json.decisions;
    expect(decision).toMatchObject({ status: "applied", user: "historian", reason: "one man" });
    expect(decision!.summary).toMatch(/Nuri As-Said .* is Chaderchi/);
    const undone = runCliJson<{ decisions: DecisionJson[] }>(["--db", db, "undo", String(decision!.id)]);
    expect(undone.json.decisions[0]!.payload.kind).toBe("undo");
    const list = runCliJson<DecisionJson[]>(["--db", db, "decisions"]).json;
    expect(list.map((d) => d.status)).toEqual(["undone", "applied"]);
  });

  it("exits 2 on usage errors and 1 when the entity does not exist, with a clear line", () => {
    const same = runCli(["--db", db, "merge", "Abdul Salam Arif", "Arif"]);
    expect(same.status).toBe(2);
    expect(same.stderr).toMatch(/already one entity/);
    const reject = runCli(["--db", db, "reject", "mention", "doc", "x", "3"]);
    expect(reject.status).toBe(2);
    expect(reject.stderr).toMatch(/START x: expected a character offset/);
    const missing = runCli(["--db", db, "merge", "Abdul Salam Arif", "No Such Person"]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/no entity named "No Such Person"/);
  });
});
