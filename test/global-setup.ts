import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * One temporary folder per test run, set as TMPDIR before the test processes start, so every
 * folder a test makes (`tempDir`, `mkdtemp(tmpdir())`) is removed with it when the run ends.
 */
export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), "annals-test-run-"));
  // Tests that run the CLI as user nobody must reach their folders inside it.
  chmodSync(root, 0o755);
  const previous = process.env["TMPDIR"];
  process.env["TMPDIR"] = root;
  return () => {
    if (previous === undefined) delete process.env["TMPDIR"];
    else process.env["TMPDIR"] = previous;
    rmSync(root, { recursive: true, force: true });
  };
}
