/**
 * OCR clean-up scored on the CIA briefs: line-end hyphens (rejoined, kept, left) and page furniture,
 * against lines read by hand (data/eval/cia/cleanup.json), on each file's text as it is.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "../annotate/mentions/model/package-root.js";
import { findFurniture, findHyphenRepairs } from "../parse/cleanup/index.js";
import { CIA_DIRECTORY } from "./frus-dates.js";
import { fixed, markdownTable, type Evaluation } from "./evaluation.js";

type Verdict = "join" | "keep" | "none";

interface DocumentGold {
  keep: number[];
  none: number[];
  furniture: number[];
}

export interface CleanupScore {
  document: string;
  hyphens: number;
  hyphensRight: number;
  joinPrecision: number;
  joinRecall: number;
  furniturePrecision: number;
  furnitureRecall: number;
  misses: string[];
}

const LINE_END_HYPHEN = /[-‐‑­¬~]\s*$/u;
const MARKUP_LINE = /^\s*(?:#|```)/;

interface Line {
  number: number;
  start: number;
  end: number;
  text: string;
}

function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  text.split("\n").forEach((line, i) => {
    lines.push({ number: i + 1, start, end: start + line.length, text: line });
    start += line.length + 1;
  });
  return lines;
}

const ratio = (right: number, all: number): number => (all === 0 ? 1 : right / all);

/** Scores the clean-up of one file's text against its hand-read lines. */
export function scoreCleanup(document: string, text: string, gold: DocumentGold): CleanupScore {
  const lines = linesOf(text);
  const repairs = findHyphenRepairs(text);
  const furniture = findFurniture(text);
  const misses: string[] = [];
  let hyphens = 0;
  let right = 0;
  const join = { predicted: 0, gold: 0, both: 0 };
  lines.forEach((line, i) => {
    const textFollows = lines.slice(i + 1, i + 3).some((next) => next.text.trim() !== "");
    if (!LINE_END_HYPHEN.test(line.text) || !textFollows) return;
    hyphens += 1;
    const expected: Verdict = gold.keep.includes(line.number)
      ? "keep"
      : gold.none.includes(line.number)
        ? "none"
        : "join";
    const repair = repairs.find((r) => r.start >= line.start && r.start <= line.end + 1);
    const found: Verdict =
      repair?.kind === "rejoined" ? "join" : repair?.kind === "line-break-removed" ? "keep" : "none";
    if (found === expected) right += 1;
    else misses.push(`line ${line.number} "${line.text.trim().slice(-20)}": ${found}, read as ${expected}`);
    if (found === "join") join.predicted += 1;
    if (expected === "join") join.gold += 1;
    if (found === "join" && expected === "join") join.both += 1;
  });
  const scored = lines.filter((line) => line.text.trim() !== "" && !MARKUP_LINE.test(line.text));
  const marked = new Set(
    scored
      .filter((line) => furniture.some((span) => span.start < line.end && span.end > line.start))
      .map((l) => l.number),
  );
  const goldFurniture = new Set(gold.furniture);
  const bothFurniture = [...marked].filter((n) => goldFurniture.has(n)).length;
  for (const n of goldFurniture) if (!marked.has(n)) misses.push(`line ${n}: furniture not found`);
  for (const n of marked) if (!goldFurniture.has(n)) misses.push(`line ${n}: taken for furniture`);
  return {
    document,
    hyphens,
    hyphensRight: right,
    joinPrecision: ratio(join.both, join.predicted),
    joinRecall: ratio(join.both, join.gold),
    furniturePrecision: ratio(bothFurniture, marked.size),
    furnitureRecall: ratio(bothFurniture, goldFurniture.size),
    misses,
  };
}

export function ocrCleanupEvaluation(): Evaluation {
  return {
    name: "OCR clean-up on the CIA briefs",
    async run() {
      const directory = join(packageRoot(), CIA_DIRECTORY);
      const gold = JSON.parse(readFileSync(join(directory, "cleanup.json"), "utf8")) as {
        documents: Record<string, DocumentGold>;
      };
      const scores = Object.entries(gold.documents).map(([file, lines]) =>
        scoreCleanup(file, readFileSync(join(directory, file), "utf8"), lines),
      );
      return {
        title: "OCR clean-up on the CIA briefs",
        render: () =>
          [
            "Line-end hyphens and page furniture of two OCR'd briefs (`data/eval/cia`), read by hand (`data/eval/cia/cleanup.json`), scored on each file's text as it is (`findHyphenRepairs`, `findFurniture` of `src/parse/cleanup`). A hyphen is right when it is rejoined, kept or left as the reader would; furniture is scored per line. OCR's character error rate is measured on the project's own rendered scans (`test/parse/binary/ocr.test.ts`, `npm run bench -- --formats-only`): these briefs have no clean transcript.",
            markdownTable(
              ["document", "line-end hyphens", "right", "rejoin P", "rejoin R", "furniture P", "furniture R"],
              scores.map((s) => [
                s.document,
                String(s.hyphens),
                fixed(ratio(s.hyphensRight, s.hyphens)),
                fixed(s.joinPrecision),
                fixed(s.joinRecall),
                fixed(s.furniturePrecision),
                fixed(s.furnitureRecall),
              ]),
            ),
            "Misses:",
            scores.flatMap((s) => s.misses.map((m) => `- ${s.document} ${m}`)).join("\n") || "none",
          ].join("\n\n"),
      };
    },
  };
}
