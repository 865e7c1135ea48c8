import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Annals } from "../../src/annals.js";
import { openStore } from "../../src/store/index.js";
import { runCli, runCliJson, ROOT } from "../helpers/cli.js";
import { backends, postgresUrl } from "./backends.js";

const SEEDS = join(ROOT, "examples/seeds");

describe.runIf(backends.some((b) => b.name === "postgres"))("annals migrate --from kb.db --to postgres://…", () => {
  let dir: string;
  let db: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "annals-migrate-"));
    db = join(dir, "kb.db");
    expect(runCli(["--db", db, "add", SEEDS, "--workers", "0"]).status).toBe(0);
    // A user's merge: a decision with its status, and a redirect of the merged entity's id.
    const annals = Annals.open(db);
    try {
      const [first, second] = annals.entities({ type: "person", limit: 2 });
      await annals.decide((d) => d.merge(first!.name, second!.name, { user: "historian", reason: "same man" }));
    } finally {
      annals.close();
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("copies every table, and the copy answers the CLI as the original does", () => {
    const url = postgresUrl();
    const report = runCliJson<{ tables: Record<string, number> }>([
      "--json",
      "migrate",
      "--from",
      db,
      "--to",
      url,
    ]).json;
    const sqlite = openStore(db, { readonly: true });
    const postgres = openStore(url);
    try {
      expect(report.tables.documents).toBe(sqlite.countDocuments());
      expect(report.tables.entities).toBe(sqlite.knowledge.countEntities());
      expect(postgres.listDocuments()).toEqual(sqlite.listDocuments());
      expect(postgres.knowledge.entities()).toEqual(sqlite.knowledge.entities());
      expect(postgres.knowledge.events()).toEqual(sqlite.knowledge.events());
      expect(postgres.knowledge.claims("event")).toEqual(sqlite.knowledge.claims("event"));
      expect(postgres.knowledge.eventMentions()).toEqual(sqlite.knowledge.eventMentions());
      expect(postgres.signatures()).toEqual(sqlite.signatures());
      expect(sqlite.decisions.withStatus().map((d) => d.status)).toEqual(["applied"]);
      expect(postgres.decisions.withStatus()).toEqual(sqlite.decisions.withStatus());
      const redirects = sqlite.knowledge.entityRedirects();
      expect(redirects).toHaveLength(1);
      expect(postgres.knowledge.entityRedirects()).toEqual(redirects);
      expect(postgres.knowledge.findEntity(redirects[0]!.from)).toEqual(
        sqlite.knowledge.findEntity(redirects[0]!.from),
      );
      expect(postgres.documentRelations()).toEqual(sqlite.documentRelations());
      for (const query of ["Kassem", "officers executed", '"radio station"', "revolut*"]) {
        const ids = (store: typeof sqlite) =>
          new Set(store.search(query, { limit: 50 }).hits.map((h) => `${h.document.id}@${h.start}`));
        expect(ids(postgres)).toEqual(ids(sqlite));
      }
    } finally {
      sqlite.close();
      postgres.close();
    }
    const entities = runCliJson<{ id: string }[]>(["--db", url, "--json", "entities", "--limit", "5"]).json;
    const original = runCliJson<{ id: string }[]>(["--db", db, "--json", "entities", "--limit", "5"]).json;
    expect(entities).toEqual(original);
    // New rows after the copy get fresh ids: the identities continue after the copied ones.
    const add = runCli(["--db", url, "add", join(ROOT, "README.md"), "--workers", "0"]);
    expect(add.status, add.stderr).toBe(0);
  });

  it("refuses a database that already holds a knowledge base, changing nothing", () => {
    const url = postgresUrl();
    expect(runCli(["migrate", "--from", db, "--to", url]).status).toBe(0);
    const again = runCli(["migrate", "--from", db, "--to", url]);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/already holds \d+ files: migrate into an empty database/);
  });

  it("refuses a SQLite table the PostgreSQL schema does not have, before writing anything", () => {
    const newer = join(dir, "newer.db");
    expect(runCli(["--db", newer, "add", join(SEEDS, "002_5e19db3785d89ebe.txt"), "--workers", "0"]).status).toBe(0);
    const conn = new Database(newer);
    conn.exec("CREATE TABLE decisions_of_tomorrow (id INTEGER PRIMARY KEY)");
    conn.close();
    const url = postgresUrl();
    const result = runCli(["migrate", "--from", newer, "--to", url]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("has no table decisions_of_tomorrow");
    const target = openStore(url);
    expect(target.countDocuments()).toBe(0);
    target.close();
  });

  it("says which argument is wrong", () => {
    expect(runCli(["migrate", "--from", db, "--to", join(dir, "other.db")]).stderr).toContain(
      "--to: expected a postgres://",
    );
    expect(runCli(["migrate", "--from", join(dir, "none.db"), "--to", "postgres://x@/y"]).stderr).toContain(
      "no such file",
    );
  });
});
