/**
 * Why organizations fail: trains on the training splits without their dev part (as src/eval/ner-dev.ts does)
 * and counts the organization errors on the dev parts by the pattern of the name, sentence by sentence:
 *   npx tsx scripts/ner-org-errors.ts [train.ts flags]
 * A gold ORG span not found exactly is an error of its kind (missed, typed PER / LOC, boundary); a predicted ORG
 * span that overlaps no gold span is spurious. Each name counts under every pattern it shows.
 */
import type { EntitySpan } from "../src/annotate/mentions/model/index.js";
import { entitySpans, tagSentence } from "../src/annotate/mentions/model/index.js";
import { parseTrainingArgs, trainNerModel, withTrainingLists } from "../src/annotate/mentions/model/train.js";
import { loadNerDatasets } from "../src/annotate/mentions/model/training-data.js";
import { ORG_HEAD_WORDS, bareLower, isCapitalised } from "../src/annotate/mentions/model/words.js";
import type { WordLookup } from "../src/annotate/mentions/model/gazetteer.js";
import { devSplit, errorClasses } from "../src/eval/ner-dev.js";
import { markdownTable } from "../src/eval/evaluation.js";

const LOWER_HEADS = new Set("group party family band team club movement militia faction forces government".split(" "));

/** The patterns a name shows in its sentence. */
function patterns(tokens: readonly string[], span: EntitySpan, lookup: WordLookup | undefined): string[] {
  const words = tokens.slice(span.startToken, span.endToken);
  const lower = words.map(bareLower);
  const found: string[] = [];
  if (words.length === 1 && /^\p{Lu}{2,8}$/u.test(words[0]!)) found.push("acronym");
  else if (words.every((w) => w === w.toUpperCase()) && words.some((w) => /\p{L}/u.test(w))) found.push("all caps");
  if (words.every((w) => w === w.toLowerCase())) found.push("lower case");
  if (words.length === 1 && !found.includes("acronym")) found.push("one word");
  if (words.length > 1) found.push("multiword");
  if (lower.includes("of")) found.push("X of Y");
  if (ORG_HEAD_WORDS.has(lower[lower.length - 1]!)) found.push("head word listed");
  else if (words.length > 1) found.push("multiword, head not listed");
  if (lower.some((w) => lookup?.(w) === "common")) found.push("has a common word");
  if (lower.some((w) => lookup?.(w) === "LOC")) found.push("has a place word");
  if (tokens[span.startToken - 1]?.toLowerCase() === "the") found.push("after the");
  if (span.startToken === 0) found.push("sentence start");
  const after = tokens[span.endToken];
  if (after !== undefined && LOWER_HEADS.has(after)) found.push("before a lower-case head (X group)");
  const before = tokens.slice(Math.max(0, span.startToken - 3), span.startToken).map((w) => w.toLowerCase());
  if (before.some((w) => LOWER_HEADS.has(w))) found.push("after team/band/party/… cue");
  if (!isCapitalised(words[0]!)) found.push("first word not capitalised");
  return found;
}

export async function main(argv: readonly string[]): Promise<void> {
  const options = await withTrainingLists(parseTrainingArgs(argv));
  const datasets = loadNerDatasets().map(devSplit);
  const model = trainNerModel(datasets, options);
  const kinds = ["missed", "as PER", "as LOC", "boundary", "spurious"] as const;
  const counts = new Map<string, Map<string, number>>();
  const bump = (pattern: string, kind: string): void => {
    const row = counts.get(pattern) ?? new Map<string, number>();
    row.set(kind, (row.get(kind) ?? 0) + 1);
    counts.set(pattern, row);
  };
  for (const dataset of datasets) {
    for (const sentence of dataset.heldOut) {
      const gold = entitySpans(sentence.tokens, sentence.tags);
      const predicted = entitySpans(sentence.tokens, tagSentence(model, sentence.tokens));
      for (const span of gold.filter((g) => g.type === "ORG")) {
        const error = errorClasses([span], predicted).find((e) => e.span === span);
        const kind =
          error === undefined
            ? "found"
            : error.error === "missed"
              ? "missed"
              : error.error === "boundary"
                ? "boundary"
                : `as ${error.predicted[0]?.type ?? "?"}`;
        for (const pattern of ["all", ...patterns(sentence.tokens, span, model.wordLookup)]) {
          bump(pattern, "gold");
          bump(pattern, kind);
        }
        bump(`${dataset.name}: all`, "gold");
        bump(`${dataset.name}: all`, kind);
      }
      for (const error of errorClasses(gold, predicted))
        if (error.error === "spurious" && error.type === "ORG")
          for (const pattern of ["all", ...patterns(sentence.tokens, error.span, model.wordLookup)])
            bump(pattern, "spurious");
    }
  }
  const rows = [...counts].sort(([, a], [, b]) => (b.get("gold") ?? 0) - (a.get("gold") ?? 0));
  process.stdout.write(
    markdownTable(
      ["pattern", "gold ORG", "found", ...kinds],
      rows.map(([pattern, row]) => [pattern, ...["gold", "found", ...kinds].map((k) => String(row.get(k) ?? 0))]),
    ) + "\n",
  );
}

await main(process.argv.slice(2));
