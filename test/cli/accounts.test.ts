import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Accounts } from "../../src/accounts/accounts.js";
import { openAccountStore } from "../../src/accounts/index.js";
import { runCli, runCliJson, tempDir } from "../helpers/cli.js";
import { SEEDS } from "../http/helpers.js";
import { backends, postgresUrl } from "../store/backends.js";

describe.each(backends)("account commands on $name", (backend) => {
  const db = backend.name === "sqlite" ? join(tempDir("annals-cli-accounts-"), "kb.db") : postgresUrl();
  const cli = (...args: string[]) => runCli(["--db", db, ...args]);
  const opened: Accounts[] = [];
  const accounts = () => {
    const a = new Accounts(openAccountStore(db), db);
    opened.push(a);
    return a;
  };
  afterAll(() => opened.forEach((a) => a.close()));

  it("adds a user, grants a role and creates a key that is shown once and authenticates", () => {
    expect(cli("users", "add", "maria", "--email", "maria@example.org").status).toBe(0);
    expect(cli("grant", "maria", "default", "editor").status).toBe(0);
    const created = cli("keys", "create", "maria", "--expires", "30d");
    expect(created.status, created.stderr).toBe(0);
    const key = created.stdout.trim();
    expect(key).toMatch(/^annals_[0-9a-f]{12}_/);
    const listed = runCliJson<{ prefix: string; user: string; digest?: string }[]>(["--db", db, "keys", "list"]).json;
    expect(listed).toEqual([expect.objectContaining({ user: "maria", prefix: key.slice(7, 19) })]);
    expect(JSON.stringify(listed)).not.toContain(key.slice(20));
    const found = accounts().authenticateKey(key);
    expect("user" in found && found.user.name).toBe("maria");
    const users = runCliJson<{ name: string; projects: unknown[] }[]>(["--db", db, "users", "list"]).json;
    expect(users).toEqual([
      expect.objectContaining({ name: "maria", projects: [{ project: "default", role: "editor" }] }),
    ]);

    expect(cli("keys", "revoke", key.slice(7, 19)).status).toBe(0);
    expect(accounts().authenticateKey(key)).toEqual({ refused: expect.stringContaining("revoked") });
  });

  it("reads a password from standard input, never from the command line", async () => {
    expect(
      runCli(["--db", db, "users", "add", "omar", "--password-stdin"], { input: "omar's password\n" }).status,
    ).toBe(0);
    expect("user" in (await accounts().checkPassword("omar", "omar's password"))).toBe(true);
  });

  it("answers a usage error with the reason for a bad role, duration or user", () => {
    const role = cli("grant", "maria", "default", "owner");
    expect(role.status).toBe(2);
    expect(role.stderr).toMatch(/role owner: expected one of viewer, editor, admin/);
    expect(cli("keys", "create", "maria", "--expires", "soon").stderr).toMatch(/--expires soon: expected a duration/);
    const nobody = cli("grant", "nobody", "default", "viewer");
    expect(nobody.status).toBe(1);
    expect(nobody.stderr).toMatch(/no user "nobody"/);
  });

  if (backend.name === "sqlite") {
    it("keeps a SQLite file to one project", () => {
      const result = cli("projects", "add", "second");
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/one project/);
    });
  } else {
    it("adds a project whose knowledge base is apart from the default one", () => {
      const name = `p${Math.random().toString(36).slice(2, 10)}`;
      expect(cli("projects", "add", name).status).toBe(0);
      expect(cli("--project", name, "add", SEEDS[0]!).status).toBe(0);
      expect(runCliJson<unknown[]>(["--db", db, "--project", name, "documents"]).json).toHaveLength(1);
      expect(runCliJson<unknown[]>(["--db", db, "documents"]).json).toHaveLength(0);
    });
  }
});
