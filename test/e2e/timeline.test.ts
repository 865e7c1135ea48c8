import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { Annals } from "../../src/annals.js";
import { buildApp } from "../../src/interfaces/http/app.js";
import type { TimelineOverview } from "../../src/views/timeline.js";
import { ensureWebBuild } from "../../web/build.mjs";
import { ROOT, tempDir } from "../helpers/cli.js";
import { describeInChromium, serveAndBrowse } from "./browser.js";

/**
 * The timeline in chromium over the seeds (a few dated events, some undated) and a generated table of
 * 130 events in 1961, more than one page of the list, so 1961 is the densest year.
 */

const COUNTRIES = ["Iraq", "Syria", "Jordan", "Egypt", "Lebanon"];
const TABLE_ROWS = 130;

function eventTable(): string {
  const rows = ["country,date,event_type"];
  for (let i = 0; i < TABLE_ROWS; i++) {
    const month = String(1 + (i % 12)).padStart(2, "0");
    const day = String(1 + (i % 28)).padStart(2, "0");
    rows.push(`${COUNTRIES[i % COUNTRIES.length]},1961-${month}-${day},coup`);
  }
  return rows.join("\n") + "\n";
}

describeInChromium("the timeline in chromium", () => {
  let annals: Annals;
  let app: FastifyInstance;
  let base: string;
  let context: BrowserContext;
  let page: Page;
  let years: TimelineOverview;

  beforeAll(async () => {
    ensureWebBuild();
    const dir = tempDir("annals-e2e-timeline-");
    writeFileSync(join(dir, "events-1961.csv"), eventTable());
    annals = Annals.open(join(dir, "kb.db"));
    const seeds = join(ROOT, "test/fixtures/seeds");
    const seedFiles = readdirSync(seeds)
      .filter((name) => name.endsWith(".txt"))
      .map((name) => join(seeds, name));
    const report = await annals.add([...seedFiles, join(dir, "events-1961.csv")], { workers: 0 });
    expect(report.failed).toEqual([]);
    years = annals.timeline({}, "year");
    app = await buildApp(annals, { host: "127.0.0.1", uploadDir: join(dir, "uploads"), ingestWorkers: 0 });
    ({ base, context, page } = await serveAndBrowse(app, dir, { width: 1280, height: 800 }));
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await app?.close();
    annals?.close();
  });

  const status = () => page.locator(".list-status").first();

  it("opens on the densest year by month and pages its events by 100", async () => {
    expect(years.densest).toBe("1961");
    await page.goto(`${base}/timeline`);
    await page.waitForURL(/period=1961/);
    const months = page.locator(".timeline-axis a.bucket");
    await expect.poll(() => months.count()).toBe(12);
    const total = annals.filteredEvents({ from: "1961", to: "1961", dated: true }, { limit: 1, offset: 0 }).total;
    expect(total).toBeGreaterThan(100);
    await expect.poll(() => status().textContent()).toContain(`Events 1–100 of ${total} in 1961`);
    expect(await page.locator(".event-list li").count()).toBe(100);
    await page.getByRole("link", { name: "Next →" }).click();
    await page.waitForURL(/offset=100/);
    await expect.poll(() => status().textContent()).toContain(`Events 101–${total} of ${total}`);
    expect(await page.locator(".event-list li").count()).toBe(total - 100);
    await page.getByRole("link", { name: "← Previous" }).click();
    await expect.poll(() => page.locator(".event-list li").count()).toBe(100);
  });

  it("zooms in on a click of a month, out with the zoom-out link, and back with the browser", async () => {
    await page.goto(`${base}/timeline?period=1961`);
    const march = annals.timeline({ from: "1961", to: "1961" }, "month").buckets.find((b) => b.period === "1961-03")!;
    await page.getByRole("link", { name: `March 1961: ${march.count} events` }).click();
    await page.waitForURL(/period=1961-03/);
    await expect.poll(() => status().textContent()).toContain(`of ${march.count} in March 1961`);
    const days = await page
      .locator(".timeline-axis li[data-period]")
      .evaluateAll((lis) => lis.map((li) => li.getAttribute("data-period") ?? ""));
    expect(days.length).toBeGreaterThan(1);
    expect(days.every((d) => /^1961-03-\d\d$/.test(d))).toBe(true);
    await page.getByRole("link", { name: "Zoom out to 1961" }).click();
    await page.waitForURL(/period=1961(&|$)/);
    await expect.poll(() => page.locator(".timeline-axis a.bucket").count()).toBe(12);
    await page.goBack();
    await page.waitForURL(/period=1961-03/);
    await expect.poll(() => status().textContent()).toContain("March 1961");
  });

  it("zooms in from the keyboard and keeps the focus on the axis", async () => {
    await page.goto(`${base}/timeline?period=1961`);
    const april = page.locator('.timeline-axis li[data-period="1961-04"] a');
    await april.focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(/period=1961-04/);
    await expect
      .poll(() => page.evaluate<string | null>('document.activeElement?.closest("li")?.getAttribute("data-period")'))
      .toMatch(/^1961-04-\d\d$/);
  });

  it("shows the undated count and lists the undated events", async () => {
    expect(years.undated).toBeGreaterThan(0);
    await page.goto(`${base}/timeline`);
    const count = page.locator(".undated-count");
    await expect.poll(() => count.textContent()).toBe(`${years.undated} event${years.undated === 1 ? "" : "s"}`);
    await page.getByRole("link", { name: "list them" }).click();
    const undated = page.locator('section[aria-labelledby="undated-heading"] .event-list li');
    await expect.poll(() => undated.count()).toBe(Math.min(100, years.undated));
    expect(await undated.locator("time").first().textContent()).toBe("undated");
  });

  it("a place filter re-counts the axis and the list", async () => {
    await page.goto(`${base}/timeline`);
    await page.waitForURL(/period=1961/);
    await page.getByLabel("Place").selectOption({ value: "Iraq" });
    await page.getByRole("button", { name: "Filter" }).click();
    await page.waitForURL(/place=Iraq/);
    const iraq = annals.timeline({ place: "Iraq" }, "year");
    await page.waitForURL(new RegExp(`period=${iraq.densest}`));
    const inYear = annals.filteredEvents(
      { place: "Iraq", from: iraq.densest!, to: iraq.densest!, dated: true },
      { limit: 1, offset: 0 },
    ).total;
    await expect.poll(() => status().textContent()).toContain(`of ${inYear} in ${iraq.densest}`);
    const counts = await page.locator(".timeline-axis .bucket-count").allTextContents();
    expect(counts.reduce((n, c) => n + Number(c), 0)).toBe(
      annals.timeline({ place: "Iraq", from: iraq.densest!, to: iraq.densest! }, "month").dated,
    );
  });
});
