import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { Accounts } from "../../src/accounts/accounts.js";
import { openAccountStore } from "../../src/accounts/index.js";
import { Annals } from "../../src/annals.js";
import { buildApp } from "../../src/interfaces/http/app.js";
import { ensureWebBuild } from "../../web/build.mjs";
import { SEEDS } from "../http/helpers.js";
import { tempDir } from "../helpers/cli.js";
import { describeInChromium, serveAndBrowse } from "./browser.js";

/** On a team server the UI asks for a login, shows who is logged in, writes with the session, logs out. */
describeInChromium("login in the web UI", scenario);

function scenario(): void {
  let annals: Annals;
  let accounts: Accounts;
  let app: FastifyInstance;
  let base: string;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ensureWebBuild();
    const dir = tempDir("annals-e2e-login-");
    const db = join(dir, "kb.db");
    annals = Annals.open(db);
    expect((await annals.add(SEEDS, { workers: 0 })).failed).toEqual([]);
    accounts = new Accounts(openAccountStore(db), db);
    await accounts.addUser("maria", { password: "maria's password" });
    accounts.grant("maria", "default", "editor");
    app = await buildApp(annals, {
      host: "127.0.0.1",
      uploadDir: join(dir, "uploads"),
      ingestWorkers: 0,
      team: { accounts, open: () => annals },
    });
    ({ base, context, page } = await serveAndBrowse(app, dir));
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    await app?.close();
    accounts?.close();
    annals?.close();
  });

  it("logs in, records a decision as the logged-in user, and logs out", async () => {
    await page.goto(`${base}/entities`);
    await page.getByLabel("User name or email").fill("maria");
    await page.getByLabel("Password").fill("maria's password");
    await page.getByRole("button", { name: "Log in" }).click();
    await page.locator(".account", { hasText: "maria" }).waitFor({ timeout: 15_000 });

    const nuri = annals.entity("Nuri As-Said")!.id;
    expect(annals.entity("Chaderchi")!.id).not.toBe(nuri);
    await page.goto(`${base}/entities/${nuri}`);
    await page.getByLabel("Another entity (name or id)").fill("Chaderchi");
    await page.getByRole("button", { name: "Preview" }).click();
    await page.getByRole("button", { name: /^Merge Chaderchi into/ }).click();
    await expect.poll(() => annals.entity("Chaderchi")?.id, { timeout: 15_000 }).toBe(nuri);
    expect(annals.decisions().at(-1)?.user).toBe("maria");

    await page.getByRole("button", { name: "Log out" }).click();
    await page.getByLabel("User name or email").waitFor({ timeout: 15_000 });
  }, 120_000);

  it("with a session, uploads several files and downloads an export", async () => {
    await page.goto(`${base}/`);
    await page.getByLabel("User name or email").fill("maria");
    await page.getByLabel("Password").fill("maria's password");
    await page.getByRole("button", { name: "Log in" }).click();
    await page.locator(".account", { hasText: "maria" }).waitFor({ timeout: 15_000 });
    await page.locator("#file").setInputFiles([
      { name: "session-note.txt", mimeType: "text/plain", buffer: Buffer.from("A note on Mosul in March 1959.\n") },
      { name: "session-empty.txt", mimeType: "text/plain", buffer: Buffer.alloc(0) },
    ]);
    await page.getByRole("button", { name: "Add 2 files" }).click();
    await expect
      .poll(() => page.locator('.upload [role="status"]').textContent(), { timeout: 60_000 })
      .toBe("2 files: 1 added, 1 failed.");
    expect(annals.documents().some((d) => d.path.endsWith("session-note.txt"))).toBe(true);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "GEXF (Gephi)" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("annals-network.gexf");
    // Without the session the same URL is refused: the download went with it.
    expect((await app.inject({ url: "/api/export?format=gexf" })).statusCode).toBe(401);
  }, 120_000);
}
