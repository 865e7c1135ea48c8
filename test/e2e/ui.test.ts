import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { Annals } from "../../src/annals.js";
import { buildApp } from "../../src/interfaces/http/app.js";
import { ensureWebBuild } from "../../web/build.mjs";
import { ROOT, tempDir } from "../helpers/cli.js";
import { describeInChromium, serveAndBrowse } from "./browser.js";

/**
 * The web UI in Debian's chromium, driven by playwright-core, against the real server on a free
 * loopback port over the seeds and a hostile document. Screenshots go to test-output/screenshots/.
 */

const SCREENSHOTS = join(ROOT, "test-output/screenshots");
const SIZES = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } } as const;

const HOSTILE_MD = `---
title: "<img src=x onerror=\\"window.__pwned=1;alert('title')\\"> Hostile dossier"
date: 1963-07-04
---

# A hostile dossier about Baghdad

<script>window.__pwned = 1; alert("script")</script>

An agent wrote <img src=x onerror="window.__pwned=1;alert('img')"> beside the name of Qasim in Baghdad.

Read [the full report](javascript:window.__pwned=1;alert('link')) or <a href="javascript:alert('a')">this</a>.

<iframe src="https://evil.example/frame"></iframe> <link rel="stylesheet" href="https://evil.example/x.css">
<svg onload="window.__pwned=1;alert('svg')"></svg>

The zanzibarquokka marker closes the dossier, <b onmouseover="alert('b')">in bold</b>.
`;

const HOSTILE_TXT = `Field report from Mosul, written in 1963 by an informant whose notes were typed into a web form.
The informant typed <script>window.__pwned=1;alert(1)</script> into the first field of the form and the clerk kept it verbatim.
Then the note said <img src=x onerror="window.__pwned=1;alert(2)"> beside the name of Qasim. The quokkaplain marker ends it.
`;

/** Escaped markup in HTML becomes literal "<script>" and "<img …>" in the document's text, and so in snippets. */
const HOSTILE_HTML = `<!doctype html><html><head><title>&lt;img src=x onerror=alert(9)&gt; Escaped dossier</title></head><body>
<h1>Escaped dossier</h1>
<p>The quokkaescaped clerk wrote &lt;script&gt;window.__pwned=1;alert(1)&lt;/script&gt; and &lt;img src=x onerror="window.__pwned=1;alert(2)"&gt; beside the name of Qasim in Baghdad.</p>
<p>See <a href="javascript:window.__pwned=1;alert(3)">the annex</a>.</p>
<script>window.__pwned=1;alert(4)</script>
</body></html>`;

describeInChromium("the web UI in chromium", browserScenarios);

function browserScenarios(): void {
  let annals: Annals;
  let app: FastifyInstance;
  let base: string;
  let context: BrowserContext;
  let page: Page;
  const dialogs: string[] = [];
  const consoleErrors: string[] = [];
  const outside: string[] = [];

  beforeAll(async () => {
    ensureWebBuild();
    mkdirSync(SCREENSHOTS, { recursive: true });
    const dir = tempDir("annals-e2e-");
    const hostile = join(dir, "hostile");
    mkdirSync(hostile);
    writeFileSync(join(hostile, "hostile.md"), HOSTILE_MD);
    writeFileSync(join(hostile, "hostile.txt"), HOSTILE_TXT);
    writeFileSync(join(hostile, "hostile.html"), HOSTILE_HTML);
    annals = Annals.open(join(dir, "kb.db"));
    const report = await annals.add([join(ROOT, "examples/seeds"), hostile], { workers: 0 });
    expect(report.failed).toEqual([]);
    app = await buildApp(annals, { host: "127.0.0.1", uploadDir: join(dir, "uploads"), ingestWorkers: 0 });
    ({ base, context, page } = await serveAndBrowse(app, dir, SIZES.desktop));
    // Nothing may leave this machine: every request to another host fails.
    await context.route("**", (route) => {
      const url = new URL(route.request().url());
      if (url.protocol === "data:" || (url.hostname === "127.0.0.1" && url.origin === base)) return route.continue();
      outside.push(url.href);
      return route.abort();
    });
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on("console", (message) => {
      if (message.type() === "error") consoleErrors.push(message.text());
    });
    page.on("pageerror", (error) => consoleErrors.push(error.message));
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await app?.close();
    annals?.close();
  });

  async function open(path: string, ready: string): Promise<void> {
    await page.goto(base + path);
    await page.locator(ready).first().waitFor({ timeout: 15_000 });
  }

  /** A screenshot at 1280×800 and one at phone width, then back to desktop. */
  async function shoot(name: string, ready?: string): Promise<void> {
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-desktop.png`), fullPage: false });
    await page.setViewportSize(SIZES.phone);
    if (ready) await page.locator(ready).first().waitFor();
    await page.waitForTimeout(150);
    // The page must not scroll sideways; when it does, name the elements that stick out.
    const overflowing = await page.evaluate<string[]>(`document.documentElement.scrollWidth <= window.innerWidth + 1
      ? []
      : [...document.querySelectorAll("body *")]
          .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
          .map((el) => el.tagName.toLowerCase() + "." + el.className)`);
    expect(overflowing, `${name} scrolls sideways at phone width`).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-phone.png`), fullPage: false });
    await page.setViewportSize(SIZES.desktop);
  }

  it("search: Kassem lists passages from all four seeds, with highlights", async () => {
    await open("/search?q=Kassem", ".hit");
    await page.locator("text=passages").first().waitFor();
    // Every page of hits: the seeds are found whichever page they rank on.
    const seeds = new Set<string>();
    for (let pages = 0; pages < 10; pages++) {
      for (const text of await page.locator(".hit .small").allTextContents()) seeds.add(text.trim().slice(0, 3));
      const next = page.getByRole("link", { name: "Next →" });
      if ((await next.count()) === 0) break;
      await next.click();
      await page.waitForURL(/offset=/);
      await page.locator(".hit").first().waitFor();
    }
    expect([...seeds].filter((s) => /^\d{3}$/.test(s)).sort()).toEqual(["000", "001", "002", "003"]);
    await page.goto(`${base}/search?q=Kassem`);
    await page.locator(".hit mark").first().waitFor();
    expect((await page.locator(".hit mark").first().textContent())?.toLowerCase()).toMatch(/q|k/);
    // Keyboard: the arrow keys walk the results, Enter opens one.
    await page.locator(".hit a[data-item]").first().focus();
    await page.keyboard.press("ArrowDown");
    const focused = await page.evaluate<string | null>('document.activeElement?.getAttribute("href")');
    expect(focused).toMatch(/^\/documents\//);
    await shoot("search-kassem", ".hit");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/documents\//);
    await page.locator("#cited").waitFor();
  });

  it("search facets count the query's passages and re-count when a kind is chosen", async () => {
    await open("/search?q=Qasim", ".facets fieldset:first-of-type label.check");
    const status = page.locator("#result-count");
    await status.waitFor();
    const total = Number(/\d+/.exec((await status.textContent()) ?? "")![0]);
    const kinds = page.locator(".facets fieldset").first().locator("label.check");
    const counts = (await kinds.allTextContents()).map((t) => Number(/\((\d+)\)/.exec(t)![1]));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(total);
    const chosen = counts[0]!;
    await kinds.first().locator("input").check();
    await page.waitForURL(/kind=/);
    await expect
      .poll(async () => (await status.textContent()) ?? "", { timeout: 15_000 })
      .toMatch(new RegExp(`^${chosen} passage`));
    // The documents' counts of the chosen kind add up to its count once the facets are counted again.
    const perDocument = async () =>
      (await page.locator("#facet-document option").allTextContents())
        .slice(1)
        .reduce((n, t) => n + Number(/\((\d+)\)$/.exec(t)![1]), 0);
    await expect.poll(perDocument, { timeout: 15_000 }).toBe(chosen);
    await shoot("search-facets", ".facets .check .muted");
  });

  it("the Ar-Rashid revolt card shows 3 July 1963 and both strength values with their sources", async () => {
    await open("/events/Ar-Rashid%20revolt", ".card-fields");
    await expect.poll(() => page.locator(".event-date").textContent()).toContain("3 July 1963");
    const strength = page.locator('tr[data-field^="strength"]');
    const text = (await strength.allTextContents()).join(" ");
    expect(text).toMatch(/300\s*[–-]\s*2,000/);
    expect(text).toMatch(/(^|[^–\d,])2,000/);
    expect(await page.locator('tr[data-field^="strength"] figcaption a').count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator("tr.disputed").count()).toBeGreaterThan(0);
    await shoot("event-ar-rashid", ".card-fields");
  });

  it("the timeline shows the seed events in order, month/season/year dates as ranges", async () => {
    await open("/timeline?period=all", ".vis-item");
    const items = await page.locator(".event-list li").evaluateAll((lis) =>
      lis.map((li) => ({
        date: li.querySelector("time")?.getAttribute("datetime") ?? "",
        label: li.textContent ?? "",
      })),
    );
    const dates = items.map((i) => i.date).filter(Boolean);
    expect([...dates].sort()).toEqual(dates);
    const at = (pattern: RegExp) => items.findIndex((i) => pattern.test(i.label));
    const order = [/14 July Revolution/i, /Ar-Rashid/i, /November 1963/i].map(at);
    expect(
      order.every((i) => i >= 0),
      JSON.stringify(items.map((i) => i.label)),
    ).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(await page.locator(".vis-item").count()).toBeGreaterThan(3);
    expect(await page.locator(".vis-item.vis-range").count()).toBeGreaterThan(0);
    await shoot("timeline", ".vis-item");
  });

  /** The page's canvas keeps its drawing on the container (web/src/graph-draw.ts: NetworkCanvas). */
  const NETWORK = `document.querySelector(".graph-canvas").network`;

  it("the network renders and clicking an edge shows its quote", async () => {
    await open("/graph", '.graph-canvas[data-ready="true"] canvas');
    // The middle of a listed link that no actor covers: a click there hits the link.
    const point = await page.evaluate<{ x: number; y: number } | null>(`(() => {
      const network = ${NETWORK};
      for (const a of document.querySelectorAll(".edge-list a[data-edge-id]")) {
        const id = a.dataset.edgeId;
        const at = network.clientPoint(id);
        const hit = at && network.hitAt(at.x, at.y);
        if (hit && hit.kind === "edge" && hit.id === id) return at;
      }
      return null;
    })()`);
    expect(point).not.toBeNull();
    await page.mouse.move(point!.x, point!.y);
    expect(await page.evaluate<string>(`document.querySelector(".graph-canvas canvas").style.cursor`)).toBe("pointer");
    await page.mouse.click(point!.x, point!.y);
    await page.waitForURL(/edge=/);
    const quote = page.locator(".edge-evidence blockquote").first();
    await quote.waitFor();
    expect(((await quote.textContent()) ?? "").length).toBeGreaterThan(10);
    await shoot("network-edge", ".edge-evidence");
  });

  it("the network refits when its window changes size, and the wheel zooms about the pointer", async () => {
    await open("/graph", '.graph-canvas[data-ready="true"] canvas');
    const inside = () =>
      page.evaluate<{ outside: number; nodes: number; width: number }>(`(() => {
        const network = ${NETWORK};
        const box = document.querySelector(".graph-canvas").getBoundingClientRect();
        const points = network.nodes.map((n) => network.clientPoint(n.id));
        const outside = points.filter((p) => p.x < box.left || p.x > box.right || p.y < box.top || p.y > box.bottom);
        return { outside: outside.length, nodes: points.length, width: box.width };
      })()`);
    const wide = await inside();
    expect(wide.nodes).toBeGreaterThan(2);
    expect(wide.outside).toBe(0);
    await page.setViewportSize({ width: 700, height: 800 });
    await page.waitForFunction(
      `document.querySelector(".graph-canvas").getBoundingClientRect().width < ${wide.width - 100}`,
    );
    await page.waitForTimeout(100);
    expect((await inside()).outside).toBe(0);
    await page.setViewportSize(SIZES.desktop);
    await page.waitForTimeout(100);
    const id = await page.evaluate<string>(`${NETWORK}.nodes[0].id`);
    const before = await page.evaluate<{ x: number; y: number }>(`${NETWORK}.clientPoint(${JSON.stringify(id)})`);
    const box = (await page.locator(".graph-canvas canvas").boundingBox())!;
    const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    await page.mouse.move(centre.x, centre.y);
    await page.mouse.wheel(0, -400);
    await page.waitForTimeout(100);
    const after = await page.evaluate<{ x: number; y: number }>(`${NETWORK}.clientPoint(${JSON.stringify(id)})`);
    const from = (p: { x: number; y: number }) => Math.hypot(p.x - centre.x, p.y - centre.y);
    expect(from(after)).toBeGreaterThan(from(before) * 1.5);
  });

  it("the network's name search draws one actor's neighbourhood and a click on an actor opens its page", async () => {
    await open("/graph", '.graph-canvas[data-ready="true"] canvas');
    await page.getByLabel("Name").fill("Kassem");
    await page.getByRole("button", { name: "Show" }).click();
    await page.waitForURL(/q=Kassem/);
    await page.locator('.graph-canvas[data-ready="true"] canvas').first().waitFor();
    const links = await page.locator(".edge-list a").allTextContents();
    expect(links.length).toBeGreaterThan(0);
    expect(
      links.every((text) => /Qasim/.test(text)),
      links.join(" | "),
    ).toBe(true);
    const point = await page.evaluate<{ x: number; y: number; name: string } | null>(`(() => {
      const network = ${NETWORK};
      const node = network.nodes.find((n) => /Qasim/.test(n.name));
      return node ? { ...network.clientPoint(node.id), name: node.name } : null;
    })()`);
    expect(point).not.toBeNull();
    await page.mouse.click(point!.x, point!.y);
    await page.waitForURL(/\/entities\//);
    await page.getByRole("heading", { name: point!.name }).first().waitFor();
    await open("/graph?type=person", '.graph-canvas[data-ready="true"] canvas');
    expect(await page.getByRole("checkbox", { name: "organization" }).isChecked()).toBe(false);
    await shoot("network-people", ".graph-canvas canvas");
  });

  it("the reader marks mentions as links and compare shows 000 against 001", async () => {
    const documents = (await (await fetch(`${base}/api/documents`)).json()) as {
      id: string;
      path: string;
      derivedFrom?: { id: string };
    }[];
    const derived = documents.find((d) => d.path.split("/").pop()!.startsWith("000"))!;
    await open(`/documents/${encodeURIComponent(derived.derivedFrom!.id)}`, "a.mention");
    expect(await page.locator("a.mention.m-person").count()).toBeGreaterThan(3);
    await shoot("reader-001", "a.mention");
    await open(
      `/compare?a=${encodeURIComponent(derived.id)}&b=${encodeURIComponent(derived.derivedFrom!.id)}`,
      ".compare ins",
    );
    expect(await page.locator(".compare del").count()).toBeGreaterThan(0);
    await shoot("compare-000-001", ".compare");
  });

  it("a hostile document runs no script and its markup shows as text", async () => {
    const documents = (await (await fetch(`${base}/api/documents`)).json()) as { id: string; path: string }[];
    for (const name of ["hostile.md", "hostile.txt", "hostile.html"]) {
      const doc = documents.find((d) => d.path.endsWith(name))!;
      const view = (await (await fetch(`${base}/api/documents/${encodeURIComponent(doc.id)}`)).json()) as {
        text: string;
        title: string;
      };
      await open(`/documents/${encodeURIComponent(doc.id)}`, ".doc-text");
      await page.waitForTimeout(200);
      // The page shows exactly the stored text and title, as text.
      expect(await page.locator(".doc-text").textContent()).toBe(view.text);
      if (name.endsWith(".html")) expect(view.text).toContain('<img src=x onerror="window.__pwned=1;alert(2)">');
      if (name.endsWith(".md")) expect(view.title).toContain("<img src=x onerror=");
      expect(await page.locator("h1").textContent()).toBe(view.title);
      const injected =
        ".doc-text *:not(a.mention, span.mention, mark, span.anchor), main script, main img, main iframe";
      expect(await page.locator(injected).count()).toBe(0);
      expect(await page.locator("main a[href^='javascript'], main [onerror], main [onload]").count()).toBe(0);
    }
    await shoot("hostile-document", ".doc-text");
    await open("/search?q=zanzibarquokka", ".hit");
    await open("/search?q=quokkaplain", ".hit");
    // The snippet holds the escaped markup: it must show as text, with only the match in <mark>.
    await open("/search?q=quokkaescaped", ".hit mark");
    expect(await page.locator(".hit .snippet").textContent()).toContain("<script>window.__pwned=1;alert(1)</script>");
    expect(await page.locator(".hit .snippet *:not(mark)").count()).toBe(0);
    await shoot("hostile-search", ".hit");
    expect(await page.locator(".hit img, .hit script").count()).toBe(0);
    expect(await page.evaluate<unknown>("window.__pwned")).toBeUndefined();
    expect(dialogs).toEqual([]);
  });

  it("is keyboard navigable: a skip link leads to the content", async () => {
    await open("/", "#documents-heading");
    await page.keyboard.press("Tab");
    expect(await page.evaluate<string>("document.activeElement?.textContent")).toBe("Skip to content");
    await page.keyboard.press("Enter");
    expect(await page.evaluate<string>("document.activeElement?.id")).toBe("main");
    await shoot("home", "#documents-heading");
  });

  it("filters the documents on the start page by file name", async () => {
    await open("/", "#documents-heading");
    await page.locator(".cards .card").first().waitFor();
    const before = await page.locator(".cards .card").count();
    await page.locator('input[name="text"]').fill("hostile");
    await page.locator('form[aria-label="Filter the documents"] button').click();
    await expect.poll(() => page.url()).toContain("text=hostile");
    // The list is replaced when the filtered page arrives: wait for it rather than read the old one.
    const paths = () => page.locator(".cards .card .muted").allTextContents();
    const filtered = (texts: string[]) => texts.length > 0 && texts.every((text) => /hostile/.test(text));
    await expect.poll(async () => filtered(await paths())).toBe(true);
    expect((await paths()).length).toBeLessThan(before);
  });

  it("made no request outside localhost and logged no error", () => {
    expect(outside).toEqual([]);
    expect(consoleErrors).toEqual([]);
    expect(dialogs).toEqual([]);
  });
}
