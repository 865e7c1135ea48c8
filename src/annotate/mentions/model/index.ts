/**
 * The learned named-entity tagger: PER, ORG and LOC in BIO tags for one tokenized sentence.
 * An averaged perceptron over hashed features and word clusters, trained by train.ts on the corpora
 * of data/ner (see data/ner/README.md); scores on held-out data are in docs/quality.md.
 */
import { join } from "node:path";
import type { Gazetteer, WordLookup } from "./gazetteer.js";
import { intrinsicBuckets, sentenceFeatures } from "./features.js";
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

/** Per model, the summed weights of each word's own features (intrinsicBuckets): words recur. */
const wordScores = new WeakMap<NerModel, Map<string, Float64Array>>();
const WORD_CACHE_LIMIT = 100_000;

function ownScores(model: NerModel, token: string, lookup: WordLookup | undefined): Float64Array {
  let cache = wordScores.get(model);
  if (!cache) wordScores.set(model, (cache = new Map()));
  let scores = cache.get(token);
  if (!scores) {
    if (cache.size >= WORD_CACHE_LIMIT) cache.clear();
    scores = new Float64Array(MODEL_TAG_COUNT);
    const { emissions, bits } = model.weights;
    for (const bucket of intrinsicBuckets(token, bits, lookup)) {
      for (let tag = 0; tag < MODEL_TAG_COUNT; tag++)
        scores[tag] = scores[tag]! + emissions[bucket * MODEL_TAG_COUNT + tag]!;
    }
    cache.set(token, scores);
  }
  return scores;
}

/** Emission scores of a sentence: cached word scores plus the features of the context. */
function emissionScores(model: NerModel, tokens: readonly string[], lookup: WordLookup | undefined): Float64Array {
  const n = tokens.length;
  const scores = new Float64Array(n * MODEL_TAG_COUNT);
  const features = sentenceFeatures(tokens, model.weights.bits, lookup, model.periodMatcher, false);
  const { emissions } = model.weights;
  for (let i = 0; i < n; i++) {
    const base = i * MODEL_TAG_COUNT;
    scores.set(ownScores(model, tokens[i]!, lookup), base);
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
