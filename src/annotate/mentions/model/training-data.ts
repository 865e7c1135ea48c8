import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { parseConll } from "./conll.js";
import { toGuideTags } from "./guide-mapping.js";
import { parseInDomain } from "./in-domain.js";
import { packageRoot } from "./package-root.js";
import { re3dToNerTags } from "./re3d-mapping.js";
import type { Tag } from "./tags.js";
import { typeOfTag } from "./tags.js";

export interface NerSentence {
  tokens: string[];
  tags: Tag[];
  /** Index of the sentence's document in its data set, where the files have documents (WikiGold, in-domain). */
  document?: number;
}

/** A corpus cut into the part the model learns from and the part it is scored on. */
export interface NerDataset {
  name: string;
  /** How the held-out part was chosen, for reports. */
  split: string;
  train: NerSentence[];
  heldOut: NerSentence[];
  /** Lines of the files that could not be read, "file:line: problem". */
  problems?: string[];
}

export const WIKIGOLD_PATH = "data/ner/wikigold/wikigold.conll.txt";
export const RE3D_PATH = "data/ner/re3d/re3d-train-without-bbc.conll";
/** Every HELD_OUT_EVERY-th document (WikiGold) or sentence (re3d) is held out. */
export const HELD_OUT_EVERY = 5;

const isHeldOut = (index: number): boolean => index % HELD_OUT_EVERY === HELD_OUT_EVERY - 1;

/** A data file's text; files ending in ".gz" are gunzipped. */
export function readDataFile(path: string): string {
  const bytes = readFileSync(path);
  return (path.endsWith(".gz") ? gunzipSync(bytes) : bytes).toString("utf8");
}

/** What a file of a corpus is for: training, scoring, or both (every 5th sentence scored). */
type FileRole = "train" | "heldOut" | "split";

interface CorpusSpec {
  name: string;
  split: string;
  files: readonly (readonly [path: string, role: FileRole])[];
}

/** The corpora tagged PER / ORG / LOC already, mapped to the guide by toGuideTags (data/ner/README.md). */
export const BIO_CORPORA: readonly CorpusSpec[] = [
  {
    name: "UNER English-EWT",
    split: "the test split held out, dev trains",
    files: [
      ["data/ner/uner-ewt/en_ewt-ud-dev.conll.gz", "train"],
      ["data/ner/uner-ewt/en_ewt-ud-test.conll.gz", "heldOut"],
    ],
  },
  {
    name: "UNER English-PUD",
    split: `every ${HELD_OUT_EVERY}th sentence held out; the release has one test file without document ids`,
    files: [["data/ner/uner-pud/en_pud-ud-test.conll.gz", "split"]],
  },
  {
    name: "CrossNER politics",
    split: "the test split held out, train and dev train",
    files: [
      ["data/ner/crossner-politics/politics-train.conll.gz", "train"],
      ["data/ner/crossner-politics/politics-dev.conll.gz", "train"],
      ["data/ner/crossner-politics/politics-test.conll.gz", "heldOut"],
    ],
  },
  {
    name: "GUM",
    split: "the test split held out, train and dev train",
    files: [
      ["data/ner/gum/gum-open-train.conll.gz", "train"],
      ["data/ner/gum/gum-open-dev.conll.gz", "train"],
      ["data/ner/gum/gum-open-test.conll.gz", "heldOut"],
    ],
  },
  {
    name: "BTC (tweets)",
    split: `every ${HELD_OUT_EVERY}th tweet of each section held out`,
    files: ["a", "b", "e", "f", "g", "h"].map((section) => [`data/ner/btc/${section}.conll.gz`, "split"] as const),
  },
];

export function loadBioCorpus(spec: CorpusSpec, root = packageRoot()): NerDataset {
  const dataset: NerDataset = { name: spec.name, split: spec.split, train: [], heldOut: [] };
  for (const [path, role] of spec.files) {
    const sentences = parseConll(readDataFile(join(root, path))).flatMap((document) => document.sentences);
    sentences.forEach((s, index) => {
      const sentence = { tokens: s.tokens, tags: toGuideTags(s.tokens, s.tags) };
      const heldOut = role === "heldOut" || (role === "split" && isHeldOut(index));
      (heldOut ? dataset.heldOut : dataset.train).push(sentence);
    });
  }
  return dataset;
}

export const IN_DOMAIN_DIR = "data/ner/in-domain";

/**
 * The hand-annotated in-domain text: every `*.train.conll` trains, every `*.heldout.conll` is
 * scored; undefined when the folder has neither.
 */
export function loadInDomain(root = packageRoot()): NerDataset | undefined {
  const dir = join(root, IN_DOMAIN_DIR);
  const files = existsSync(dir) ? readdirSync(dir).sort() : [];
  const dataset: NerDataset = {
    name: "in-domain (FRUS, CIA, UN, wikipedia-syria)",
    split: "the *.heldout.conll files held out, the *.train.conll files train",
    train: [],
    heldOut: [],
    problems: [],
  };
  let documentBase = 0;
  for (const file of files) {
    const part = file.endsWith(".train.conll")
      ? dataset.train
      : file.endsWith(".heldout.conll")
        ? dataset.heldOut
        : undefined;
    if (!part) continue;
    const path = join(IN_DOMAIN_DIR, file);
    const parsed = parseInDomain(readDataFile(join(root, path)), path);
    for (const s of parsed.sentences) {
      part.push({
        tokens: s.tokens,
        tags: toGuideTags(s.tokens, s.tags),
        document: documentBase + Math.max(0, s.document),
      });
    }
    documentBase += Math.max(1, parsed.documents.length);
    dataset.problems!.push(...parsed.problems);
  }
  return dataset.train.length + dataset.heldOut.length > 0 ? dataset : undefined;
}

/**
 * WikiGold is IO-encoded CoNLL-2003 (I-PER, I-ORG, I-LOC, I-MISC): MISC becomes O, IO becomes BIO (loadWikigold
 * then brings it to the guide like the other corpora).
 */
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
  const documents = parseConll(readDataFile(join(root, WIKIGOLD_PATH)));
  const dataset: NerDataset = {
    name: "WikiGold",
    split: `every ${HELD_OUT_EVERY}th of ${documents.length} documents held out`,
    train: [],
    heldOut: [],
  };
  for (const document of documents) {
    const sentences = document.sentences.map((s) => ({
      tokens: s.tokens,
      tags: toGuideTags(s.tokens, wikigoldToNerTags(s.tags)),
      document: document.index,
    }));
    (isHeldOut(document.index) ? dataset.heldOut : dataset.train).push(...sentences);
  }
  return dataset;
}

/** re3d's CoNLL release has shuffled sentences and no document ids, so its split is by sentence. */
export function loadRe3d(root = packageRoot()): NerDataset {
  const [document] = parseConll(readDataFile(join(root, RE3D_PATH)));
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

/** Every corpus of data/ner: WikiGold, re3d, the BIO corpora and, when present, the in-domain files. */
export function loadNerDatasets(root = packageRoot()): NerDataset[] {
  const inDomain = loadInDomain(root);
  return [
    ...(inDomain ? [inDomain] : []),
    loadWikigold(root),
    loadRe3d(root),
    ...BIO_CORPORA.map((spec) => loadBioCorpus(spec, root)),
  ];
}
