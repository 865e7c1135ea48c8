import type { SentenceFeatures } from "./features.js";
import { tagFeatureBuckets } from "./features.js";
import { MODEL_TAG_COUNT, OUTSIDE, allowedLast, allowedTransition } from "./tags.js";

export type Decoder = "viterbi" | "greedy";

/** The learned parameters: hashed emission rows of MODEL_TAG_COUNT weights, and tag transitions. */
export interface TaggerWeights {
  bits: number;
  decoder: Decoder;
  /** Row b (b < 2^bits) holds the weights of bucket b for each tag: emissions[b * MODEL_TAG_COUNT + tag]. */
  emissions: Float32Array;
  /** transitions[(previous + 1) * MODEL_TAG_COUNT + tag], previous = -1 at the start of a sentence. */
  transitions: Float32Array;
}

export const START = -1;

/** allowed[(previous + 1) * MODEL_TAG_COUNT + tag]: the BILOU transitions (allowedTransition). */
export const ALLOWED: readonly boolean[] = Array.from({ length: (MODEL_TAG_COUNT + 1) * MODEL_TAG_COUNT }, (_, k) =>
  allowedTransition(Math.floor(k / MODEL_TAG_COUNT) - 1, k % MODEL_TAG_COUNT),
);

/** For each tag, the tags that may precede it inside a sentence. */
const PREVIOUS: readonly Int32Array[] = Array.from({ length: MODEL_TAG_COUNT }, (_, tag) =>
  Int32Array.from(
    Array.from({ length: MODEL_TAG_COUNT }, (_, previous) => previous).filter((previous) =>
      allowedTransition(previous, tag),
    ),
  ),
);

/** Adds the emission weights of token i to scores[0..MODEL_TAG_COUNT). */
export function addEmissions(
  weights: TaggerWeights,
  features: SentenceFeatures,
  i: number,
  scores: Float64Array,
): void {
  const { emissions } = weights;
  const { buckets, offsets } = features;
  for (let k = offsets[i]!; k < offsets[i + 1]!; k++) {
    const row = buckets[k]! * MODEL_TAG_COUNT;
    for (let tag = 0; tag < MODEL_TAG_COUNT; tag++) scores[tag] = scores[tag]! + emissions[row + tag]!;
  }
}

export function decode(weights: TaggerWeights, features: SentenceFeatures): Int32Array {
  return weights.decoder === "greedy" ? decodeGreedy(weights, features) : decodeViterbi(weights, features);
}

export function decodeViterbi(weights: TaggerWeights, features: SentenceFeatures): Int32Array {
  const n = features.length;
  const scores = new Float64Array(n * MODEL_TAG_COUNT);
  const emission = new Float64Array(MODEL_TAG_COUNT);
  for (let i = 0; i < n; i++) {
    emission.fill(0);
    addEmissions(weights, features, i, emission);
    scores.set(emission, i * MODEL_TAG_COUNT);
  }
  return decodeScores(weights, scores, n);
}

/** Viterbi over precomputed emission scores: scores[i * MODEL_TAG_COUNT + tag]. */
export function decodeScores(weights: TaggerWeights, scores: Float64Array, n: number): Int32Array {
  const tags = new Int32Array(n);
  if (n === 0) return tags;
  const { transitions } = weights;
  const best = new Float64Array(n * MODEL_TAG_COUNT);
  const back = new Int32Array(n * MODEL_TAG_COUNT);
  for (let i = 0; i < n; i++) {
    for (let tag = 0; tag < MODEL_TAG_COUNT; tag++) {
      let top = -Infinity;
      let from = OUTSIDE;
      if (i === 0) {
        if (ALLOWED[tag]) top = transitions[tag]!;
      } else {
        for (const previous of PREVIOUS[tag]!) {
          const k = (previous + 1) * MODEL_TAG_COUNT + tag;
          const score = best[(i - 1) * MODEL_TAG_COUNT + previous]! + transitions[k]!;
          if (score > top) {
            top = score;
            from = previous;
          }
        }
      }
      best[i * MODEL_TAG_COUNT + tag] = top + scores[i * MODEL_TAG_COUNT + tag]!;
      back[i * MODEL_TAG_COUNT + tag] = from;
    }
  }
  let last = OUTSIDE;
  for (let tag = 1; tag < MODEL_TAG_COUNT; tag++) {
    if (allowedLast(tag) && best[(n - 1) * MODEL_TAG_COUNT + tag]! > best[(n - 1) * MODEL_TAG_COUNT + last]!)
      last = tag;
  }
  for (let i = n - 1; i >= 0; i--) {
    tags[i] = last;
    last = back[i * MODEL_TAG_COUNT + last]!;
  }
  return tags;
}

/** Scores of every tag for token i given the two tags before it (greedy decoder). */
export function greedyScores(
  weights: TaggerWeights,
  features: SentenceFeatures,
  i: number,
  previous: number,
  beforePrevious: number,
  scratch: Int32Array,
  scores: Float64Array,
): void {
  const mask = (1 << weights.bits) - 1;
  scores.fill(0);
  addEmissions(weights, features, i, scores);
  const count = tagFeatureBuckets(features, i, previous, beforePrevious, mask, scratch);
  for (let k = 0; k < count; k++) {
    const row = scratch[k]! * MODEL_TAG_COUNT;
    for (let tag = 0; tag < MODEL_TAG_COUNT; tag++) scores[tag] = scores[tag]! + weights.emissions[row + tag]!;
  }
  const transitionRow = (previous + 1) * MODEL_TAG_COUNT;
  for (let tag = 0; tag < MODEL_TAG_COUNT; tag++)
    scores[tag] = scores[tag]! + weights.transitions[transitionRow + tag]!;
}

/** Best allowed tag given scores and the previous tag. */
export function bestAllowed(scores: Float64Array, previous: number): number {
  let best = OUTSIDE;
  for (let tag = 1; tag < MODEL_TAG_COUNT; tag++) {
    if (ALLOWED[(previous + 1) * MODEL_TAG_COUNT + tag] && scores[tag]! > scores[best]!) best = tag;
  }
  return best;
}

export function decodeGreedy(weights: TaggerWeights, features: SentenceFeatures): Int32Array {
  const tags = new Int32Array(features.length);
  const scratch = new Int32Array(8);
  const scores = new Float64Array(MODEL_TAG_COUNT);
  for (let i = 0; i < features.length; i++) {
    const previous = i > 0 ? tags[i - 1]! : START;
    const beforePrevious = i > 1 ? tags[i - 2]! : START;
    greedyScores(weights, features, i, previous, beforePrevious, scratch, scores);
    tags[i] = bestAllowed(scores, previous);
  }
  return tags;
}
