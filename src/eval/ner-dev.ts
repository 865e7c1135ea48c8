/**
 * Development scores of a tagger trained without a dev part of every training split, so that features can be
 * chosen without looking at the held-out text that docs/quality.md reports:
 *   npx tsx src/eval/ner-dev.ts [--examples PER|ORG|LOC] [train.ts flags]
 * The dev part is every DEV_EVERY-th training document (WikiGold, in-domain) or sentence (the others). Prints
 * P / R / F1 per type and corpus and what the errors are: boundaries, type, both, missed, spurious; with
 * --examples, the first EXAMPLES_PER_CORPUS errors of that type in each corpus with their context.
 */
import { pathToFileURL } from "node:url";
import type { EntitySpan, EntityType } from "../annotate/mentions/model/index.js";
import { entitySpans, tagDocument, tagSentence } from "../annotate/mentions/model/index.js";
import { ENTITY_TYPES } from "../annotate/mentions/model/tags.js";
import { parseTrainingArgs, trainNerModel, withTrainingLists } from "../annotate/mentions/model/train.js";
import type { NerDataset, NerSentence } from "../annotate/mentions/model/training-data.js";
import { loadNerDatasets } from "../annotate/mentions/model/training-data.js";
import { fixed, markdownTable } from "./evaluation.js";
import type { ScoreTable } from "./ner-score.js";
import { SpanScorer } from "./ner-score.js";

const DEV_EVERY = 5;
const EXAMPLES_PER_CORPUS = 40;

/** The training split of a dataset cut into the part that trains and the dev part. */
export function devSplit(dataset: NerDataset): NerDataset {
  const isDev = (sentence: NerSentence, index: number): boolean => (sentence.document ?? index) % DEV_EVERY === 0;
  return {
    ...dataset,
    train: dataset.train.filter((s, i) => !isDev(s, i)),
    heldOut: dataset.train.filter(isDev),
  };
}

export type ErrorClass = "boundary" | "type" | "boundary and type" | "missed" | "spurious";

const overlaps = (a: EntitySpan, b: EntitySpan): boolean => a.startToken < b.endToken && b.startToken < a.endToken;
const sameSpan = (a: EntitySpan, b: EntitySpan): boolean => a.startToken === b.startToken && a.endToken === b.endToken;

export interface SpanError {
  error: ErrorClass;
  /** The gold span's type; a spurious prediction's own type. */
  type: EntityType;
  /** The gold span; the spurious prediction itself. */
  span: EntitySpan;
  /** The predictions that overlap the gold span. */
  predicted: EntitySpan[];
}

/** What went wrong with each gold span not found exactly, and with each prediction that overlaps no gold span. */
export function errorClasses(gold: readonly EntitySpan[], predicted: readonly EntitySpan[]): SpanError[] {
  const errors: SpanError[] = [];
  for (const span of gold) {
    if (predicted.some((p) => sameSpan(p, span) && p.type === span.type)) continue;
    const near = predicted.filter((p) => overlaps(p, span));
    const error: ErrorClass = near.some((p) => sameSpan(p, span))
      ? "type"
      : near.some((p) => p.type === span.type)
        ? "boundary"
        : near.length > 0
          ? "boundary and type"
          : "missed";
    errors.push({ error, type: span.type, span, predicted: near });
  }
  for (const p of predicted)
    if (!gold.some((span) => overlaps(p, span)))
      errors.push({ error: "spurious", type: p.type, span: p, predicted: [] });
  return errors;
}

interface DevResult {
  name: string;
  sentences: ScoreTable;
  documents: ScoreTable;
  errors: Map<string, number>;
  /** Errors of the type asked for with --examples, one line each. */
  examples: string[];
}

type Tagger = (sentences: NerSentence[]) => EntitySpan[][];

/** "missed ORG[Maute] as – | with militants of the Maute group ." */
function exampleLine(tokens: readonly string[], { error, span, predicted }: SpanError): string {
  const text = (s: EntitySpan): string => `${s.type}[${tokens.slice(s.startToken, s.endToken).join(" ")}]`;
  const context = tokens.slice(Math.max(0, span.startToken - 5), span.endToken + 5).join(" ");
  return `${error} ${text(span)} as ${predicted.map(text).join(" ") || "–"} | ${context}`;
}

function scoreDev(dataset: NerDataset, tagged: Tagger, examplesOf?: EntityType): DevResult {
  const byDocument = new Map<number | string, NerSentence[]>();
  dataset.heldOut.forEach((s, i) => {
    const key = s.document ?? `sentence ${i}`;
    byDocument.set(key, [...(byDocument.get(key) ?? []), s]);
  });
  return { name: dataset.name, ...scoreGroups([...byDocument.values()], tagged, examplesOf) };
}

function scoreGroups(groups: NerSentence[][], tagged: Tagger, examplesOf: EntityType | undefined) {
  const sentences = new SpanScorer();
  const documents = new SpanScorer();
  const errors = new Map<string, number>();
  const examples: string[] = [];
  for (const group of groups) {
    const documentSpans = tagged(group);
    group.forEach((s, i) => {
      const gold = entitySpans(s.tokens, s.tags);
      const predicted = documentSpans[i] ?? [];
      documents.add(gold, predicted);
      const own = tagged([s])[0] ?? [];
      sentences.add(gold, own);
      for (const found of errorClasses(gold, own)) {
        const key = `${found.type} ${found.error}`;
        errors.set(key, (errors.get(key) ?? 0) + 1);
        if (found.type === examplesOf && examples.length < EXAMPLES_PER_CORPUS)
          examples.push(exampleLine(s.tokens, found));
      }
    });
  }
  return { sentences: sentences.scores(), documents: documents.scores(), errors, examples };
}

const ERROR_ORDER: readonly ErrorClass[] = ["boundary", "type", "boundary and type", "missed", "spurious"];

export function renderDev(results: readonly DevResult[]): string {
  const scores = markdownTable(
    ["corpus", "PER P / R / F1", "ORG P / R / F1", "LOC P / R / F1", "micro F1", "micro F1, tagDocument"],
    results.map((r) => [
      r.name,
      ...(["PER", "ORG", "LOC"] as const).map((t) =>
        [r.sentences[t].precision, r.sentences[t].recall, r.sentences[t].f1].map((x) => fixed(x, 3)).join(" / "),
      ),
      fixed(r.sentences.micro.f1, 3),
      fixed(r.documents.micro.f1, 3),
    ]),
  );
  const errors = markdownTable(
    ["corpus", "type", ...ERROR_ORDER],
    results.flatMap((r) =>
      ENTITY_TYPES.map((type) => [r.name, type, ...ERROR_ORDER.map((e) => String(r.errors.get(`${type} ${e}`) ?? 0))]),
    ),
  );
  const examples = results
    .filter((r) => r.examples.length > 0)
    .map((r) => `### ${r.name}\n\n${r.examples.map((line) => `    ${line}`).join("\n")}`);
  return [scores, errors, ...examples].join("\n\n");
}

/** The --examples type, and the other arguments (train.ts flags). */
export function parseDevArgs(argv: readonly string[]): { examplesOf?: EntityType; trainingArgs: string[] } {
  const at = argv.indexOf("--examples");
  if (at < 0) return { trainingArgs: [...argv] };
  const type = argv[at + 1];
  if (!ENTITY_TYPES.includes(type as EntityType)) throw new Error(`--examples: one of ${ENTITY_TYPES.join(", ")}`);
  return { examplesOf: type as EntityType, trainingArgs: argv.filter((_, i) => i !== at && i !== at + 1) };
}

export async function main(argv: readonly string[]): Promise<void> {
  const { examplesOf, trainingArgs } = parseDevArgs(argv);
  const options = await withTrainingLists(parseTrainingArgs(trainingArgs));
  const log = (line: string): void => void process.stderr.write(line + "\n");
  const datasets = loadNerDatasets().map(devSplit);
  const model = trainNerModel(datasets, { ...options, log });
  const spansOf = (sentences: NerSentence[]): EntitySpan[][] =>
    sentences.length === 1
      ? [entitySpans(sentences[0]!.tokens, tagSentence(model, sentences[0]!.tokens))]
      : tagDocument(
          model,
          sentences.map((s) => s.tokens),
        ).map((tags, i) => entitySpans(sentences[i]!.tokens, tags));
  process.stdout.write(renderDev(datasets.map((d) => scoreDev(d, spansOf, examplesOf))) + "\n");
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main(process.argv.slice(2));
