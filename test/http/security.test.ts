import { describe, expect, it } from "vitest";
import { buildApp } from "../../src/interfaces/http/app.js";
import type { KnowledgeBase } from "../../src/interfaces/http/knowledge-base.js";
import { NO_ACCOUNTS_MARK } from "../../src/interfaces/http/static.js";
import { useSeededApp, type ErrorJson } from "./helpers.js";

const s = useSeededApp();

const get = (url: string, headers: Record<string, string> = {}) => s.app.inject({ method: "GET", url, headers });

describe("security headers", () => {
  it("are on API answers, pages, assets and errors", async () => {
    for (const url of ["/api/documents", "/", "/search?q=x", "/assets/app-1234.js", "/api/nothing", "/api/search"]) {
      const response = await get(url);
      const csp = response.headers["content-security-policy"] as string;
      expect(csp, url).toContain("default-src 'self'");
      expect(csp, url).toContain("frame-ancestors 'none'");
      expect(csp, url).toContain("script-src 'self'");
      expect(csp, url).not.toContain("unsafe-inline");
      expect(response.headers["x-content-type-options"], url).toBe("nosniff");
      expect(response.headers["referrer-policy"], url).toBe("no-referrer");
      expect(response.headers["x-frame-options"], url).toBe("DENY");
    }
  });
});

describe("static serving", () => {
  it("serves index.html for every view URL", async () => {
    for (const url of [
      "/",
      "/search?q=Kassem",
      "/entities/Qasim",
      "/timeline",
      "/graph",
      "/compare?a=1&b=2",
      "/entities",
    ]) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(200);
      expect(response.headers["content-type"], url).toMatch(/text\/html/);
      expect(response.body, url).toContain("<title>annals</title>");
      expect(response.headers["cache-control"], url).toBe("no-cache");
    }
  });

  it("marks its pages as those of a server without accounts, with nothing to revalidate them by", async () => {
    for (const url of ["/", "/graph"]) {
      const response = await get(url);
      expect(response.body, url).toContain(`${NO_ACCOUNTS_MARK}\n  </head>`);
      expect(response.headers["etag"], url).toBeUndefined();
      expect(response.headers["last-modified"], url).toBeUndefined();
    }
    const missing = await get("/no-such-view/deeper", { accept: "text/html" });
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain(NO_ACCOUNTS_MARK);
  });

  it("serves hashed assets for a year", async () => {
    const response = await get("/assets/app-1234.js");
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toMatch(/javascript/);
    expect(response.headers["cache-control"]).toContain("immutable");
  });

  it("never leaves the web root", async () => {
    for (const url of [
      "/..%2f..%2fetc/passwd",
      "/..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd",
      "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
      "/assets/..%2f..%2f..%2fpackage.json",
      "/assets/../../../../etc/passwd",
      "/..\\..\\etc\\passwd",
      "/.secret",
      "/%2esecret",
      "/assets/%00",
    ]) {
      const response = await get(url);
      expect(response.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(response.body, url).not.toMatch(/root:|"name": "annals"|dot file/);
    }
  });

  it("answers unknown API paths with a JSON 404", async () => {
    const response = await get("/api/nothing/here");
    expect(response.statusCode).toBe(404);
    expect(response.json<ErrorJson>().error).toMatchObject({ code: "not-found", path: "/api/nothing/here" });
    expect((await get("/no-such-view")).statusCode).toBe(404);
  });

  it("answers a browser's unknown page with the UI and a 404, never an API path or a missing asset", async () => {
    const html = { accept: "text/html,application/xhtml+xml" };
    const page = await s.app.inject({ url: "/no-such-view/deeper?x=1", headers: html });
    expect(page.statusCode).toBe(404);
    expect(page.headers["content-type"]).toMatch(/text\/html/);
    expect(page.body).toMatch(/<title>annals<\/title>/);
    for (const url of ["/api/nothing", "/assets/missing-1234.js"]) {
      const response = await s.app.inject({ url, headers: html });
      expect(response.statusCode, url).toBe(404);
      expect(response.headers["content-type"], url).toMatch(/json/);
    }
    expect((await s.app.inject({ method: "POST", url: "/no-such-view", headers: html })).statusCode).toBe(404);
  });

  it("answers the page of a document, entity or event the base lacks with a 404, and of one it holds with a 200", async () => {
    const html = { accept: "text/html" };
    const [document] = s.annals.documents();
    const [entity] = s.annals.entities({ limit: 1 });
    const [event] = s.annals.events({ limit: 1, offset: 0 });
    const held = [
      `/documents/${document!.id}`,
      `/entities/${entity!.id}`,
      `/entities/${encodeURIComponent(entity!.name)}`,
    ];
    for (const url of [...held, `/events/${event!.id}`]) {
      const response = await get(url, html);
      expect(response.statusCode, url).toBe(200);
      expect(response.body, url).toMatch(/<title>annals<\/title>/);
    }
    for (const url of ["/documents/no-such-document", "/entities/No%20Such%20Person", "/events/no-such-event"]) {
      const response = await get(url, html);
      expect(response.statusCode, url).toBe(404);
      expect(response.body, url).toMatch(/<title>annals<\/title>/);
    }
  });

  it("says when the UI is not built and still serves the API", async () => {
    const app = await buildApp(s.annals, { host: "127.0.0.1", webRoot: "/nonexistent/web/dist" });
    const page = await app.inject("/timeline");
    expect(page.statusCode).toBe(503);
    expect(page.body).toMatch(/not built/);
    expect((await app.inject("/api/documents")).statusCode).toBe(200);
    await app.close();
  });
});

describe("host check", () => {
  it("refuses a Host header that is not a loopback name (DNS rebinding)", async () => {
    const response = await get("/api/documents", { host: "evil.example:8080" });
    expect(response.statusCode).toBe(421);
    expect(response.json<ErrorJson>().error.code).toBe("wrong-host");
    for (const host of ["127.0.0.1:8080", "localhost:1", "[::1]:8080", "127.0.0.1"])
      expect((await get("/api/documents", { host })).statusCode, host).toBe(200);
  });
});

describe("the central error handler", () => {
  it("turns an unexpected failure into a 500 without its details", async () => {
    const broken: KnowledgeBase = {
      ...s.annals,
      add: s.annals.add.bind(s.annals),
      documents: () => {
        throw new Error("secret internal detail /home/x");
      },
      search: s.annals.search.bind(s.annals),
      documentPairs: s.annals.documentPairs.bind(s.annals),
      searchFacets: s.annals.searchFacets.bind(s.annals),
      document: s.annals.document.bind(s.annals),
      pageImage: s.annals.pageImage.bind(s.annals),
      entities: s.annals.entities.bind(s.annals),
      entity: s.annals.entity.bind(s.annals),
      hasRecord: s.annals.hasRecord.bind(s.annals),
      events: s.annals.events.bind(s.annals),
      filteredEvents: s.annals.filteredEvents.bind(s.annals),
      timeline: s.annals.timeline.bind(s.annals),
      timelineFacets: s.annals.timelineFacets.bind(s.annals),
      timelineOutlines: s.annals.timelineOutlines.bind(s.annals),
      event: s.annals.event.bind(s.annals),
      disagreements: s.annals.disagreements.bind(s.annals),
      graph: s.annals.graph.bind(s.annals),
      graphEdge: s.annals.graphEdge.bind(s.annals),
      decide: s.annals.decide.bind(s.annals),
      decisions: s.annals.decisions.bind(s.annals),
    };
    const app = await buildApp(broken, { host: "127.0.0.1", webRoot: s.webRoot });
    const response = await app.inject("/api/documents");
    expect(response.statusCode).toBe(500);
    expect(response.json<ErrorJson>().error).toEqual({
      code: "internal-error",
      message: "internal error; see the server log",
      path: "/api/documents",
    });
    expect(response.headers["content-security-policy"]).toBeDefined();
    await app.close();
  });

  it("answers malformed percent-encoding with a 400, not a crash", async () => {
    const response = await get("/api/entities/%E0%A4%A");
    expect(response.statusCode).toBeLessThan(500);
  });
});
