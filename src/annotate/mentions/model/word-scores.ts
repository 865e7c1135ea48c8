/**
 * Emission scores of a sentence from sums cached per word. Most features of a token read one token
 * only: the token itself (addIntrinsic) or a neighbour (addNeighbour). Their weights are summed once
 * per word; only the joint features are looked up per sentence. The stored weights are hundredths held in floats, so their
 * sums are exact in doubles and any grouping of them gives the scores bit for bit.
 */
import type { TokenView } from "./features.js";
import { NEIGHBOUR_OFFSETS, intrinsicBuckets, neighbourBuckets, sentenceFeatures, tokenView } from "./features.js";
import type { WordLookup } from "./gazetteer.js";
import type { NerModel } from "./model-file.js";
import { MODEL_TAG_COUNT } from "./tags.js";

interface WordScores {
  /** Undefined for the positions past the ends of a sentence. */
  view: TokenView | undefined;
  /** Row 0: the word's own features; row 1 + r: those it gives the token NEIGHBOUR_OFFSETS[r] words away. */
  sums: Float64Array;
}

interface ScoreCache {
  words: Map<string, WordScores>;
  boundary: WordScores;
}

const WORD_CACHE_LIMIT = 50_000;
const ROWS = 1 + NEIGHBOUR_OFFSETS.length;
const caches = new WeakMap<NerModel, ScoreCache>();

function addRows(model: NerModel, buckets: readonly number[], into: Float64Array, row: number): void {
  const { emissions } = model.weights;
  const at = row * MODEL_TAG_COUNT;
  for (const bucket of buckets) {
    for (let tag = 0; tag < MODEL_TAG_COUNT; tag++)
      into[at + tag] = into[at + tag]! + emissions[bucket * MODEL_TAG_COUNT + tag]!;
  }
}

function wordScoresOf(model: NerModel, view: TokenView | undefined): WordScores {
  const { bits } = model.weights;
  const sums = new Float64Array(ROWS * MODEL_TAG_COUNT);
  if (view) addRows(model, intrinsicBuckets(view, bits), sums, 0);
  NEIGHBOUR_OFFSETS.forEach((offset, r) => addRows(model, neighbourBuckets(view, offset, bits), sums, 1 + r));
  return { view, sums };
}

function cacheOf(model: NerModel): ScoreCache {
  let cache = caches.get(model);
  if (!cache) caches.set(model, (cache = { words: new Map(), boundary: wordScoresOf(model, undefined) }));
  return cache;
}

function wordScores(model: NerModel, cache: ScoreCache, token: string, lookup: WordLookup | undefined): WordScores {
  let scores = cache.words.get(token);
  if (!scores) {
    if (cache.words.size >= WORD_CACHE_LIMIT) cache.words.clear();
    scores = wordScoresOf(model, tokenView(token, lookup));
    cache.words.set(token, scores);
  }
  return scores;
}

function addRow(scores: Float64Array, base: number, from: Float64Array, row: number): void {
  const at = row * MODEL_TAG_COUNT;
  for (let tag = 0; tag < MODEL_TAG_COUNT; tag++) scores[base + tag] = scores[base + tag]! + from[at + tag]!;
}

/** scores[i * MODEL_TAG_COUNT + tag]: the emission score of each tag for each token, with the model's word lists. */
export function emissionScores(
  model: NerModel,
  tokens: readonly string[],
  lookup: WordLookup | undefined,
): Float64Array {
  const n = tokens.length;
  const cache = cacheOf(model);
  const words = tokens.map((token) => wordScores(model, cache, token, lookup));
  const views = words.map((word) => word.view!);
  const features = sentenceFeatures(tokens, model.weights.bits, lookup, model.periodMatcher, "joint", views);
  const { emissions } = model.weights;
  const at = (j: number): WordScores => (j >= 0 && j < n ? words[j]! : cache.boundary);
  const scores = new Float64Array(n * MODEL_TAG_COUNT);
  for (let i = 0; i < n; i++) {
    const base = i * MODEL_TAG_COUNT;
    addRow(scores, base, words[i]!.sums, 0);
    for (let r = 0; r < NEIGHBOUR_OFFSETS.length; r++) addRow(scores, base, at(i + NEIGHBOUR_OFFSETS[r]!).sums, 1 + r);
    for (let k = features.offsets[i]!; k < features.offsets[i + 1]!; k++) {
      const row = features.buckets[k]! * MODEL_TAG_COUNT;
      for (let tag = 0; tag < MODEL_TAG_COUNT; tag++) scores[base + tag] = scores[base + tag]! + emissions[row + tag]!;
    }
  }
  return scores;
}
