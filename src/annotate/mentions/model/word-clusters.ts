import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { packageRoot } from "./package-root.js";

/**
 * Word classes from unlabeled text (models/word-clusters.tsv.gz, built by
 * scripts/build-word-clusters.mjs from GloVe vectors): three nested granularities per lower-cased
 * word, so a name the tagger never saw is typed by the company its word keeps.
 */
export const WORD_CLUSTERS_FILE = "models/word-clusters.tsv.gz";
export const CLUSTER_LEVELS = 3;

/** Classes of the words of the shared corpora (scripts/build-corpus-clusters.mjs): one id per word. */
export const CORPUS_CLUSTERS_FILE = "models/corpus-clusters.tsv.gz";

/** A gzipped "word<TAB>id…" table of the package, each line's ids read into one number. */
function readTable(file: string, value: (ids: readonly string[]) => number): Map<string, number> {
  const text = gunzipSync(readFileSync(join(packageRoot(), file))).toString("utf8");
  const loaded = new Map<string, number>();
  for (const line of text.split("\n")) {
    if (line.length === 0 || line.startsWith("#")) continue;
    const [word = "", ...ids] = line.split("\t");
    loaded.set(word, value(ids));
  }
  return loaded;
}

let table: Map<string, number> | undefined;
let corpusTable: Map<string, number> | undefined;

/** The packed cluster ids of a lower-cased word (see clusterAt), or -1 when the table lacks it. */
export function wordCluster(lowerToken: string): number {
  table ??= readTable(WORD_CLUSTERS_FILE, ([coarse, middle, fine]) => {
    return (Number(coarse) << 20) | (Number(middle) << 10) | Number(fine);
  });
  return table.get(lowerToken) ?? -1;
}

/** The corpus class of a lower-cased word, or -1 when the corpora have too little of it. */
export function corpusCluster(lowerToken: string): number {
  corpusTable ??= readTable(CORPUS_CLUSTERS_FILE, ([id]) => Number(id));
  return corpusTable.get(lowerToken) ?? -1;
}

/** Level 0 (64 classes), 1 (256) or 2 (1024) of a packed id; -1 stays -1. */
export function clusterAt(packed: number, level: number): number {
  if (packed < 0) return -1;
  return (packed >> (10 * (CLUSTER_LEVELS - 1 - level))) & 0x3ff;
}
