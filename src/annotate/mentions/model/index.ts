/**
 * The learned named-entity tagger: PER, ORG and LOC in BIO tags for one tokenized sentence.
 * An averaged perceptron over hashed features and word clusters, trained by train.ts on the corpora
 * of data/ner (see data/ner/README.md); scores on held-out data are in docs/quality.md.
 */
import { join } from "node:path";
import type { Gazetteer, WordLookup } from "./gazetteer.js";
import type { TokenView } from "./features.js";
import { NEIGHBOUR_OFFSETS, intrinsicBuckets, neighbourBuckets, sentenceFeatures, tokenView } from "./features.js";
import { decode, decodeScores } from "./decode.js";
import { propagateNames } from "./document.js";
import { combineLookups } from "./gazetteer.js";
import { extendOverNameParticles } from "./name-particles.js";
import type { NerModel } from "./model-file.js";
import { readModel } from "./model-file.js";
import { packageRoot } from "./package-root.js";
import type { Tag } from "./tags.js";
import { MODEL_TAG_COUNT, toGuideTagNames } from "./tags.js";

export type { Gazetteer } from "./gazetteer.js";
export type { NerModel } from "./model-file.js";
export type { EntitySpan, EntityType, Tag } from "./tags.js";
export { entitySpans } from "./tags.js";

export const SHIPPED_MODEL = "models/ner-perceptron.json.gz";

export interface TagOptions {
  /**
   * More word lists, by lower-cased token, consulted before the model's own (trained) gazetteer.
   * They act through the gazetteer features the model learned, so they only help a model trained
   * with a gazetteer (the shipped one is: compromise's names, places and organizations).
   */
  gazetteer?: Gazetteer;
  /** Widen entities over Arabic name particles ("Abd al - Karim Qasim"); default true. */
  nameParticles?: boolean;
}

export function shippedModelPath(): string {
  return join(packageRoot(), SHIPPED_MODEL);
}

const loaded = new Map<string, NerModel>();

/** Loads a model file (default: the shipped model), once per path. */
export function loadNerModel(path: string = shippedModelPath()): NerModel {
  let model = loaded.get(path);
  if (!model) {
    model = readModel(path);
    loaded.set(path, model);
  }
  return model;
}

/** BIO tags ("B-PER", "I-PER", "B-ORG", …, "O"), one per token. */
export function tagSentence(model: NerModel, tokens: readonly string[], options: TagOptions = {}): Tag[] {
  if (tokens.length === 0) return [];
  const lookup = combineLookups(options.gazetteer, model.wordLookup);
  const cached = options.gazetteer === undefined && model.weights.decoder === "viterbi";
  const tags = toGuideTagNames(
    cached
      ? decodeScores(model.weights, emissionScores(model, tokens, lookup), tokens.length)
      : decode(model.weights, sentenceFeatures(tokens, model.weights.bits, lookup, model.periodMatcher)),
  );
  return options.nameParticles === false ? tags : extendOverNameParticles(tokens, tags);
}

/**
 * Summed weights, per tag, of the features one word decides by itself wherever it occurs: its own
 * (intrinsicBuckets) at [0, MODEL_TAG_COUNT), then those it gives the token `offset` words away
 * (neighbourBuckets), one row per NEIGHBOUR_OFFSETS entry. Sums of the stored weights are exact in
 * doubles, so adding them in any grouping gives the scores bit for bit.
 */
interface WordScores {
  view: TokenView;
  sums: Float64Array;
}

const NEIGHBOUR_ROWS = NEIGHBOUR_OFFSETS.length;
const WORD_CACHE_LIMIT = 50_000;

interface ScoreCache {
  words: Map<string, WordScores>;
  /** The neighbour rows of a position past the ends of the sentence. */
  boundary: Float64Array;
}

const scoreCaches = new WeakMap<NerModel, ScoreCache>();

function addRows(emissions: Float32Array, buckets: readonly number[], into: Float64Array, at: number): void {
  for (const bucket of buckets) {
    for (let tag = 0; tag < MODEL_TAG_COUNT; tag++)
      into[at + tag] = into[at + tag]! + emissions[bucket * MODEL_TAG_COUNT + tag]!;
  }
}

function neighbourSums(model: NerModel, view: TokenView | undefined, into: Float64Array, at: number): void {
  NEIGHBOUR_OFFSETS.forEach((offset, row) => {
    const buckets = neighbourBuckets(view, offset, model.weights.bits);
    addRows(model.weights.emissions, buckets, into, at + row * MODEL_TAG_COUNT);
  });
}

function scoreCache(model: NerModel): ScoreCache {
  let cache = scoreCaches.get(model);
  if (!cache) {
    const boundary = new Float64Array(NEIGHBOUR_ROWS * MODEL_TAG_COUNT);
    neighbourSums(model, undefined, boundary, 0);
    scoreCaches.set(model, (cache = { words: new Map(), boundary }));
  }
  return cache;
}

function wordScores(model: NerModel, cache: ScoreCache, token: string, lookup: WordLookup | undefined): WordScores {
  let scores = cache.words.get(token);
  if (!scores) {
    if (cache.words.size >= WORD_CACHE_LIMIT) cache.words.clear();
    const view = tokenView(token, lookup);
    const sums = new Float64Array((1 + NEIGHBOUR_ROWS) * MODEL_TAG_COUNT);
    addRows(model.weights.emissions, intrinsicBuckets(view, model.weights.bits), sums, 0);
    neighbourSums(model, view, sums, MODEL_TAG_COUNT);
    scores = { view, sums };
    cache.words.set(token, scores);
  }
  return scores;
}

/** Emission scores of a sentence: cached word scores plus the joint features (FeatureSet). */
function emissionScores(model: NerModel, tokens: readonly string[], lookup: WordLookup | undefined): Float64Array {
  const n = tokens.length;
  const cache = scoreCache(model);
  const words = tokens.map((token) => wordScores(model, cache, token, lookup));
  const views = words.map((word) => word.view);
  const { bits, emissions } = model.weights;
  const features = sentenceFeatures(tokens, bits, lookup, model.periodMatcher, "joint", views);
  const scores = new Float64Array(n * MODEL_TAG_COUNT);
  for (let i = 0; i < n; i++) {
    const base = i * MODEL_TAG_COUNT;
    scores.set(words[i]!.sums.subarray(0, MODEL_TAG_COUNT), base);
    for (let row = 0; row < NEIGHBOUR_ROWS; row++) {
      const j = i + NEIGHBOUR_OFFSETS[row]!;
      const inside = j >= 0 && j < n;
      const from = inside ? words[j]!.sums : cache.boundary;
      const at = (inside ? 1 + row : row) * MODEL_TAG_COUNT;
      for (let tag = 0; tag < MODEL_TAG_COUNT; tag++) scores[base + tag] = scores[base + tag]! + from[at + tag]!;
    }
    for (let k = features.offsets[i]!; k < features.offsets[i + 1]!; k++) {
      const row = features.buckets[k]! * MODEL_TAG_COUNT;
      for (let tag = 0; tag < MODEL_TAG_COUNT; tag++) scores[base + tag] = scores[base + tag]! + emissions[row + tag]!;
    }
  }
  return scores;
}

/**
 * Tags every sentence of one document, then makes the document agree with itself: a name found
 * in one sentence is tagged where it recurs untagged, and a person's surname alone is that person.
 */
export function tagDocument(
  model: NerModel,
  sentences: readonly (readonly string[])[],
  options: TagOptions = {},
): Tag[][] {
  const tagged = sentences.map((tokens) => tagSentence(model, tokens, options));
  return propagateNames(sentences, tagged, combineLookups(options.gazetteer, model.wordLookup));
}
