import { readFileSync } from "node:fs";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

/** The project's own eslint.config.js, on sample files placed in the stage folders (nothing is written). */
const eslint = new ESLint();

async function stageErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === "annals/stage-order").map((m) => m.message);
}

describe("stage order lint rule", () => {
  it("refuses an import from a later stage", async () => {
    const errors = await stageErrors(
      "src/annotate/mentions/sample.ts",
      'import { openStore } from "../../store/index.js";\nexport const open = openStore;\n',
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain("annotate imports src/store/index.js of the later stage store");
  });

  it("refuses re-exports and dynamic imports from a later stage", async () => {
    const code =
      'export { nameKey } from "../resolve/constraints.js";\nexport const load = () => import("../ingest/ingest.js");\n';
    expect(await stageErrors("src/segment/sample.ts", code)).toHaveLength(2);
  });

  it("allows imports from the same and earlier stages", async () => {
    const code =
      'import { ftsWords } from "../../search/index-terms.js";\nimport { InputError } from "../../core/errors.js";\nimport { pageAt } from "./pages-sql.js";\nexport const all = [ftsWords, InputError, pageAt];\n';
    expect(await stageErrors("src/store/sqlite/sample.ts", code)).toEqual([]);
  });

  it("names a source folder that is in no stage", async () => {
    const errors = await stageErrors("src/newfolder/sample.ts", "export const x = 1;\n");
    expect(errors).toEqual([
      "src/newfolder/sample.ts lies in no stage of scripts/stage-order.json: add its folder there and to docs/design.md",
    ]);
  });

  it("matches the pipeline table of docs/design.md", () => {
    const { stages } = JSON.parse(readFileSync("scripts/stage-order.json", "utf8")) as {
      stages: { stage: string; paths: string[] }[];
    };
    const design = readFileSync("docs/design.md", "utf8");
    const table = design.slice(design.indexOf("## The pipeline"), design.indexOf("### Offsets"));
    const rows = table.split("\n").filter((line) => /^\| [a-z]/.test(line) && !line.startsWith("| stage "));
    const documented = rows.map((row) => {
      const [stage, folders] = row
        .split("|")
        .slice(1, 3)
        .map((cell) => cell.trim());
      const paths = [...folders!.matchAll(/`([^`]+?)\/?`/g)].map((m) => m[1]!);
      return { stage: stage!.split(" ")[0]!, paths };
    });
    const merged = documented.filter((row, i) => i === 0 || row.stage !== documented[i - 1]!.stage);
    expect(merged.map((row) => row.stage)).toEqual(stages.map((s) => s.stage));
    const within = (folder: string, stagePath: string) => folder === stagePath || folder.startsWith(`${stagePath}/`);
    for (const { stage, paths } of stages) {
      const inDesign = documented.filter((row) => row.stage === stage).flatMap((row) => row.paths);
      const sources = inDesign.filter((folder) => folder.startsWith("src/"));
      expect(
        sources.filter((folder) => !paths.some((p) => within(folder, p))),
        stage,
      ).toEqual([]);
      expect(
        paths.filter((p) => !sources.some((folder) => within(folder, p))),
        stage,
      ).toEqual([]);
    }
  });
});
