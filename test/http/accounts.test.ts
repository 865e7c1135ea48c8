import { join } from "node:path";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Accounts } from "../../src/accounts/accounts.js";
import { openAccountStore } from "../../src/accounts/index.js";
import { Annals } from "../../src/annals.js";
import { buildApp } from "../../src/interfaces/http/app.js";
import { NO_ACCOUNTS_MARK } from "../../src/interfaces/http/static.js";
import { SEEDS, seededApp, type ErrorJson, type Seeded } from "./helpers.js";

/**
 * A team server over two projects: "default" (the seeds) and "b" (one seed). The accounts are real; project
 * b's knowledge base is a second SQLite file, opened by the server as a PostgreSQL project schema would be.
 */
let s: Seeded;
let accounts: Accounts;
let other: Annals;
let app: FastifyInstance;
const keys: Record<string, string> = {};
const rename = { action: "rename", entity: "Hasan Sari", name: "Hasan Sari (corporal)" };

beforeAll(async () => {
  s = await seededApp();
  accounts = new Accounts(openAccountStore(s.db), s.db);
  other = Annals.open(join(s.dir, "b.db"));
  await other.add([SEEDS[0]!], { workers: 0 });
  accounts.store.addProject({ name: "b", created: new Date().toISOString() });
  await accounts.addUser("vera");
  await accounts.addUser("eddie", { password: "eddie's password" });
  await accounts.addUser("bob");
  accounts.grant("vera", "default", "viewer");
  accounts.grant("eddie", "default", "editor");
  accounts.grant("bob", "b", "editor");
  for (const name of ["vera", "eddie", "bob"]) keys[name] = accounts.createKey(name).key;
  app = await buildApp(s.annals, {
    host: "127.0.0.1",
    webRoot: s.webRoot,
    ingestWorkers: 0,
    team: { accounts, open: () => other },
  });
}, 120_000);

afterAll(async () => {
  await app.close();
  await s.app.close();
  accounts.close();
  other.close();
  s.annals.close();
});

const as = (user: string, project?: string) => ({
  authorization: `Bearer ${keys[user]}`,
  ...(project ? { "x-annals-project": project } : {}),
});
const get = (url: string, headers: Record<string, string> = {}) => app.inject({ url, headers });
const post = (body: object, headers: Record<string, string> = {}) =>
  app.inject({ method: "POST", url: "/api/decisions", payload: body, headers });
const code = (response: LightMyRequestResponse) => response.json<ErrorJson>().error.code;
const message = (response: LightMyRequestResponse) => response.json<ErrorJson>().error.message;

describe("a team server", () => {
  it("needs a key or a session for every read, on loopback too, but not for the API description", async () => {
    const response = await get("/api/documents");
    expect(response.statusCode).toBe(401);
    expect(message(response)).toMatch(/log in/);
    expect((await get("/api/openapi.json")).statusCode).toBe(200);
    expect((await get("/api/session")).json()).toMatchObject({ accounts: true });
  });

  it("serves its pages without the mark of a server without accounts, so the UI asks who is logged in", async () => {
    const page = await get("/timeline");
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("</head>");
    expect(page.body).not.toContain(NO_ACCOUNTS_MARK);
  });

  it("lets a viewer read and refuses the viewer's write with 403", async () => {
    expect((await get("/api/documents", as("vera"))).json<unknown[]>()).toHaveLength(SEEDS.length);
    const before = (await get("/api/decisions", as("vera"))).json<unknown[]>().length;
    const response = await post(rename, as("vera"));
    expect(response.statusCode).toBe(403);
    expect(code(response)).toBe("forbidden");
    expect((await get("/api/decisions", as("vera"))).json<unknown[]>()).toHaveLength(before);
  });

  it("keeps a member of one project out of another, for reads and writes", async () => {
    const read = await get("/api/documents", as("vera", "b"));
    expect(read.statusCode).toBe(404);
    expect((await post(rename, as("bob"))).statusCode).toBe(404);
    expect((await get("/api/search?q=Hasan", as("bob"))).statusCode).toBe(404);
    expect((await get("/api/documents", as("bob", "b"))).json<unknown[]>()).toHaveLength(1);
    expect((await get("/api/documents", as("vera", "nowhere"))).statusCode).toBe(404);
  });

  it("records the key's user on a decision, whatever the body says", async () => {
    const response = await post({ ...rename, user: "someone else" }, as("eddie"));
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json<{ decisions: { user: string }[] }>().decisions[0]!.user).toBe("eddie");
  });

  it("answers 401 with the reason to an expired, a revoked and an unknown key", async () => {
    const expired = accounts.createKey("vera", { expiresInMs: -1000 }).key;
    const revoked = accounts.createKey("vera");
    accounts.revokeKey(revoked.record.prefix);
    const expiredResponse = await get("/api/documents", { authorization: `Bearer ${expired}` });
    expect(expiredResponse.statusCode).toBe(401);
    expect(message(expiredResponse)).toMatch(/expired on/);
    const revokedResponse = await get("/api/documents", { authorization: `Bearer ${revoked.key}` });
    expect(message(revokedResponse)).toMatch(/revoked/);
    expect(
      (await get("/api/documents", { authorization: "Bearer annals_000000000000_" + "x".repeat(43) })).statusCode,
    ).toBe(401);
  });

  it("refuses a key made for one project in another", async () => {
    const key = accounts.createKey("vera", { project: "b" }).key;
    const response = await get("/api/documents", { authorization: `Bearer ${key}` });
    expect(response.statusCode).toBe(403);
    expect(message(response)).toMatch(/project b/);
  });
});

describe("session login", () => {
  const login = (body: object) => app.inject({ method: "POST", url: "/api/login", payload: body });
  const cookieOf = (response: LightMyRequestResponse) => String(response.headers["set-cookie"]).split(";")[0]!;

  it("sets an HttpOnly SameSite=Strict cookie that reads, and needs the CSRF token to write", async () => {
    const response = await login({ user: "eddie", password: "eddie's password" });
    expect(response.statusCode, response.body).toBe(200);
    expect(String(response.headers["set-cookie"])).toMatch(/HttpOnly/);
    expect(String(response.headers["set-cookie"])).toMatch(/SameSite=Strict/);
    const { csrfToken } = response.json<{ csrfToken: string }>();
    const cookie = cookieOf(response);
    expect((await get("/api/documents", { cookie })).statusCode).toBe(200);
    expect((await get("/api/session", { cookie })).json()).toMatchObject({ user: { name: "eddie" }, csrfToken });
    const body = { action: "rename", entity: "Hasan Sari (corporal)", name: "Hasan Sari" };
    const forged = await post(body, { cookie });
    expect(forged.statusCode).toBe(403);
    expect(code(forged)).toBe("csrf");
    expect((await post(body, { cookie, "x-csrf-token": "wrong" })).statusCode).toBe(403);
    const made = await post(body, { cookie, "x-csrf-token": csrfToken });
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json<{ decisions: { user: string }[] }>().decisions[0]!.user).toBe("eddie");

    await app.inject({ method: "POST", url: "/api/logout", headers: { cookie } });
    const after = await get("/api/documents", { cookie });
    expect(after.statusCode).toBe(401);
    expect(message(after)).toMatch(/log in again/);
  });

  it("logs in with an API key too", async () => {
    const response = await login({ key: keys["vera"]! });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      user: { name: "vera" },
      projects: [{ project: "default", role: "viewer" }],
    });
  });

  it("gives the same answer for a wrong password and an unknown user, then 429 after five failures", async () => {
    const wrong = await login({ user: "eddie", password: "not it at all" });
    const unknown = await login({ user: "nobody", password: "not it at all" });
    expect(wrong.statusCode).toBe(401);
    expect(message(unknown)).toBe(message(wrong));
    for (let i = 0; i < 3; i++) await login({ user: "eddie", password: "not it at all" });
    const limited = await login({ user: "eddie", password: "eddie's password" });
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
  });
});
