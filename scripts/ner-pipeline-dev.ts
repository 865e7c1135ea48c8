/**
 * What the rules of the mention pipeline do to the model's names, on the dev parts (as src/eval/ner-dev.ts splits
 * them, so the held-out splits stay unseen):
 *   npx tsx scripts/ner-pipeline-dev.ts [--model PATH] [--save PATH] [--ablate] [--examples N] [train.ts flags]
 * Trains the dev model (or reads it with --model; --save keeps it for the next run), then scores, document by
 * document, the model alone (tagDocument) and the whole pipeline (extractMentions); with --ablate also the pipeline
 * without each extractor and without each refiner in turn. Counts the ORG errors of the pipeline by the extractor of
 * the mention that caused them; --examples lists that many of the ORG errors the pipeline adds to the model's
 * (with --all-errors, of all its ORG errors).
 */
import type { Mention } from "../src/annotate/mentions/index.js";
import { defaultConfiguration } from "../src/annotate/mentions/index.js";
import type { Configuration } from "../src/annotate/mentions/configuration.js";
import type { EntitySpan, NerModel } from "../src/annotate/mentions/model/index.js";
import { entitySpans, tagDocument } from "../src/annotate/mentions/model/index.js";
import { readModel, saveModel } from "../src/annotate/mentions/model/model-file.js";
import { parseTrainingArgs, trainNerModel, withTrainingLists } from "../src/annotate/mentions/model/train.js";
import type { NerDataset, NerSentence } from "../src/annotate/mentions/model/training-data.js";
import { loadNerDatasets } from "../src/annotate/mentions/model/training-data.js";
import { fixed, markdownTable } from "../src/eval/evaluation.js";
import { devSplit } from "../src/eval/ner-dev.js";
import type { ScoreTable } from "../src/eval/ner-score.js";
import { SpanScorer } from "../src/eval/ner-score.js";
import { pipelineMentions } from "../src/eval/pipeline-tagger.js";

type Variant = { name: string; configuration: (model: NerModel) => Configuration };

function flag(argv: string[], name: string): string | undefined {
  const at = argv.indexOf(name);
  if (at < 0) return undefined;
  const value = argv[at + 1];
  argv.splice(at, 2);
  return value;
}

function documents(dataset: NerDataset): NerSentence[][] {
  const groups = new Map<number | string, NerSentence[]>();
  dataset.heldOut.forEach((s, i) => {
    const key = s.document ?? `s${i}`;
    groups.set(key, [...(groups.get(key) ?? []), s]);
  });
  return [...groups.values()];
}

function variants(ablate: boolean): Variant[] {
  const full: Variant = {
    name: "pipeline",
    configuration: (model) => defaultConfiguration({ model, namesOnly: true }),
  };
  if (!ablate) return [full];
  const base = defaultConfiguration({ namesOnly: true });
  return [
    full,
    ...base.extractors
      .filter((e) => e.name !== "model")
      .map((e) => ({
        name: `− ${e.name}`,
        configuration: (model: NerModel) => {
          const c = defaultConfiguration({ model, namesOnly: true });
          return { ...c, extractors: c.extractors.filter((x) => x.name !== e.name) };
        },
      })),
    ...base.refiners.map((r) => ({
      name: `− ${r.name}`,
      configuration: (model: NerModel) => {
        const c = defaultConfiguration({ model, namesOnly: true });
        return { ...c, refiners: c.refiners.filter((x) => x.name !== r.name) };
      },
    })),
  ];
}

const key = (s: EntitySpan): string => `${s.startToken}:${s.endToken}:${s.type}`;
const overlaps = (a: EntitySpan, b: EntitySpan): boolean => a.startToken < b.endToken && b.startToken < a.endToken;

interface SentenceSpans {
  gold: EntitySpan[];
  predicted: EntitySpan[];
  fromModel: EntitySpan[];
  /** The pipeline's mention behind each predicted span, by key. */
  mentions: Map<string, Mention>;
}

/**
 * The gold ORG spans the pipeline lost and the wrong ORG spans it added, each with its kind ("lost ORG: gazetteer")
 * and an example line; only those where the model alone was right, unless listAll.
 */
function orgErrors(tokens: readonly string[], spans: SentenceSpans, listAll: boolean) {
  const { gold, predicted, fromModel, mentions } = spans;
  const text = (p: EntitySpan): string => `${p.type}[${tokens.slice(p.startToken, p.endToken).join(" ")}]`;
  const source = (p: EntitySpan): string => mentions.get(key(p))?.extractor ?? "?";
  const context = (p: EntitySpan): string => tokens.slice(Math.max(0, p.startToken - 5), p.endToken + 5).join(" ");
  const goldKeys = new Set(gold.map(key));
  const modelKeys = new Set(fromModel.map(key));
  const predictedKeys = new Set(predicted.map(key));
  const errors: { kind: string; line: string }[] = [];
  for (const g of gold) {
    if (g.type !== "ORG" || predictedKeys.has(key(g)) || (!listAll && !modelKeys.has(key(g)))) continue;
    const instead = predicted.filter((p) => overlaps(p, g));
    const shown = instead.map((p) => `${text(p)}<${source(p)}>`).join(" ") || "–";
    errors.push({
      kind: `lost ORG: ${instead.map(source).join("+") || "dropped"}`,
      line: `lost ${text(g)} as ${shown} | ${context(g)}`,
    });
  }
  for (const p of predicted) {
    if (p.type !== "ORG" || goldKeys.has(key(p)) || (!listAll && modelKeys.has(key(p)))) continue;
    const under =
      gold
        .filter((g) => overlaps(g, p))
        .map(text)
        .join(" ") || "–";
    errors.push({
      kind: `added wrong ORG: ${source(p)}`,
      line: `wrong ${text(p)}<${source(p)}> gold ${under} | ${context(p)}`,
    });
  }
  return errors;
}

export async function main(argv: string[]): Promise<void> {
  const modelPath = flag(argv, "--model");
  const savePath = flag(argv, "--save");
  const examplesWanted = Number(flag(argv, "--examples") ?? 0);
  const ablate = argv.includes("--ablate");
  const listAll = argv.includes("--all-errors");
  const trainingArgs = argv.filter((a) => a !== "--ablate" && a !== "--all-errors");
  const datasets = loadNerDatasets().map(devSplit);
  let model: NerModel;
  if (modelPath) model = readModel(modelPath);
  else {
    model = trainNerModel(datasets, await withTrainingLists(parseTrainingArgs(trainingArgs)));
    if (savePath) saveModel(savePath, model);
  }
  const rows: string[][] = [];
  const blame = new Map<string, number>();
  const examples: string[] = [];
  for (const dataset of datasets) {
    const groups = documents(dataset);
    const modelScorer = new SpanScorer();
    for (const group of groups) {
      const tagged = tagDocument(
        model,
        group.map((s) => s.tokens),
      );
      group.forEach((s, i) => modelScorer.add(entitySpans(s.tokens, s.tags), entitySpans(s.tokens, tagged[i] ?? [])));
    }
    const row = (name: string, t: ScoreTable): string[] => [
      dataset.name,
      name,
      ...(["PER", "ORG", "LOC", "micro"] as const).map((k) => fixed(t[k].f1, 3)),
      `${fixed(t.ORG.precision, 3)} / ${fixed(t.ORG.recall, 3)}`,
    ];
    rows.push(row("model (tagDocument)", modelScorer.scores()));
    for (const variant of variants(ablate)) {
      const scorer = new SpanScorer();
      const configuration = variant.configuration(model);
      for (const group of groups) {
        const tokens = group.map((s) => s.tokens);
        const { spans, mentions } = pipelineMentions(tokens, { configuration });
        const modelTags = variant.name === "pipeline" ? tagDocument(model, tokens) : [];
        group.forEach((s, i) => {
          const gold = entitySpans(s.tokens, s.tags);
          const predicted = spans[i] ?? [];
          scorer.add(gold, predicted);
          if (variant.name !== "pipeline") return;
          const fromModel = entitySpans(s.tokens, modelTags[i] ?? []);
          for (const error of orgErrors(s.tokens, { gold, predicted, fromModel, mentions: mentions[i]! }, listAll)) {
            blame.set(error.kind, (blame.get(error.kind) ?? 0) + 1);
            if (examples.length < examplesWanted) examples.push(`${dataset.name} ${error.line}`);
          }
        });
      }
      rows.push(row(variant.name, scorer.scores()));
    }
  }
  const out = [
    markdownTable(["corpus", "tagger", "PER F1", "ORG F1", "LOC F1", "micro F1", "ORG P / R"], rows),
    markdownTable(
      ["ORG error against the model", "count"],
      [...blame].sort((a, b) => b[1] - a[1]).map(([k, n]) => [k, String(n)]),
    ),
    examples.map((line) => `    ${line}`).join("\n"),
  ];
  process.stdout.write(out.join("\n\n") + "\n");
}

await main(process.argv.slice(2));
