import { existsSync } from "node:fs";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { describe, it } from "vitest";
import { CHROMIUM, CHROMIUM_ARGS } from "../../src/bench/chromium.js";

/** A browser scenario in Debian's chromium; without chromium it is not skipped: one test fails and says how to install it. */
export function describeInChromium(title: string, scenario: () => void): void {
  describe(title, existsSync(CHROMIUM) ? scenario : missingChromium);
}

function missingChromium(): void {
  it(`needs ${CHROMIUM}`, () => {
    throw new Error(
      `${CHROMIUM} is missing: install it with apt-get update && apt-get install -y chromium (npm test does so itself when it runs as root on Debian)`,
    );
  });
}

export interface Browsing {
  /** The server's origin, http://127.0.0.1:PORT. */
  base: string;
  context: BrowserContext;
  page: Page;
}

/** Serves `app` on a free loopback port and opens headless chromium with a new profile under `dir`. */
export async function serveAndBrowse(
  app: FastifyInstance,
  dir: string,
  viewport?: { width: number; height: number },
): Promise<Browsing> {
  await app.listen({ host: "127.0.0.1", port: 0 });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  const context = await chromium.launchPersistentContext(join(dir, "profile"), {
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_ARGS],
    ...(viewport ? { viewport } : {}),
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return { base, context, page };
}
