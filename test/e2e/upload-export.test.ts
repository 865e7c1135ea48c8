import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { Annals } from "../../src/annals.js";
import { buildApp } from "../../src/interfaces/http/app.js";
import { ensureWebBuild } from "../../web/build.mjs";
import { ROOT, tempDir } from "../helpers/cli.js";
import { SEEDS } from "../http/helpers.js";
import { describeInChromium, serveAndBrowse, type Browsing } from "./browser.js";

/**
 * The start page's upload of several files, the export links and the compare view's paged lists, in
 * chromium against the real server.
 */

const SCREENSHOTS = join(ROOT, "test-output/screenshots");

const NOTE_A = "The Ar-Rashid revolt of 3 July 1963 was crushed in Baghdad by units loyal to the government.\n";
const NOTE_B = "In November 1963 the National Guard was disbanded after a second coup in Baghdad.\n";

describeInChromium("uploads and exports in the web UI", scenarios);

function scenarios(): void {
  let annals: Annals;
  let app: FastifyInstance;
  let browsing: Browsing;
  let page: Page;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    ensureWebBuild();
    mkdirSync(SCREENSHOTS, { recursive: true });
    const dir = tempDir("annals-e2e-upload-");
    annals = Annals.open(join(dir, "kb.db"));
    // Enough documents that the compare view's pickers have more than one page.
    const fillers = Array.from({ length: 8 }, (_, i) => {
      const path = join(dir, `filler-${i + 1}.txt`);
      writeFileSync(path, `Filler note ${i + 1} on the archive of a ministry in Baghdad, item ${i * 37 + 11}.\n`);
      return path;
    });
    await annals.add([...SEEDS, ...fillers], { workers: 0 });
    app = await buildApp(annals, { host: "127.0.0.1", uploadDir: join(dir, "uploads"), ingestWorkers: 0 });
    browsing = await serveAndBrowse(app, dir);
    page = browsing.page;
    page.on("console", (message) => {
      // The browser logs the refused file's 422 answer, which the test asks for.
      if (message.type() === "error" && !/status of 422/.test(message.text())) consoleErrors.push(message.text());
    });
    page.on("pageerror", (error) => consoleErrors.push(error.message));
  }, 120_000);

  afterAll(async () => {
    await browsing?.context.close();
    await app?.close();
    annals?.close();
  });

  const outcomes = () => page.locator(".upload-item").allTextContents();
  const progress = async (selector: string) =>
    Promise.all(
      (await page.locator(selector).all()).map(async (bar) => ({
        value: Number(await bar.getAttribute("value")),
        max: Number(await bar.getAttribute("max")),
      })),
    );

  it("adds several chosen files, a progress bar each and overall, and says why the bad one failed", async () => {
    await page.goto(`${browsing.base}/`);
    await page.locator("#file").setInputFiles([
      { name: "revolt-note.txt", mimeType: "text/plain", buffer: Buffer.from(NOTE_A) },
      { name: "empty.txt", mimeType: "text/plain", buffer: Buffer.alloc(0) },
      { name: "guard-note.txt", mimeType: "text/plain", buffer: Buffer.from(NOTE_B) },
    ]);
    await page.getByRole("button", { name: "Add 3 files" }).click();
    await expect
      .poll(() => page.locator('.upload [role="status"]').textContent(), { timeout: 60_000 })
      .toMatch(/^3 files: 2 added, 1 failed\.$/);
    const rows = await outcomes();
    expect(rows[0]).toMatch(/^revolt-note\.txt\s*added$/);
    expect(rows[1]).toMatch(/^empty\.txt\s*failed: .*empty/);
    expect(rows[2]).toMatch(/^guard-note\.txt\s*added$/);
    for (const bar of await progress(".upload-item progress")) expect(bar.value).toBe(bar.max);
    const [total] = await progress("#upload-total");
    expect(total!.value).toBe(total!.max);
    expect(total!.max).toBe(NOTE_A.length + 1 + NOTE_B.length);
    // Each bar is named by its file for screen readers.
    expect(await page.getByLabel("guard-note.txt").evaluate((bar) => bar.tagName)).toBe("PROGRESS");
    await page.locator("form.upload").screenshot({ path: join(SCREENSHOTS, "upload-several.png") });
    // The document list is loaded again and shows the new files.
    await expect.poll(() => page.locator(".cards").textContent()).toContain("guard-note.txt");
    expect(annals.documents().map((d) => d.path.split("/").pop())).toEqual(
      expect.arrayContaining(["revolt-note.txt", "guard-note.txt"]),
    );
  });

  it("adds files dropped on the form; an unchanged file says so", async () => {
    await page.goto(`${browsing.base}/`);
    const files = [
      { name: "revolt-note.txt", text: NOTE_A },
      { name: "dropped.md", text: "# Dropped\n\nA note on the Ba'ath Party in Damascus, 1963.\n" },
    ];
    const dropped = await page.evaluateHandle(`(() => {
      const transfer = new DataTransfer();
      for (const f of ${JSON.stringify(files)}) transfer.items.add(new File([f.text], f.name, { type: "text/plain" }));
      return transfer;
    })()`);
    await page.locator("form.upload").dispatchEvent("drop", { dataTransfer: dropped });
    await page.getByRole("button", { name: "Add 2 files" }).click();
    await expect
      .poll(() => page.locator('.upload [role="status"]').textContent(), { timeout: 60_000 })
      .toMatch(/^2 files: 1 added, 1 unchanged\.$/);
    expect(await outcomes()).toEqual([expect.stringMatching(/unchanged$/), expect.stringMatching(/added$/)]);
  });

  it("downloads the network as GEXF and the entities as CSV from their pages", async () => {
    await page.goto(`${browsing.base}/graph`);
    const [gexf] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "GEXF (Gephi)" }).click(),
    ]);
    expect(gexf.suggestedFilename()).toBe("annals-network.gexf");
    const xml = readFileSync((await gexf.path())!, "utf8");
    expect(xml.match(/<node /g)).toHaveLength(annals.graph().nodes.length);
    await expect
      .poll(() => page.locator(".export-links [role=status]").textContent())
      .toBe("Downloaded annals-network.gexf.");

    await page.goto(`${browsing.base}/entities`);
    const [csv] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "entities (CSV)" }).click(),
    ]);
    expect(csv.suggestedFilename()).toBe("entities.csv");
    const lines = readFileSync((await csv.path())!, "utf8")
      .trimEnd()
      .split("\r\n");
    expect(lines).toHaveLength(annals.entities().length + 1);
  });

  it("the timeline's links export the events its filter shows", async () => {
    const place = annals.events().find((e) => e.place)!.place!;
    await page.goto(`${browsing.base}/timeline?place=${encodeURIComponent(place)}`);
    const link = page
      .getByRole("group", { name: "Download the events the filter keeps" })
      .getByRole("link", { name: "events (CSV)" });
    const href = (await link.getAttribute("href"))!;
    expect(new URL(href, browsing.base).searchParams.get("place")).toBe(place);
    const [csv] = await Promise.all([page.waitForEvent("download"), link.click()]);
    const rows = readFileSync((await csv.path())!, "utf8")
      .trimEnd()
      .split("\r\n")
      .slice(1);
    const passing = annals.filteredEvents({ place }, { limit: 10_000, offset: 0 });
    expect(rows.map((row) => row.split(",")[0])).toEqual(passing.items.map((e) => e.id));
    await page.locator(".event-list li").first().waitFor();
    const shown = await Promise.all(
      (await page.locator(".event-list li").all()).map((item) => item.getAttribute("data-event-id")),
    );
    expect(shown.sort()).toEqual(passing.items.map((e) => e.id).sort());
  });

  it("offers every export format on the start page, each link naming a valid export", async () => {
    await page.goto(`${browsing.base}/`);
    const links = await page.getByRole("group", { name: "The whole knowledge base" }).getByRole("link").all();
    const hrefs = await Promise.all(links.map(async (link) => (await link.getAttribute("href"))!));
    expect(hrefs.length).toBe(12);
    await page.locator("#download-heading").scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, "home-download.png") });
    for (const href of hrefs) {
      const response = await app.inject({ url: href });
      expect(response.statusCode, href).toBe(200);
      expect(response.headers["content-disposition"], href).toMatch(/^attachment; filename="/);
    }
  });

  it("compare: filters the pairs, and picks two documents by typing, page by page, keeping them in the URL", async () => {
    await page.goto(`${browsing.base}/compare`);
    const pairs = page.locator(".pairs li");
    await pairs.first().waitFor();
    expect(await pairs.allTextContents()).toEqual([expect.stringMatching(/^000_\S+ derived from 001_\S+ similarity/)]);
    await page.getByLabel("Title or file name of either").fill("filler");
    await page.getByRole("button", { name: "Filter" }).click();
    await page.getByText("No pair matches.").waitFor();
    expect(page.url()).toContain("find=filler");

    const left = page.locator("fieldset.picker").first();
    const right = page.locator("fieldset.picker").nth(1);
    const total = annals.documents().length;
    await expect.poll(() => left.getByRole("status").textContent()).toBe(`1–8 of ${total} documents`);
    await left.getByRole("button", { name: "Next" }).click();
    await expect
      .poll(() => left.getByRole("status").textContent())
      .toBe(`9–${Math.min(16, total)} of ${total} documents`);
    await left.getByLabel("Find by title or file name").fill("ar-rashid");
    await expect.poll(() => left.getByRole("status").textContent()).toBe("1–1 of 1 document");
    await left.getByRole("button", { name: /Ar-Rashid revolt/ }).click();
    await expect.poll(() => page.url()).toMatch(/[?&]a=\w+/);
    await right.getByLabel("Find by title or file name").fill("000_");
    await expect.poll(() => right.getByRole("status").textContent()).toBe("1–1 of 1 document");
    await right.getByRole("button", { name: /000_/ }).click();
    await page.locator(".compare del").first().waitFor();
    expect(await left.getByRole("button", { name: /Ar-Rashid revolt/ }).getAttribute("aria-pressed")).toBe("true");
    const url = new URL(page.url());
    expect(url.searchParams.get("find")).toBe("filler");
    await page.screenshot({ path: join(SCREENSHOTS, "compare-pickers.png"), fullPage: true });
    // The pair survives a reload: it is in the URL.
    await page.reload();
    await page.locator(".compare ins").first().waitFor();
    expect(await page.locator("#left-heading").textContent()).toContain("Ar-Rashid revolt");
  });

  it("logged no error", () => {
    expect(consoleErrors).toEqual([]);
  });
}
