import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
/** First to last; a file may import from its own stage and the stages before it (docs/design.md, "The pipeline"). */
const { stages } = JSON.parse(readFileSync(path.join(root, "scripts", "stage-order.json"), "utf8"));

/** The stage of a path relative to the repository root: the one with the longest matching path. */
function stageOf(relative) {
  let best;
  stages.forEach((entry, index) => {
    for (const p of entry.paths) {
      const matches = relative === p || relative.startsWith(`${p}/`);
      if (matches && (best === undefined || p.length > best.length))
        best = { index, stage: entry.stage, length: p.length };
    }
  });
  return best;
}

const rule = {
  meta: {
    type: "problem",
    docs: { description: "A module imports only from its own pipeline stage and the stages before it" },
    schema: [],
    messages: {
      backward:
        "{{stage}} imports {{target}} of the later stage {{targetStage}}: move what both need to an earlier stage (order in scripts/stage-order.json)",
      unknown: "{{file}} lies in no stage of scripts/stage-order.json: add its folder there and to docs/design.md",
    },
  },
  create(context) {
    const file = path.relative(root, context.filename).split(path.sep).join("/");
    const own = stageOf(file);
    if (!file.startsWith("src/")) return {};
    if (!own) {
      return {
        Program(node) {
          context.report({ node, messageId: "unknown", data: { file } });
        },
      };
    }
    const check = (source) => {
      if (!source || source.type !== "Literal" || typeof source.value !== "string" || !source.value.startsWith("."))
        return;
      const target = path
        .relative(root, path.resolve(path.dirname(context.filename), source.value))
        .split(path.sep)
        .join("/");
      const theirs = stageOf(target);
      if (theirs && theirs.index > own.index)
        context.report({
          node: source,
          messageId: "backward",
          data: { stage: own.stage, target, targetStage: theirs.stage },
        });
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
    };
  },
};

export default { rules: { "stage-order": rule } };
