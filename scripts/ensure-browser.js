// Part of `npm test`'s own set-up: the browser tests drive Debian's chromium. When it is missing and
// this runs as root on Debian, it is installed with apt-get; otherwise a browser test fails and says
// how to install it.
import { execSync } from "node:child_process";
import { existsSync } from "node:fs";

const CHROMIUM = "/usr/bin/chromium";
if (!existsSync(CHROMIUM) && process.getuid?.() === 0 && existsSync("/usr/bin/apt-get")) {
  process.stderr.write("annals: installing Debian's chromium for the browser tests (apt-get)…\n");
  try {
    execSync("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium", {
      stdio: ["ignore", "ignore", "inherit"],
    });
  } catch {
    process.stderr.write("annals: could not install chromium; the browser tests will fail until it is installed\n");
  }
}
