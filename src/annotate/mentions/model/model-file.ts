import { readFileSync, writeFileSync } from "node:fs";
import { gunzipSync, gzipSync } from "node:zlib";
import type { Decoder, TaggerWeights } from "./decode.js";
import type { WordLists, WordLookup } from "./gazetteer.js";
import { lookupFromLists } from "./gazetteer.js";
import type { PhraseLists, PhraseMatcher } from "./period-gazetteer.js";
import { phraseMatcher } from "./period-gazetteer.js";
import { MODEL_TAG_COUNT, MODEL_TAGS } from "./tags.js";

export const MODEL_FORMAT = "annals-ner-perceptron";
/** Bump when feature templates or hashing change: old model files then no longer match the code. */
export const FEATURE_VERSION = 3;

/** What the file says about how the model was made; shown in reports, never read by the tagger. */
export type TrainingInfo = Record<string, string | number | boolean | readonly string[]>;

export interface NerModel {
  weights: TaggerWeights;
  /** The word lists the model was trained with; tagging uses them too. */
  wordLists?: WordLists;
  wordLookup?: WordLookup;
  /** The period gazetteer the model was trained with (period-gazetteer.ts); tagging uses it too. */
  periodNames?: PhraseLists;
  periodMatcher?: PhraseMatcher;
  training: TrainingInfo;
}

interface ModelFile {
  format: string;
  featureVersion: number;
  tags: string[];
  bits: number;
  decoder: Decoder;
  /** Weights are stored as integers: weight × scale, rounded. */
  scale: number;
  transitions: number[];
  /** Per stored bucket: bucket − previous stored bucket, a bit mask of the tags that follow, then their weights. */
  rows: number[];
  wordLists?: WordLists;
  periodNames?: PhraseLists;
  training: TrainingInfo;
}

export interface SaveOptions {
  scale?: number;
  /** Weights whose absolute scaled value is below this are dropped (pruning). */
  minScaled?: number;
}

export function encodeModel(model: NerModel, options: SaveOptions = {}): ModelFile {
  const scale = options.scale ?? 100;
  const minScaled = options.minScaled ?? 1;
  const { emissions, transitions, bits, decoder } = model.weights;
  const rows: number[] = [];
  let lastBucket = 0;
  for (let bucket = 0; bucket < 1 << bits; bucket++) {
    let mask = 0;
    const values: number[] = [];
    for (let tag = 0; tag < MODEL_TAG_COUNT; tag++) {
      const scaled = Math.round(emissions[bucket * MODEL_TAG_COUNT + tag]! * scale);
      if (Math.abs(scaled) >= minScaled) {
        mask |= 1 << tag;
        values.push(scaled);
      }
    }
    if (mask === 0) continue;
    rows.push(bucket - lastBucket, mask, ...values);
    lastBucket = bucket;
  }
  return {
    format: MODEL_FORMAT,
    featureVersion: FEATURE_VERSION,
    tags: [...MODEL_TAGS],
    bits,
    decoder,
    scale,
    transitions: Array.from(transitions, (w) => Math.round(w * scale)),
    rows,
    ...(model.wordLists ? { wordLists: model.wordLists } : {}),
    ...(model.periodNames ? { periodNames: model.periodNames } : {}),
    training: model.training,
  };
}

export function decodeModel(file: ModelFile): NerModel {
  if (file.format !== MODEL_FORMAT) throw new Error(`not an annals NER model (format ${String(file.format)})`);
  if (file.featureVersion !== FEATURE_VERSION || file.tags.join() !== MODEL_TAGS.join()) {
    throw new Error("NER model was trained with other features or tags; retrain it (npm run train:ner)");
  }
  const emissions = new Float32Array((1 << file.bits) * MODEL_TAG_COUNT);
  let bucket = 0;
  let k = 0;
  while (k < file.rows.length) {
    bucket += file.rows[k++]!;
    const mask = file.rows[k++]!;
    for (let tag = 0; tag < MODEL_TAG_COUNT; tag++) {
      if (mask & (1 << tag)) emissions[bucket * MODEL_TAG_COUNT + tag] = file.rows[k++]! / file.scale;
    }
  }
  const transitions = Float32Array.from(file.transitions, (w) => w / file.scale);
  const weights = { bits: file.bits, decoder: file.decoder, emissions, transitions };
  return {
    weights,
    ...(file.wordLists ? { wordLists: file.wordLists, wordLookup: lookupFromLists(file.wordLists) } : {}),
    ...(file.periodNames ? { periodNames: file.periodNames, periodMatcher: phraseMatcher(file.periodNames) } : {}),
    training: file.training,
  };
}

/** Writes the model as JSON, gzip-compressed when the path ends in ".gz". Returns the bytes written. */
export function saveModel(path: string, model: NerModel, options: SaveOptions = {}): number {
  const json = JSON.stringify(encodeModel(model, options));
  const bytes = path.endsWith(".gz") ? gzipSync(json, { level: 9 }) : Buffer.from(json);
  writeFileSync(path, bytes);
  return bytes.length;
}

export function readModel(path: string): NerModel {
  const bytes = readFileSync(path);
  const json = path.endsWith(".gz") ? gunzipSync(bytes).toString("utf8") : bytes.toString("utf8");
  return decodeModel(JSON.parse(json) as ModelFile);
}
