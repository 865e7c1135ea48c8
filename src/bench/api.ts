import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import { BENCH_QUERIES } from "./queries.js";
import { CHROMIUM, CHROMIUM_ARGS } from "./chromium.js";

/**
 * API latency under load: `annals serve` in a child process on a free loopback port, autocannon in
 * this one, each endpoint for a bounded time. Also the web UI's bundle size and the first render of
 * its home, timeline and network views in Debian's chromium (when installed). The lead's `npm run
 * bench` calls `benchApi` and `renderApiBench`; `node dist/bench/api.js --db FILE [--seconds n]
 * [--ui-only]` runs it alone.
 */

const root = fileURLToPath(new URL("../..", import.meta.url));

export interface ApiBenchOptions {
  /** The knowledge base to serve (the 1 GB benchmark one). */
  db: string;
  /** Seconds of load per endpoint (default 10), after a 2-second warm-up. */
  seconds?: number;
  /** Concurrent connections (default 4). */
  connections?: number;
  /** Measure the UI's first load in chromium (default: when /usr/bin/chromium exists). */
  measureUi?: boolean;
  /** Only the web UI: no API load (default false). */
  uiOnly?: boolean;
}

export interface EndpointLatency {
  endpoint: string;
  /** Target p99 in ms. */
  target: number;
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
}

export interface UiMeasure {
  /** index.html + the entry script and style: what the first view loads. */
  initialBytes: number;
  initialGzipBytes: number;
  /** Every asset, the lazily loaded timeline and network included. */
  totalBytes: number;
  totalGzipBytes: number;
  /** Median of 5 cold loads of each view until its first content shows; empty without chromium. */
  views: ViewRender[];
  note?: string;
}

/** A view of the web UI and what shows when it has rendered. */
interface UiView {
  path: string;
  /** CSS selectors; the view has rendered when each matches an element that takes up room. */
  ready: readonly string[];
  what: string;
}

export interface ViewRender {
  path: string;
  what: string;
  /** Median ms from navigation until the view's first content shows. */
  firstRenderMs: number;
  /** Median bytes of API responses (bodies) received by then. */
  apiBytes: number;
}

/** The home page is the reference the others are measured beside, in the same run. */
const UI_VIEWS: readonly UiView[] = [
  { path: "/", ready: ["#documents-heading", ".cards .card"], what: "the first document card" },
  { path: "/timeline", ready: [".timeline-axis .bucket", ".event-list li"], what: "the first bucket and list row" },
  { path: "/graph", ready: ['.graph-canvas[data-ready="true"] canvas'], what: "the network's canvas" },
];

export interface ApiBenchResult {
  connections: number;
  seconds: number;
  latency: EndpointLatency[];
  ui: UiMeasure;
}

interface Server {
  base: string;
  process: ChildProcess;
}

async function startServer(db: string): Promise<Server> {
  const child = spawn(process.execPath, [join(root, "bin/annals.js"), "--db", db, "serve", "--port", "0"], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const base = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("annals serve did not start within 60 s")), 60_000);
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const found = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (found) {
        clearTimeout(timer);
        resolve(found[1]!);
      }
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`annals serve exited with ${code}`));
    });
  });
  return { base, process: child };
}

async function stopServer(server: Server): Promise<void> {
  const exited = new Promise((resolve) => server.process.once("exit", resolve));
  server.process.kill("SIGTERM");
  const timer = setTimeout(() => server.process.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return (await response.json()) as T;
}

function load(base: string, paths: readonly string[], seconds: number, connections: number) {
  let next = 0;
  return autocannon({
    url: base,
    connections,
    duration: seconds,
    timeout: 10,
    requests: [
      {
        setupRequest: (request) => ({ ...request, method: "GET", path: paths[next++ % paths.length]! }),
      },
    ],
  });
}

async function measureEndpoint(
  base: string,
  endpoint: string,
  target: number,
  paths: readonly string[],
  seconds: number,
  connections: number,
): Promise<EndpointLatency> {
  process.stderr.write(`bench: ${endpoint} for ${seconds} s, ${connections} connections…\n`);
  await load(base, paths, Math.min(2, seconds), connections);
  const result = await load(base, paths, seconds, connections);
  return {
    endpoint,
    target,
    requests: result.requests.total,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : entry.name.startsWith(".") ? [] : [join(dir, entry.name)],
  );
}

/** Sizes of web/dist: what the first view loads (index.html, its script and style) and everything. */
export function bundleSizes(dist = join(root, "web/dist")): Omit<UiMeasure, "views" | "note"> {
  const all = existsSync(dist) ? files(dist) : [];
  const html = existsSync(join(dist, "index.html")) ? readFileSync(join(dist, "index.html"), "utf8") : "";
  const initial = new Set([join(dist, "index.html")]);
  for (const match of html.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)) initial.add(join(dist, match[1]!));
  const size = (list: string[], gzip: boolean) =>
    list.reduce((sum, f) => sum + (gzip ? gzipSync(readFileSync(f)).length : statSync(f).size), 0);
  const first = all.filter((f) => initial.has(f));
  return {
    initialBytes: size(first, false),
    initialGzipBytes: size(first, true),
    totalBytes: size(all, false),
    totalGzipBytes: size(all, true),
  };
}

/** Runs in the page (a function, not a string, which the page's CSP would refuse to evaluate): whether each selector matches an element that takes up room. */
function shown(selectors: readonly string[]): boolean {
  type Page = { document: { querySelector(selector: string): { getClientRects(): ArrayLike<unknown> } | null } };
  const { document } = globalThis as unknown as Page;
  return selectors.every((selector) => (document.querySelector(selector)?.getClientRects().length ?? 0) > 0);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Median of 5 cold loads of a view in chromium, each in a fresh profile. */
async function firstRender(base: string, view: UiView): Promise<ViewRender> {
  const { chromium } = await import("playwright-core");
  const times: number[] = [];
  const bytes: number[] = [];
  for (let i = 0; i < 5; i++) {
    const profile = mkdtempSync(join(tmpdir(), "annals-bench-profile-"));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1280, height: 800 },
      args: [...CHROMIUM_ARGS],
    });
    try {
      const outside: string[] = [];
      await context.route("**", (route) => {
        const url = route.request().url();
        if (url.startsWith(base) || url.startsWith("data:")) return route.continue();
        outside.push(url);
        return route.abort();
      });
      const page = context.pages()[0] ?? (await context.newPage());
      const apiSizes: Promise<number>[] = [];
      page.on("requestfinished", (request) => {
        if (new URL(request.url()).pathname.startsWith("/api/"))
          apiSizes.push(request.sizes().then((s) => s.responseBodySize));
      });
      const started = Date.now();
      await page.goto(`${base}${view.path}`, { waitUntil: "commit" });
      // Checked every animation frame: a locator's wait backs off to 500 ms between checks, which would round the time up.
      await page.waitForFunction(shown, view.ready, { polling: "raf", timeout: 60_000 });
      times.push(Date.now() - started);
      bytes.push((await Promise.all(apiSizes)).reduce((sum, n) => sum + n, 0));
      if (outside.length > 0) process.stderr.write(`bench: the page asked for other hosts: ${outside.join(", ")}\n`);
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  }
  return { path: view.path, what: view.what, firstRenderMs: median(times), apiBytes: median(bytes) };
}

async function measureViews(base: string): Promise<ViewRender[]> {
  const views: ViewRender[] = [];
  for (const view of UI_VIEWS) {
    process.stderr.write(`bench: first render of ${view.path} in chromium, 5 cold loads…\n`);
    views.push(await firstRender(base, view));
  }
  return views;
}

export async function benchApi(options: ApiBenchOptions): Promise<ApiBenchResult> {
  const seconds = options.seconds ?? 10;
  const connections = options.connections ?? 4;
  const server = await startServer(options.db);
  try {
    const base = server.base;
    if (options.uiOnly) return { connections, seconds, latency: [], ui: await measureUi(base, options) };
    const entities = await getJson<{ id: string }[]>(`${base}/api/entities?limit=100`);
    const events = await getJson<{ id: string }[]>(`${base}/api/events?limit=100`);
    const searchPaths = BENCH_QUERIES.map((q) => `/api/search?q=${encodeURIComponent(q)}&limit=10`);
    const entityPaths = entities.map((e) => `/api/entities/${encodeURIComponent(e.id)}`);
    const eventPaths = events.map((e) => `/api/events/${encodeURIComponent(e.id)}`);
    const latency = [await measureEndpoint(base, "GET /api/search", 50, searchPaths, seconds, connections)];
    if (entityPaths.length > 0)
      latency.push(await measureEndpoint(base, "GET /api/entities/:id", 100, entityPaths, seconds, connections));
    if (eventPaths.length > 0)
      latency.push(await measureEndpoint(base, "GET /api/events/:id", 100, eventPaths, seconds, connections));
    return { connections, seconds, latency, ui: await measureUi(base, options) };
  } finally {
    await stopServer(server);
  }
}

async function measureUi(base: string, options: ApiBenchOptions): Promise<UiMeasure> {
  const ui: UiMeasure = { ...bundleSizes(), views: [] };
  if (ui.totalBytes === 0) ui.note = "web/dist is not built";
  else if (!(options.measureUi ?? existsSync(CHROMIUM))) ui.note = `first render not measured: ${CHROMIUM} is missing`;
  else ui.views = await measureViews(base);
  return ui;
}

/** The "API and UI" section of docs/benchmarks.md. */
export function renderApiBench(result: ApiBenchResult): string {
  const f = (n: number, digits = 1) => n.toFixed(digits);
  const kb = (n: number) => `${f(n / 1024)} KiB`;
  const reference = result.ui.views[0];
  const lines = [
    ...(result.latency.length === 0
      ? []
      : [
          "## HTTP API under load",
          "",
          `\`annals serve\` in its own process on 127.0.0.1; autocannon with ${result.connections} connections, ${result.seconds} s per endpoint after a 2 s warm-up, cycling through 50 queries (search) or the first 100 entities and events.`,
          "",
          "| endpoint | requests | req/s | p50 ms | p90 ms | p99 ms | max ms | target p99 | non-2xx | errors |",
          "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
          ...result.latency.map(
            (l) =>
              `| ${l.endpoint} | ${l.requests} | ${f(l.requestsPerSecond)} | ${l.p50} | ${l.p90} | ${l.p99} | ${l.max} | < ${l.target} ${l.requests > 0 && l.p99 < l.target ? "✓" : "✗"} | ${l.non2xx} | ${l.errors} |`,
          ),
          "",
        ]),
    "## Web UI",
    "",
    `First view (index.html, entry script and style): ${kb(result.ui.initialBytes)} (${kb(result.ui.initialGzipBytes)} gzipped); all assets, the lazily loaded timeline and network included: ${kb(result.ui.totalBytes)} (${kb(result.ui.totalGzipBytes)} gzipped).`,
    "",
    ...(reference
      ? [
          "First render on localhost in chromium (cold profile, median of 5, checked every animation frame), beside the home page in the same run:",
          "",
          "| view | until | first render ms | × home | API bytes by then |",
          "|---|---|---:|---:|---:|",
          ...result.ui.views.map(
            (v) =>
              `| ${v.path} | ${v.what} | ${v.firstRenderMs} | ${f(v.firstRenderMs / reference.firstRenderMs, 2)} | ${kb(v.apiBytes)} |`,
          ),
        ]
      : [`First render: ${result.ui.note ?? "not measured"}.`]),
    "",
  ];
  return lines.join("\n");
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const db = option("--db");
  if (!db) {
    process.stderr.write("usage: node dist/bench/api.js --db FILE [--seconds n] [--connections n] [--ui-only]\n");
    process.exitCode = 2;
  } else {
    const seconds = option("--seconds");
    const connections = option("--connections");
    const result = await benchApi({
      db,
      ...(seconds ? { seconds: Number(seconds) } : {}),
      ...(connections ? { connections: Number(connections) } : {}),
      uiOnly: args.includes("--ui-only"),
    });
    process.stdout.write(renderApiBench(result));
  }
}
