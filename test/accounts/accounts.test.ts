import { afterEach, describe, expect, it } from "vitest";
import { Accounts } from "../../src/accounts/accounts.js";
import { openAccountStore } from "../../src/accounts/index.js";
import { backends, postgresUrl } from "../store/backends.js";

const open: Record<string, () => string> = { sqlite: () => ":memory:", postgres: () => postgresUrl() };

describe.each(backends)("accounts on $name", (backend) => {
  let accounts: Accounts | undefined;
  let now = new Date("2026-01-01T00:00:00Z");
  const make = () => {
    const location = open[backend.name]!();
    accounts = new Accounts(openAccountStore(location), location, () => now);
    return accounts;
  };
  afterEach(() => {
    accounts?.close();
    now = new Date("2026-01-01T00:00:00Z");
  });

  it("stores a key as a digest and finds its user by the key until it expires", async () => {
    const a = make();
    await a.addUser("maria", { email: "maria@example.org" });
    const { key, record } = a.createKey("maria", { expiresInMs: 86_400_000 });
    expect(JSON.stringify(a.store.keys())).not.toContain(key.slice("annals_".length + 13));
    expect(record.digest).toMatch(/^[0-9a-f]{64}$/);
    const found = a.authenticateKey(key);
    expect("user" in found && found.user.name).toBe("maria");
    expect(a.store.keyByPrefix(record.prefix)?.lastUsed).toBe(now.toISOString());
    now = new Date("2026-01-02T00:00:01Z");
    expect(a.authenticateKey(key)).toEqual({ refused: expect.stringContaining("expired") });
  });

  it("refuses a revoked key, a key with a wrong secret and a disabled user's key", async () => {
    const a = make();
    await a.addUser("omar");
    const first = a.createKey("omar");
    const wrong = first.key.slice(0, -4) + (first.key.endsWith("AAAA") ? "BBBB" : "AAAA");
    expect(a.authenticateKey(wrong)).toEqual({ refused: "unknown API key" });
    expect(a.revokeKey(first.record.prefix)).toBe(true);
    expect(a.authenticateKey(first.key)).toEqual({ refused: expect.stringContaining("revoked") });
    const second = a.createKey("omar");
    a.setDisabled("omar", true);
    expect(a.authenticateKey(second.key)).toEqual({ refused: expect.stringContaining("disabled") });
  });

  it("checks passwords with scrypt and never stores them", async () => {
    const a = make();
    await a.addUser("lena", { password: "correct horse" });
    expect(a.store.findUser("lena")?.passwordHash).toMatch(/^scrypt\$/);
    expect(a.store.findUser("lena")?.passwordHash).not.toContain("correct horse");
    expect("user" in (await a.checkPassword("lena", "correct horse"))).toBe(true);
    expect(await a.checkPassword("lena", "wrong horse")).toEqual({ refused: "wrong user name or password" });
    expect(await a.checkPassword("nobody", "correct horse")).toEqual({ refused: "wrong user name or password" });
  });

  it("gives roles per project and sessions that end", async () => {
    const a = make();
    const user = await a.addUser("sami");
    expect(a.roleOf(user, "default")).toBeUndefined();
    a.grant("sami", "default", "viewer");
    a.grant("sami", "default", "editor");
    expect(a.roleOf(user, "default")).toBe("editor");
    expect(() => a.grant("sami", "default", "owner")).toThrow(/role owner/);
    expect(() => a.grant("sami", "elsewhere", "viewer")).toThrow(/no project "elsewhere"/);
    const session = a.startSession(user, 60_000);
    const found = a.authenticateSession(session.id);
    expect("user" in found && found.csrfToken).toBe(session.csrfToken);
    a.endSession(session.id);
    expect(a.authenticateSession(session.id)).toEqual({ refused: expect.stringContaining("log in again") });
    const late = a.startSession(user, 60_000);
    now = new Date(now.getTime() + 61_000);
    expect(a.authenticateSession(late.id)).toEqual({ refused: expect.stringContaining("expired") });
  });

  it("refuses a second user of one name or email", async () => {
    const a = make();
    await a.addUser("maria", { email: "maria@example.org" });
    await expect(a.addUser("maria")).rejects.toThrow(/exists/);
    await expect(a.addUser("m2", { email: "MARIA@example.org" })).rejects.toThrow(/exists/);
    await expect(a.addUser("bad name")).rejects.toThrow(/expected a letter/);
  });

  if (backend.name === "sqlite") {
    it("keeps a SQLite knowledge base to one project", () => {
      expect(() => make().addProject("second")).toThrow(/one project/);
    });
  } else {
    it("gives each project on PostgreSQL a schema of its own", () => {
      const a = make();
      const name = `p${Math.random().toString(36).slice(2, 10)}`;
      expect(a.addProject(name).schema).toBe(`annals_project_${name}`);
      expect(a.store.projects().map((p) => p.name)).toContain(name);
    });
  }
});
