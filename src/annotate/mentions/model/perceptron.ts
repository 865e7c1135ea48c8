import type { Decoder, TaggerWeights } from "./decode.js";
import { START, bestAllowed, decodeViterbi, greedyScores } from "./decode.js";
import type { SentenceFeatures } from "./features.js";
import { tagFeatureBuckets } from "./features.js";
import { MODEL_TAG_COUNT } from "./tags.js";

export interface TrainingSentence {
  features: SentenceFeatures;
  /** Gold model tag indices (see MODEL_TAGS). */
  gold: Int32Array;
}

export interface PerceptronOptions {
  bits: number;
  decoder: Decoder;
  epochs: number;
  seed: number;
  onEpoch?: (epoch: number, mistakes: number, tokens: number) => void;
}

/**
 * Parameters with the averaging trick of Daumé III: w holds the current weights, u the sum of
 * step × update, and the average over all steps is w − u / step.
 */
class AveragedParameters {
  readonly current: Float32Array;
  private readonly sum: Float64Array;
  constructor(size: number) {
    this.current = new Float32Array(size);
    this.sum = new Float64Array(size);
  }
  add(index: number, delta: number, step: number): void {
    this.current[index] = this.current[index]! + delta;
    this.sum[index] = this.sum[index]! + step * delta;
  }
  averaged(step: number): Float32Array {
    const out = new Float32Array(this.current.length);
    for (let i = 0; i < out.length; i++) out[i] = this.current[i]! - this.sum[i]! / step;
    return out;
  }
}

/** Deterministic PRNG (mulberry32). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = Math.imul(state ^ (state >>> 15), 1 | state);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffleInPlace<T>(items: T[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
}

interface TrainingState {
  weights: TaggerWeights;
  emissions: AveragedParameters;
  transitions: AveragedParameters;
  step: number;
}

export function trainPerceptron(sentences: readonly TrainingSentence[], options: PerceptronOptions): TaggerWeights {
  const emissions = new AveragedParameters((1 << options.bits) * MODEL_TAG_COUNT);
  const transitions = new AveragedParameters((MODEL_TAG_COUNT + 1) * MODEL_TAG_COUNT);
  const weights: TaggerWeights = {
    bits: options.bits,
    decoder: options.decoder,
    emissions: emissions.current,
    transitions: transitions.current,
  };
  const state: TrainingState = { weights, emissions, transitions, step: 1 };
  const random = seededRandom(options.seed);
  const order = sentences.slice();
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    shuffleInPlace(order, random);
    let mistakes = 0;
    let tokens = 0;
    for (const sentence of order) {
      mistakes += options.decoder === "greedy" ? trainGreedy(state, sentence) : trainViterbi(state, sentence);
      tokens += sentence.gold.length;
    }
    options.onEpoch?.(epoch, mistakes, tokens);
  }
  return {
    bits: options.bits,
    decoder: options.decoder,
    emissions: emissions.averaged(state.step),
    transitions: transitions.averaged(state.step),
  };
}

function updateEmissions(
  state: TrainingState,
  features: SentenceFeatures,
  i: number,
  gold: number,
  wrong: number,
): void {
  for (let k = features.offsets[i]!; k < features.offsets[i + 1]!; k++) {
    const row = features.buckets[k]! * MODEL_TAG_COUNT;
    state.emissions.add(row + gold, 1, state.step);
    state.emissions.add(row + wrong, -1, state.step);
  }
}

function trainViterbi(state: TrainingState, { features, gold }: TrainingSentence): number {
  const predicted = decodeViterbi(state.weights, features);
  let mistakes = 0;
  for (let i = 0; i < gold.length; i++) {
    const goldTag = gold[i]!;
    const predictedTag = predicted[i]!;
    if (goldTag !== predictedTag) {
      mistakes++;
      updateEmissions(state, features, i, goldTag, predictedTag);
    }
    const goldFrom = i > 0 ? gold[i - 1]! : START;
    const predictedFrom = i > 0 ? predicted[i - 1]! : START;
    if (goldFrom !== predictedFrom || goldTag !== predictedTag) {
      state.transitions.add((goldFrom + 1) * MODEL_TAG_COUNT + goldTag, 1, state.step);
      state.transitions.add((predictedFrom + 1) * MODEL_TAG_COUNT + predictedTag, -1, state.step);
    }
  }
  state.step++;
  return mistakes;
}

/** Left to right with the tagger's own previous decisions as history, as at run time. */
function trainGreedy(state: TrainingState, { features, gold }: TrainingSentence): number {
  const mask = (1 << state.weights.bits) - 1;
  const scratch = new Int32Array(8);
  const scores = new Float64Array(MODEL_TAG_COUNT);
  const history = new Int32Array(gold.length);
  let mistakes = 0;
  for (let i = 0; i < gold.length; i++) {
    const previous = i > 0 ? history[i - 1]! : START;
    const beforePrevious = i > 1 ? history[i - 2]! : START;
    greedyScores(state.weights, features, i, previous, beforePrevious, scratch, scores);
    const predictedTag = bestAllowed(scores, previous);
    const goldTag = gold[i]!;
    history[i] = predictedTag;
    if (predictedTag !== goldTag) {
      mistakes++;
      updateEmissions(state, features, i, goldTag, predictedTag);
      const count = tagFeatureBuckets(features, i, previous, beforePrevious, mask, scratch);
      for (let k = 0; k < count; k++) {
        state.emissions.add(scratch[k]! * MODEL_TAG_COUNT + goldTag, 1, state.step);
        state.emissions.add(scratch[k]! * MODEL_TAG_COUNT + predictedTag, -1, state.step);
      }
      state.transitions.add((previous + 1) * MODEL_TAG_COUNT + goldTag, 1, state.step);
      state.transitions.add((previous + 1) * MODEL_TAG_COUNT + predictedTag, -1, state.step);
    }
    state.step++;
  }
  return mistakes;
}
