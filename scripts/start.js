// `npm start`: builds the example knowledge base from the bundled seed corpus and shows what it holds.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
execFileSync(process.execPath, [`${root}scripts/ensure-setup.js`], { stdio: "inherit" });

const annals = (...args) => {
  process.stdout.write(`\n$ annals ${args.join(" ")}\n`);
  try {
    execFileSync(process.execPath, [`${root}bin/annals.js`, ...args], { stdio: "inherit", cwd: root });
  } catch (error) {
    if (error.status !== 1) throw error;
  }
};

annals("add", "examples/seeds");
annals("documents");
annals("search", "Kassem", "--limit", "5");
