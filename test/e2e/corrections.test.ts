import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { Annals } from "../../src/annals.js";
import { buildApp } from "../../src/interfaces/http/app.js";
import { ensureWebBuild } from "../../web/build.mjs";
import { SEEDS } from "../http/helpers.js";
import { tempDir } from "../helpers/cli.js";
import { describeInChromium, serveAndBrowse } from "./browser.js";

/** A merge from the entity page with its preview, then its undo from the Corrections page, in chromium. */
describeInChromium("corrections in the web UI", scenario);

function scenario(): void {
  let annals: Annals;
  let app: FastifyInstance;
  let base: string;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ensureWebBuild();
    const dir = tempDir("annals-e2e-corrections-");
    annals = Annals.open(join(dir, "kb.db"));
    expect((await annals.add(SEEDS, { workers: 0 })).failed).toEqual([]);
    app = await buildApp(annals, { host: "127.0.0.1" });
    ({ base, context, page } = await serveAndBrowse(app, dir));
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    await app?.close();
    annals?.close();
  });

  it("merges an entity after previewing what moves, and undoes the merge", async () => {
    const nuri = annals.entity("Nuri As-Said")!.id;
    const chaderchi = annals.entity("Chaderchi")!.id;
    await page.goto(`${base}/entities/${nuri}`);
    await page.getByLabel("Another entity (name or id)").fill("Chaderchi");
    await page.getByRole("button", { name: "Preview" }).click();
    await expect.poll(() => page.locator(".preview").textContent(), { timeout: 15_000 }).toMatch(/Chaderchi/);
    await page.getByRole("button", { name: /^Merge Chaderchi into/ }).click();
    await expect.poll(() => annals.entity("Chaderchi")?.id, { timeout: 15_000 }).toBe(nuri);
    await page.locator(".merge-reasons li", { hasText: "user:" }).first().waitFor({ timeout: 15_000 });

    await page.goto(`${base}/decisions`);
    await page.getByRole("button", { name: "Undo" }).click();
    await expect.poll(() => annals.entity("Chaderchi")?.id, { timeout: 15_000 }).toBe(chaderchi);
    await page.locator('li[data-status="undone"]').waitFor({ timeout: 15_000 });
  }, 120_000);
}
