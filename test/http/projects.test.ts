import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Accounts } from "../../src/accounts/accounts.js";
import { openAccountStore } from "../../src/accounts/index.js";
import { projectLocation } from "../../src/accounts/projects.js";
import { Annals } from "../../src/annals.js";
import { buildApp } from "../../src/interfaces/http/app.js";
import { backends, postgresUrl } from "../store/backends.js";
import { SEEDS, seededApp, type ErrorJson, type Seeded } from "./helpers.js";

/** Projects as PostgreSQL keeps them, a schema each: a member of one sees nothing of the other. */
describe.each(backends.filter((b) => b.name === "postgres"))("projects on $name", () => {
  let url: string;
  let accounts: Accounts;
  const opened: Annals[] = [];
  let app: FastifyInstance;
  const keys: Record<string, string> = {};
  const a = `a${Math.random().toString(36).slice(2, 10)}`;
  const b = `b${Math.random().toString(36).slice(2, 10)}`;

  beforeAll(async () => {
    url = postgresUrl();
    accounts = new Accounts(openAccountStore(url), url);
    for (const [name, seeds] of [
      [a, SEEDS.slice(0, 1)],
      [b, SEEDS.slice(1)],
    ] as const) {
      const kb = Annals.open(projectLocation(url, accounts.addProject(name)));
      await kb.add(seeds, { workers: 0 });
      kb.close();
    }
    await accounts.addUser("ana");
    await accounts.addUser("ben");
    accounts.grant("ana", a, "viewer");
    accounts.grant("ben", b, "editor");
    keys["ana"] = accounts.createKey("ana").key;
    keys["ben"] = accounts.createKey("ben").key;
    const annals = Annals.open(url);
    opened.push(annals);
    app = await buildApp(annals, {
      host: "127.0.0.1",
      team: {
        accounts,
        open: (project) => {
          const kb = Annals.open(projectLocation(url, project));
          opened.push(kb);
          return kb;
        },
      },
    });
  }, 120_000);

  afterAll(async () => {
    await app.close();
    opened.forEach((kb) => kb.close());
    accounts.close();
  });

  const as = (user: string, project: string) => ({
    authorization: `Bearer ${keys[user]}`,
    "x-annals-project": project,
  });

  it("shows each member their own project's documents only", async () => {
    const ana = await app.inject({ url: "/api/documents", headers: as("ana", a) });
    expect(ana.json<unknown[]>()).toHaveLength(1);
    const ben = await app.inject({ url: "/api/documents", headers: as("ben", b) });
    expect(ben.json<unknown[]>()).toHaveLength(SEEDS.length - 1);
  });

  it("refuses a viewer of one project reads and writes in the other", async () => {
    expect((await app.inject({ url: "/api/documents", headers: as("ana", b) })).statusCode).toBe(404);
    const write = await app.inject({
      method: "POST",
      url: "/api/decisions",
      headers: as("ana", b),
      payload: { action: "name-rule", name: "Deptel", rule: "reject" },
    });
    expect(write.statusCode).toBe(404);
    const own = await app.inject({
      method: "POST",
      url: "/api/decisions",
      headers: as("ana", a),
      payload: { action: "name-rule", name: "Deptel", rule: "reject" },
    });
    expect(own.statusCode).toBe(403);
  });
});

describe("a server without accounts", () => {
  let seeded: Seeded;
  beforeAll(async () => {
    seeded = await seededApp();
  }, 120_000);
  afterAll(async () => {
    await seeded.app.close();
    seeded.annals.close();
  });

  it("is the one project default: another project is not found, and no login is asked", async () => {
    const other = await seeded.app.inject({ url: "/api/documents", headers: { "x-annals-project": "other" } });
    expect(other.statusCode).toBe(404);
    expect(other.json<ErrorJson>().error.message).toMatch(/no project "other"/);
    const own = await seeded.app.inject({ url: "/api/documents", headers: { "x-annals-project": "default" } });
    expect(own.json<unknown[]>()).toHaveLength(SEEDS.length);
    expect((await seeded.app.inject("/api/session")).json()).toEqual({ accounts: false, oidc: false });
  });
});
