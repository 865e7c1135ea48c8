import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseConll } from "./conll.js";
import { packageRoot } from "./package-root.js";
import { re3dToNerTags } from "./re3d-mapping.js";
import type { Tag } from "./tags.js";
import { typeOfTag } from "./tags.js";

export interface NerSentence {
  tokens: string[];
  tags: Tag[];
  /** Index of the sentence's document in its file, where the file has documents (WikiGold). */
  document?: number;
}

/** A corpus cut into the part the model learns from and the part it is scored on. */
export interface NerDataset {
  name: string;
  /** How the held-out part was chosen, for reports. */
  split: string;
  train: NerSentence[];
  heldOut: NerSentence[];
}

export const WIKIGOLD_PATH = "data/ner/wikigold/wikigold.conll.txt";
export const RE3D_PATH = "data/ner/re3d/re3d-train-without-bbc.conll";
/** Every HELD_OUT_EVERY-th document (WikiGold) or sentence (re3d) is held out. */
export const HELD_OUT_EVERY = 5;

const isHeldOut = (index: number): boolean => index % HELD_OUT_EVERY === HELD_OUT_EVERY - 1;

/** WikiGold is IO-encoded CoNLL-2003 (I-PER, I-ORG, I-LOC, I-MISC): MISC becomes O, IO becomes BIO. */
export function wikigoldToNerTags(tags: readonly string[]): Tag[] {
  const out: Tag[] = [];
  let previousType: string | undefined;
  for (const tag of tags) {
    const type = typeOfTag(tag);
    if (type === undefined) {
      out.push("O");
    } else {
      out.push(`${tag.startsWith("B-") || type !== previousType ? "B" : "I"}-${type}`);
    }
    previousType = type;
  }
  return out;
}

export function loadWikigold(root = packageRoot()): NerDataset {
  const documents = parseConll(readFileSync(join(root, WIKIGOLD_PATH), "utf8"));
  const dataset: NerDataset = {
    name: "WikiGold",
    split: `every ${HELD_OUT_EVERY}th of ${documents.length} documents held out`,
    train: [],
    heldOut: [],
  };
  for (const document of documents) {
    const sentences = document.sentences.map((s) => ({
      tokens: s.tokens,
      tags: wikigoldToNerTags(s.tags),
      document: document.index,
    }));
    (isHeldOut(document.index) ? dataset.heldOut : dataset.train).push(...sentences);
  }
  return dataset;
}

/** re3d's CoNLL release has shuffled sentences and no document ids, so its split is by sentence. */
export function loadRe3d(root = packageRoot()): NerDataset {
  const [document] = parseConll(readFileSync(join(root, RE3D_PATH), "utf8"));
  const sentences = document?.sentences ?? [];
  const dataset: NerDataset = {
    name: "re3d (without BBC)",
    split: `every ${HELD_OUT_EVERY}th of ${sentences.length} sentences held out; this release has no document ids`,
    train: [],
    heldOut: [],
  };
  sentences.forEach((s, index) => {
    const sentence = { tokens: s.tokens, tags: re3dToNerTags(s.tokens, s.tags) };
    (isHeldOut(index) ? dataset.heldOut : dataset.train).push(sentence);
  });
  return dataset;
}

export function loadNerDatasets(root = packageRoot()): NerDataset[] {
  return [loadWikigold(root), loadRe3d(root)];
}
