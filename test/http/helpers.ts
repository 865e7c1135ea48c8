import { afterAll, beforeAll } from "vitest";
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { Annals } from "../../src/annals.js";
import { buildApp, type AppOptions } from "../../src/interfaces/http/app.js";
import { ROOT, tempDir } from "../helpers/cli.js";

const FIXTURES = join(ROOT, "test/fixtures/seeds");
/** The four seed documents (not the fixture folder's README and expected.json). */
export const SEEDS = readdirSync(FIXTURES)
  .filter((name) => /^\d{3}_.*\.txt$/.test(name))
  .map((name) => join(FIXTURES, name));

/** A web root with a stand-in index.html and one hashed asset, so static tests need no UI build. */
export function fakeWebRoot(dir: string): string {
  const root = join(dir, "web");
  mkdirSync(join(root, "assets"), { recursive: true });
  writeFileSync(
    join(root, "index.html"),
    '<!doctype html><html><head><title>annals</title></head><body><script type="module" src="/assets/app-1234.js"></script></body></html>',
  );
  writeFileSync(join(root, "assets", "app-1234.js"), "console.log('ui');\n");
  writeFileSync(join(root, ".secret"), "dot file\n");
  return root;
}

export interface Seeded {
  dir: string;
  db: string;
  annals: Annals;
  app: FastifyInstance;
  webRoot: string;
}

/** The four seeds ingested into a fresh knowledge base, and the app over it (not listening). */
export async function seededApp(options: Partial<AppOptions> = {}): Promise<Seeded> {
  const dir = tempDir("annals-http-");
  const db = join(dir, "kb.db");
  const annals = Annals.open(db);
  const report = await annals.add(SEEDS, { workers: 0 });
  if (report.failed.length > 0) throw new Error(`seed ingest failed: ${JSON.stringify(report.failed)}`);
  const webRoot = fakeWebRoot(dir);
  const app = await buildApp(annals, {
    host: "127.0.0.1",
    uploadDir: join(dir, "kb.db.uploads"),
    ingestWorkers: 0,
    webRoot,
    ...options,
  });
  return { dir, db, annals, app, webRoot };
}

export function seedId(annals: Annals, prefix: string): string {
  const found = annals.documents().find((d) => d.path.split("/").pop()!.startsWith(prefix));
  if (!found) throw new Error(`no seed ${prefix}`);
  return found.id;
}

export interface ErrorJson {
  error: { code: string; message: string; path: string; issues?: { path: string; message: string }[] };
}

/** The seeded app for a test file: built before its tests, closed after them. */
export function useSeededApp(): Seeded {
  const seeded = {} as Seeded;
  beforeAll(async () => {
    Object.assign(seeded, await seededApp());
  }, 120_000);
  afterAll(async () => {
    await seeded.app.close();
    seeded.annals.close();
  });
  return seeded;
}
