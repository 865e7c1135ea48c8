// Part of `npm test`'s own set-up: Debian packages some tests drive. When one is missing and this runs
// as root on Debian it is installed with apt-get; otherwise the tests that need it fail and say how to
// install it. With --required (what .ci/run passes) a package that cannot be installed stops the run.
import { execSync } from "node:child_process";
import { existsSync } from "node:fs";
import { TOOLS } from "./system-tools.js";

const required = process.argv.includes("--required");
const canInstall = process.getuid?.() === 0 && existsSync("/usr/bin/apt-get");
const missing = TOOLS.filter((tool) => !tool.present());
let updated = false;
for (const tool of missing) {
  const command = `apt-get install -y ${tool.packages.join(" ")}`;
  if (!canInstall) {
    process.stderr.write(`annals: ${tool.purpose} need Debian's ${tool.packages.join(", ")} (${command})\n`);
    continue;
  }
  process.stderr.write(`annals: installing ${tool.packages.join(", ")} for ${tool.purpose} (apt-get)…\n`);
  try {
    if (!updated) execSync("apt-get update -qq", { stdio: ["ignore", "ignore", "inherit"] });
    updated = true;
    execSync(`DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${tool.packages.join(" ")}`, {
      stdio: ["ignore", "ignore", "inherit"],
    });
  } catch {
    process.stderr.write(`annals: could not install ${tool.packages.join(", ")}; ${tool.purpose} will fail\n`);
  }
}
const stillMissing = TOOLS.filter((tool) => !tool.present());
if (required && stillMissing.length > 0) {
  process.stderr.write(`annals: missing ${stillMissing.flatMap((t) => t.packages).join(", ")}\n`);
  process.exit(1);
}
