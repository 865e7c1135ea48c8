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

let table: Map<string, number> | undefined;

/** Loads the shipped table once. A word's entry packs the three ids: c64, c256 and c1024. */
function loadTable(): Map<string, number> {
  if (table) return table;
  const text = gunzipSync(readFileSync(join(packageRoot(), WORD_CLUSTERS_FILE))).toString("utf8");
  const loaded = new Map<string, number>();
  for (const line of text.split("\n")) {
    if (line.length === 0 || line.startsWith("#")) continue;
    const [word = "", coarse = "", middle = "", fine = ""] = line.split("\t");
    loaded.set(word, (Number(coarse) << 20) | (Number(middle) << 10) | Number(fine));
  }
  return (table = loaded);
}

/** The packed cluster ids of a lower-cased word (see clusterAt), or -1 when the table lacks it. */
export function wordCluster(lowerToken: string): number {
  return loadTable().get(lowerToken) ?? -1;
}

/** Level 0 (64 classes), 1 (256) or 2 (1024) of a packed id; -1 stays -1. */
export function clusterAt(packed: number, level: number): number {
  if (packed < 0) return -1;
  return (packed >> (10 * (CLUSTER_LEVELS - 1 - level))) & 0x3ff;
}
