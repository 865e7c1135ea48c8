/**
 * The learned named-entity tagger: PER, ORG and LOC in BIO tags for one tokenized sentence.
 * An averaged perceptron over hashed features and word clusters, trained by train.ts on the corpora
 * of data/ner (see data/ner/README.md); scores on held-out data are in docs/quality.md.
 */
import { join } from "node:path";
import type { Gazetteer } from "./gazetteer.js";
import { sentenceFeatures } from "./features.js";
import { decode, decodeScores } from "./decode.js";
import { propagateNames } from "./document.js";
import { combineLookups } from "./gazetteer.js";
import { extendOverNameParticles } from "./name-particles.js";
import type { NerModel } from "./model-file.js";
import { readModel } from "./model-file.js";
import { packageRoot } from "./package-root.js";
import { emissionScores } from "./word-scores.js";
import type { Tag } from "./tags.js";
import { toGuideTagNames } from "./tags.js";

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
