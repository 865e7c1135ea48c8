import { once } from "node:events";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { uploadDirFor } from "../../src/interfaces/cli/serve.js";
import { runCli, startCli, tempDir } from "../helpers/cli.js";

/** `annals serve` as users start it: the built CLI (`npm test` builds first). */
describe("annals serve", () => {
  it("serves a knowledge base on a free loopback port and prints the URL; SIGTERM stops it", async () => {
    const dir = tempDir("annals-serve-");
    const db = join(dir, "kb.db");
    const child = startCli(["--db", db, "serve", "--port", "0"], { env: { ...process.env, ANNALS_TOKEN: "" } });
    let out = "";
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed: ${out}`)), 30_000);
      child.stdout!.on("data", (chunk: Buffer) => {
        out += chunk.toString();
        const found = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
        if (found) {
          clearTimeout(timer);
          resolve(found[0]);
        }
      });
      child.on("exit", (code) => reject(new Error(`exited ${code}: ${out}`)));
    });
    try {
      const response = await fetch(`${url}api/documents`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual([]);
      expect(response.headers.get("content-security-policy")).toContain("default-src 'self'");
    } finally {
      child.kill("SIGTERM");
    }
    const [code] = await once(child, "exit");
    expect(code).toBe(0);
  });

  it("refuses a non-loopback host without ANNALS_TOKEN (exit 2)", () => {
    const dir = tempDir("annals-serve-");
    const env = { ...process.env };
    delete env["ANNALS_TOKEN"];
    const result = runCli(["--db", join(dir, "kb.db"), "serve", "--host", "0.0.0.0", "--port", "0"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/ANNALS_TOKEN/);
  });

  it("rejects a bad port as a usage error", () => {
    const result = runCli(["--db", join(tempDir(), "kb.db"), "serve", "--port", "http"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--port/);
  });

  it("stages uploads in a folder beside the knowledge base", () => {
    expect(uploadDirFor("/data/kb/annals.db")).toBe("/data/kb/annals.db.uploads");
  });
});
