import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Annals } from "../../src/annals.js";
import { buildApp } from "../../src/interfaces/http/app.js";
import { tempDir } from "../helpers/cli.js";
import { fakeWebRoot, useSeededApp, type ErrorJson } from "./helpers.js";

interface Report {
  added: number;
  updated: number;
  unchanged: number;
  failed: { path: string; error: string }[];
  warnings: { path: string; warning: string }[];
  documents: number;
  error?: { code: string; message: string; path: string };
}

const PNG = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3,
]);
const NOTE = "The Ar-Rashid revolt of 3 July 1963 was crushed in Baghdad. Zanzibarquokka was there.\n";

const s = useSeededApp();

const post = (filename: string, body: Buffer | string, headers: Record<string, string> = {}) =>
  s.app.inject({
    method: "POST",
    url: `/api/documents?filename=${encodeURIComponent(filename)}`,
    headers: { "content-type": "application/octet-stream", ...headers },
    payload: body,
  });

/** What `annals add` says about a file: the same facade call on a knowledge base of its own. */
async function cliReason(name: string, bytes: Buffer): Promise<string | undefined> {
  const dir = tempDir("annals-reason-");
  writeFileSync(join(dir, name), bytes);
  const annals = Annals.open(join(dir, "kb.db"));
  try {
    return (await annals.add([join(dir, name)], { workers: 0 })).failed[0]?.error;
  } finally {
    annals.close();
  }
}

describe("POST /api/documents", () => {
  it("stages the upload beside the knowledge base, ingests it and returns the IngestReport", async () => {
    const response = await post("note.txt", NOTE);
    expect(response.statusCode).toBe(200);
    const report = response.json<Report>();
    expect(report).toMatchObject({ added: 1, updated: 0, unchanged: 0, failed: [], documents: 5 });
    expect(existsSync(join(s.dir, "kb.db.uploads", "note.txt"))).toBe(true);
    const hits = (await s.app.inject("/api/search?q=zanzibarquokka")).json<{
      hits: { document: { path: string } }[];
    }>();
    expect(hits.hits).toHaveLength(1);
    expect(hits.hits[0]!.document.path).toMatch(/note\.txt$/);
  });

  it("reports an unchanged file as unchanged and a changed one as updated", async () => {
    expect((await post("note.txt", NOTE)).json<Report>()).toMatchObject({ unchanged: 1, documents: 5 });
    expect((await post("note.txt", NOTE + "More.\n")).json<Report>()).toMatchObject({ updated: 1, documents: 5 });
  });

  it("ingests several files sent at once one after another, each answer its own file's report", async () => {
    const before = s.annals.documents().length;
    const [first, bad, second] = await Promise.all([
      post("batch-a.txt", "A note from Basra about the harbour strike of 1963.\n"),
      post("batch-empty.txt", ""),
      post("batch-b.txt", "A note from Kirkuk about the oil workers of 1963.\n"),
    ]);
    expect(first!.statusCode).toBe(200);
    expect(second!.statusCode).toBe(200);
    const reports = [first!.json<Report>(), second!.json<Report>()];
    for (const report of reports) expect(report).toMatchObject({ added: 1, failed: [] });
    // One upload at a time: the later of the two sees both documents.
    expect(reports.map((r) => r.documents).sort((a, b) => a - b)).toEqual([before + 1, before + 2]);
    expect(bad!.statusCode).toBe(422);
    const failure = bad!.json<Report>().failed;
    expect(failure).toEqual([{ path: "batch-empty.txt", error: await cliReason("batch-empty.txt", Buffer.alloc(0)) }]);
  });

  it("refuses a hostile file with 422 and the same one-line reason as annals add", async () => {
    const response = await post("image.png", PNG);
    expect(response.statusCode).toBe(422);
    const report = response.json<Report>();
    expect(report.failed).toHaveLength(1);
    expect(report.failed[0]!.path).toBe("image.png");
    expect(report.failed[0]!.error).toBe(await cliReason("image.png", PNG));
    expect(report.failed[0]!.error).toMatch(/PNG/);
    expect(report.error).toMatchObject({ code: "ingest-failed", message: report.failed[0]!.error });
    expect(existsSync(join(s.dir, "kb.db.uploads", "image.png"))).toBe(false);
  });

  it("refuses an empty file the way annals add does", async () => {
    const response = await post("empty.txt", "");
    expect(response.statusCode).toBe(422);
    expect(response.json<Report>().failed[0]!.error).toBe(await cliReason("empty.txt", Buffer.alloc(0)));
  });

  it("keeps the stored file when a replacement fails", async () => {
    expect((await post("keep.txt", "Kept text about Mosul.\n")).statusCode).toBe(200);
    expect((await post("keep.txt", PNG)).statusCode).toBe(422);
    const hits = (await s.app.inject("/api/search?q=Mosul")).json<{ hits: { document: { path: string } }[] }>();
    expect(hits.hits.some((h) => h.document.path.endsWith("keep.txt"))).toBe(true);
  });

  it("stores a name with path components under its last component only", async () => {
    const response = await post("../../../etc/evil.txt", "Text about Kirkuk.\n");
    expect(response.statusCode).toBe(200);
    expect(existsSync(join(s.dir, "kb.db.uploads", "evil.txt"))).toBe(true);
    expect(readdirSync(s.dir).sort()).toEqual(
      ["kb.db", "kb.db-shm", "kb.db-wal", "kb.db.uploads", "web"].filter((f) => existsSync(join(s.dir, f))).sort(),
    );
  });

  it("answers 400 without a filename, or with one that names no file", async () => {
    const missing = await s.app.inject({
      method: "POST",
      url: "/api/documents",
      payload: "x",
      headers: { "content-type": "text/plain" },
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json<ErrorJson>().error.issues![0]!.path).toBe("querystring.filename");
    expect((await post("..", "x")).statusCode).toBe(400);
    expect((await post("/", "x")).statusCode).toBe(400);
  });

  it("refuses a write from another origin", async () => {
    const response = await post("x.txt", "x", { origin: "http://evil.example" });
    expect(response.statusCode).toBe(403);
    expect(response.json<ErrorJson>().error.code).toBe("cross-origin");
    expect((await post("same.txt", "Same origin text.\n", { origin: "http://localhost:80" })).statusCode).toBe(200);
  });
});

describe("limits and tokens", () => {
  it("answers 413 for an upload over the limit", async () => {
    const dir = tempDir("annals-limit-");
    const annals = Annals.open(join(dir, "kb.db"));
    const app = await buildApp(annals, {
      host: "127.0.0.1",
      uploadDir: join(dir, "up"),
      ingestWorkers: 0,
      maxUploadBytes: 1000,
      webRoot: fakeWebRoot(dir),
    });
    const response = await app.inject({
      method: "POST",
      url: "/api/documents?filename=big.txt",
      headers: { "content-type": "application/octet-stream" },
      payload: Buffer.alloc(2000, 0x61),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json<ErrorJson>().error.code).toBe("payload-too-large");
    const json = await app.inject({
      method: "GET",
      url: "/api/search?q=x",
    });
    expect(json.statusCode).toBe(200);
    await app.close();
    annals.close();
  });

  it("refuses to build on a non-loopback host without a token", async () => {
    const dir = tempDir("annals-host-");
    const annals = Annals.open(join(dir, "kb.db"));
    await expect(buildApp(annals, { host: "0.0.0.0", webRoot: fakeWebRoot(dir) })).rejects.toThrow(/ANNALS_TOKEN/);
    annals.close();
  });

  it("with a token, needs Authorization: Bearer for writes but not for reads", async () => {
    const dir = tempDir("annals-token-");
    const annals = Annals.open(join(dir, "kb.db"));
    const app = await buildApp(annals, {
      host: "0.0.0.0",
      token: "s3cret-token",
      uploadDir: join(dir, "up"),
      ingestWorkers: 0,
      webRoot: fakeWebRoot(dir),
    });
    const upload = (headers: Record<string, string>) =>
      app.inject({
        method: "POST",
        url: "/api/documents?filename=a.txt",
        headers: { "content-type": "application/octet-stream", host: "10.1.2.3:8080", ...headers },
        payload: "Text about Basra.\n",
      });
    expect((await upload({})).statusCode).toBe(401);
    expect((await upload({ authorization: "Bearer wrong" })).statusCode).toBe(401);
    expect((await upload({ authorization: "Basic s3cret-token" })).statusCode).toBe(401);
    expect((await upload({ authorization: "Bearer s3cret-token" })).statusCode).toBe(200);
    expect((await app.inject({ url: "/api/documents", headers: { host: "10.1.2.3:8080" } })).statusCode).toBe(200);
    await app.close();
    annals.close();
  });

  it("answers 503 to uploads when no staging folder is configured", async () => {
    const dir = tempDir("annals-noup-");
    const annals = Annals.open(join(dir, "kb.db"));
    const app = await buildApp(annals, { host: "127.0.0.1", webRoot: fakeWebRoot(dir) });
    const response = await app.inject({
      method: "POST",
      url: "/api/documents?filename=a.txt",
      payload: "x",
      headers: { "content-type": "text/plain" },
    });
    expect(response.statusCode).toBe(503);
    await app.close();
    annals.close();
  });

  it("refuses JSON bodies over 1 MiB on other routes and unknown methods", async () => {
    const response = await s.app.inject({
      method: "PUT",
      url: "/api/documents",
      payload: "{}",
      headers: { "content-type": "application/json" },
    });
    expect(response.statusCode).toBe(404);
    expect(response.json<ErrorJson>().error.code).toBe("not-found");
  });
});
