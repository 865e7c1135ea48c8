/**
 * Trains the NER tagger and writes models/ner-perceptron.json.gz (`npm run train:ner`):
 *   npx tsx src/annotate/mentions/model/train.ts [--epochs N] [--decoder viterbi|greedy] [--bits B] [--seed S]
 *     [--case-copies SHARE] [--out PATH] [--no-gazetteer] [--no-period-gazetteer]
 * It reads every corpus of data/ner (and data/ner/in-domain/*.train.conll when present) and learns from
 * their training splits only (see training-data.ts and data/ner/README.md), so the held-out scores that
 * `npm run eval` writes to docs/quality.md are measured on text the model never saw.
 * Deterministic: fixed seed, sentences shuffled by a seeded PRNG, same file for the same data.
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Decoder } from "./decode.js";
import type { WordLists, WordLookup } from "./gazetteer.js";
import { lookupFromLists } from "./gazetteer.js";
import { trainingWordLists } from "./word-lists.js";
import { sentenceFeatures } from "./features.js";
import type { NerModel } from "./model-file.js";
import { saveModel } from "./model-file.js";
import { packageRoot } from "./package-root.js";
import type { PhraseLists, PhraseMatcher } from "./period-gazetteer.js";
import { PERIOD_GAZETTEER_FILE, phraseMatcher, readPeriodGazetteer } from "./period-gazetteer.js";
import type { TrainingSentence } from "./perceptron.js";
import { seededRandom, trainPerceptron } from "./perceptron.js";
import { toModelTags } from "./tags.js";
import type { NerDataset, NerSentence } from "./training-data.js";
import { loadNerDatasets } from "./training-data.js";
import { SHIPPED_MODEL } from "./index.js";

export interface TrainNerOptions {
  epochs: number;
  decoder: Decoder;
  bits: number;
  seed: number;
  /** Share of the training sentences added again in capitals, and the same share again in lower case. */
  caseCopies: number;
  wordLists?: WordLists;
  periodNames?: PhraseLists;
  log?: (line: string) => void;
}

export const DEFAULT_TRAINING: TrainNerOptions = {
  epochs: 10,
  decoder: "viterbi",
  bits: 18,
  seed: 1958,
  caseCopies: 0.2,
};

/**
 * Upper- and lower-cased copies of a seeded random share of the sentences, so that the model
 * learns names in cables written in capitals and in lower-cased dumps from context and clusters.
 */
export function caseAblatedCopies(sentences: readonly NerSentence[], share: number, seed: number): NerSentence[] {
  const random = seededRandom(seed);
  const copies: NerSentence[] = [];
  for (const sentence of sentences) {
    const draw = random();
    const cased = draw < share ? "upper" : draw < 2 * share ? "lower" : undefined;
    if (cased === undefined) continue;
    const tokens = sentence.tokens.map((token) => (cased === "upper" ? token.toUpperCase() : token.toLowerCase()));
    copies.push({ tokens, tags: sentence.tags });
  }
  return copies;
}

export function toTrainingSentences(
  sentences: readonly NerSentence[],
  bits: number,
  lookup?: WordLookup,
  phrases?: PhraseMatcher,
) {
  return sentences.map((s): TrainingSentence => ({
    features: sentenceFeatures(s.tokens, bits, lookup, phrases),
    gold: toModelTags(s.tags),
  }));
}

/** Trains on the training split of every dataset. */
export function trainNerModel(datasets: readonly NerDataset[], options: TrainNerOptions): NerModel {
  const original = datasets.flatMap((dataset) => dataset.train);
  const sentences = [...original, ...caseAblatedCopies(original, options.caseCopies, options.seed)];
  const started = performance.now();
  const lists = options.wordLists;
  const lookup = lists ? lookupFromLists(lists) : undefined;
  const periodMatcher = options.periodNames ? phraseMatcher(options.periodNames) : undefined;
  const weights = trainPerceptron(toTrainingSentences(sentences, options.bits, lookup, periodMatcher), {
    bits: options.bits,
    decoder: options.decoder,
    epochs: options.epochs,
    seed: options.seed,
    onEpoch: (epoch, mistakes, tokens) =>
      options.log?.(
        `epoch ${epoch}: ${mistakes} of ${tokens} tokens wrong (${((100 * mistakes) / tokens).toFixed(2)}%)`,
      ),
  });
  const seconds = (performance.now() - started) / 1000;
  options.log?.(`trained in ${seconds.toFixed(1)} s`);
  return {
    weights,
    ...(lists && lookup ? { wordLists: lists, wordLookup: lookup } : {}),
    ...(options.periodNames && periodMatcher ? { periodNames: options.periodNames, periodMatcher } : {}),
    training: {
      data: datasets.map((d) => `${d.name}: ${d.train.length} sentences (${d.split})`),
      caseCopies: options.caseCopies,
      seconds: Math.round(seconds),
      decoder: options.decoder,
      epochs: options.epochs,
      seed: options.seed,
      hashBits: options.bits,
      wordLists: lists ? "compromise lexicon, countries and regions, Arabic given names, nationalities" : "none",
      periodGazetteer: options.periodNames ? PERIOD_GAZETTEER_FILE : "none",
    },
  };
}

interface CommandOptions extends TrainNerOptions {
  out: string;
  minScaled: number;
  useGazetteer: boolean;
  usePeriodGazetteer: boolean;
}

export function parseTrainingArgs(argv: readonly string[]): CommandOptions {
  const options: CommandOptions = {
    ...DEFAULT_TRAINING,
    out: join(packageRoot(), SHIPPED_MODEL),
    minScaled: 1,
    useGazetteer: true,
    usePeriodGazetteer: true,
  };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1] ?? ""];
    if (flag === "--epochs") options.epochs = Number(value);
    else if (flag === "--decoder" && (value === "viterbi" || value === "greedy")) options.decoder = value;
    else if (flag === "--bits") options.bits = Number(value);
    else if (flag === "--seed") options.seed = Number(value);
    else if (flag === "--out") options.out = value;
    else if (flag === "--case-copies") options.caseCopies = Number(value);
    else if (flag === "--min-scaled") options.minScaled = Number(value);
    else if (flag === "--no-period-gazetteer") {
      options.usePeriodGazetteer = false;
      i--;
    } else if (flag === "--no-gazetteer") {
      options.useGazetteer = false;
      i--;
    } else
      throw new Error(
        `usage: train.ts [--epochs N] [--decoder viterbi|greedy] [--bits B] [--seed S] [--case-copies SHARE] [--out PATH] [--no-gazetteer] [--no-period-gazetteer]`,
      );
  }
  return options;
}

/** The command's options with the word lists and the period gazetteer it asks for loaded. */
export async function withTrainingLists(options: CommandOptions): Promise<CommandOptions> {
  return {
    ...options,
    ...(options.useGazetteer ? { wordLists: await trainingWordLists() } : {}),
    ...(options.usePeriodGazetteer ? { periodNames: readPeriodGazetteer(packageRoot()) } : {}),
  };
}

export async function main(argv: readonly string[]): Promise<void> {
  const options = await withTrainingLists(parseTrainingArgs(argv));
  const log = (line: string): void => void process.stderr.write(line + "\n");
  const datasets = loadNerDatasets();
  for (const dataset of datasets) for (const problem of dataset.problems ?? []) log(problem);
  const model = trainNerModel(datasets, { ...options, log });
  const bytes = saveModel(options.out, model, { minScaled: options.minScaled });
  log(`wrote ${options.out} (${(bytes / 1e6).toFixed(2)} MB)`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main(process.argv.slice(2));
