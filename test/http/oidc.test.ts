import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { FastifyInstance } from "fastify";
import Provider from "oidc-provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Accounts } from "../../src/accounts/accounts.js";
import { openAccountStore } from "../../src/accounts/index.js";
import { buildApp } from "../../src/interfaces/http/app.js";
import { seededApp, type ErrorJson, type Seeded } from "./helpers.js";

/** A real OpenID Connect provider (oidc-provider with its development login form) on a loopback port. */
const REDIRECT = "http://127.0.0.1/api/oidc/callback";
let provider: Server;
let issuer: string;
let s: Seeded;
let accounts: Accounts;
let app: FastifyInstance;

async function startProvider(): Promise<void> {
  provider = createServer();
  await new Promise<void>((done) => provider.listen(0, "127.0.0.1", done));
  issuer = `http://127.0.0.1:${(provider.address() as AddressInfo).port}`;
  const oidc = new Provider(issuer, {
    clients: [{ client_id: "annals", client_secret: "annals-secret", redirect_uris: [REDIRECT] }],
    claims: { openid: ["sub"], email: ["email", "email_verified"] },
    findAccount: (_ctx, id) => ({
      accountId: id,
      claims: () => ({ sub: id, email: `${id}@example.org`, email_verified: true }),
    }),
    features: { devInteractions: { enabled: true } },
  });
  provider.on("request", oidc.callback());
}

/**
 * What a browser does at the provider: follow its redirects with its cookies, sign in as `login` on the
 * login form, consent, until it redirects back to annals. Returns that callback URL.
 */
async function signInAtProvider(authorizeUrl: string, login: string): Promise<URL> {
  const cookies = new Map<string, string>();
  let url = authorizeUrl;
  let body: URLSearchParams | undefined;
  for (let step = 0; step < 20; step++) {
    const response = await fetch(url, {
      method: body ? "POST" : "GET",
      redirect: "manual",
      headers: {
        cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join("; "),
        ...(body ? { "content-type": "application/x-www-form-urlencoded" } : {}),
      },
      ...(body ? { body } : {}),
    });
    for (const c of response.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const [name, value] = pair!.split("=");
      cookies.set(name!, value ?? "");
    }
    body = undefined;
    const location = response.headers.get("location");
    if (location) {
      const next = new URL(location, url);
      if (next.href.startsWith(REDIRECT)) return next;
      url = next.href;
      continue;
    }
    const html = await response.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (!action) throw new Error(`the provider answered ${response.status} without a form: ${html.slice(0, 300)}`);
    url = new URL(action, url).href;
    body = /name="login"/.test(html)
      ? new URLSearchParams({ prompt: "login", login, password: "any" })
      : new URLSearchParams({ prompt: "consent" });
  }
  throw new Error("the provider never redirected back");
}

beforeAll(async () => {
  await startProvider();
  s = await seededApp();
  accounts = new Accounts(openAccountStore(s.db), s.db);
  await accounts.addUser("alice", { email: "alice@example.org" });
  accounts.grant("alice", "default", "viewer");
  app = await buildApp(s.annals, {
    host: "127.0.0.1",
    webRoot: s.webRoot,
    team: { accounts, open: () => s.annals },
    oidc: { issuer, clientId: "annals", clientSecret: "annals-secret", redirectUri: REDIRECT },
  });
}, 120_000);

afterAll(async () => {
  await app.close();
  await s.app.close();
  accounts.close();
  s.annals.close();
  await new Promise((done) => provider.close(done));
});

async function loginAs(login: string) {
  const start = await app.inject("/api/oidc/login");
  expect(start.statusCode).toBe(302);
  const authorize = new URL(String(start.headers.location));
  expect(authorize.origin).toBe(issuer);
  expect(authorize.searchParams.get("code_challenge_method")).toBe("S256");
  const back = await signInAtProvider(authorize.href, login);
  return app.inject(back.pathname + back.search);
}

describe("OpenID Connect login", () => {
  it("maps the provider's verified email to the user, starts a session and links the subject", async () => {
    const callback = await loginAs("alice");
    expect(callback.statusCode, callback.body).toBe(302);
    expect(callback.headers.location).toBe("/");
    const cookie = String(callback.headers["set-cookie"]).split(";")[0]!;
    expect(String(callback.headers["set-cookie"])).toMatch(/HttpOnly; SameSite=Strict/);
    expect((await app.inject({ url: "/api/documents", headers: { cookie } })).statusCode).toBe(200);
    expect(accounts.store.findUser("alice")?.oidcSubject).toBe(`${issuer} alice`);
  });

  it("refuses an identity with no account here", async () => {
    const callback = await loginAs("mallory");
    expect(callback.statusCode).toBe(403);
    expect(callback.json<ErrorJson>().error.message).toMatch(/no account for mallory@example.org/);
  });

  it("refuses a callback whose state it did not issue", async () => {
    const response = await app.inject("/api/oidc/callback?code=x&state=forged");
    expect(response.statusCode).toBe(400);
  });
});
