import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { CLI, ROOT, runCli, tempDir } from "../helpers/cli.js";

const HOOK = join(ROOT, "test/helpers/loaded-modules.mjs");

interface Started {
  /** The modules of annals (paths under dist/) the command loaded. */
  modules: string[];
  /** The packages (under node_modules/) it loaded or required. */
  packages: Set<string>;
}

function started(args: readonly string[]): Started {
  const result = spawnSync(process.execPath, ["--import", HOOK, CLI, ...args], { encoding: "utf8", cwd: ROOT });
  expect(result.status, result.stderr).toBe(0);
  const modules = [...result.stderr.matchAll(/^loaded file:\/\/.*?\/dist\/(.*)$/gm)].map((m) => m[1]!);
  const packages = result.stderr.matchAll(/^(?:loaded|required) .*\/node_modules\/((?:@[^/]+\/)?[^/]+)\//gm);
  return { modules, packages: new Set([...packages].map((m) => m[1]!)) };
}

const EXTRACTION = /^(annotate|ingest|parse|decode|claims)\/|^resolve\/corpus\.js$/;

/** Reading commands start at once because they load none of the extraction pipeline (`annals add` does). */
describe("what a command loads", () => {
  let db: string;
  beforeAll(() => {
    db = join(tempDir("annals-start-"), "kb.db");
    expect(runCli(["--db", db, "add", join(ROOT, "test/fixtures/documents"), "--workers", "0"]).status).toBe(0);
  });

  it.each([["search", "Baghdad"], ["documents"], ["entity", "Dulles"], ["entities"], ["events"]])(
    "annals %s loads no extractor, reader or corpus stage, nor wink-nlp, graphology or pg",
    (...args: string[]) => {
      const { modules, packages } = started(["--db", db, ...args]);
      expect(modules).toContain("store/sqlite/sqlite-store.js");
      expect(modules.filter((m) => EXTRACTION.test(m))).toEqual([]);
      expect(packages).toContain("better-sqlite3");
      for (const unused of ["wink-nlp", "graphology", "graphology-communities-louvain", "pg"]) {
        expect(packages).not.toContain(unused);
      }
    },
  );

  it("annals search reads the lemmas of indexed words from the knowledge base, not from wink-nlp", () => {
    for (const query of ["Baghdad", "Arif's", "Embassy OR Qassim", '"the Embassy"']) {
      expect(started(["--db", db, "search", query]).packages, query).not.toContain("wink-nlp");
    }
  });

  it("annals search loads wink-nlp for a word the index never saw", () => {
    expect(started(["--db", db, "search", "Zanzibarites"]).packages).toContain("wink-nlp");
  });

  it("annals annotate loads the extractors", () => {
    const modules = spawnSync(process.execPath, ["--import", HOOK, CLI, "annotate", "-", "--json"], {
      encoding: "utf8",
      cwd: ROOT,
      input: "General Qasim spoke in Baghdad on 14 July 1958.",
    });
    expect(modules.status, modules.stderr).toBe(0);
    expect(JSON.parse(modules.stdout).dates).toHaveLength(1);
    expect(modules.stderr).toMatch(/dist\/annotate\/mentions\//);
  });
});
