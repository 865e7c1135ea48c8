#!/usr/bin/env node
/**
 * Builds models/corpus-clusters.tsv.gz, word classes learned from the shared corpora's own text (FRUS, CIA
 * OCR, UN speeches, wikipedia-syria), for the NER tagger beside the GloVe ones:
 *   node scripts/build-corpus-clusters.mjs [--corpora DIR] [--clusters 256]   (default ../shared/corpora)
 * Each word seen MIN_COUNT times or more is described by its left and right neighbours among the CONTEXT
 * most frequent words (positive PMI), projected to DIMENSIONS random directions (seeded), and k-means
 * (cosine) puts it in a class. Output: "word<TAB>class" a line. Deterministic for the same corpora.
 */
import { readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { option, mulberry32 } from "./script-options.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const OUT = join(root, "models", "corpus-clusters.tsv.gz");
const MIN_COUNT = 5;
const CONTEXT = 1000;
const DIMENSIONS = 96;
const ITERATIONS = 20;
const CORPORA = [
  "frus-1958-60v12-iraq-july-1958",
  "cia-checklist-nov-1963-ocr",
  "un-general-debate-1958-1968",
  "wikipedia-syria",
];

function* textFiles(dir) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* textFiles(path);
    else if (/\.(?:txt|md|xml|jsonl)$/.test(name) && name !== "SOURCE.md") yield path;
  }
}

const corpora = option("--corpora", join(root, "..", "shared", "corpora"));
const clusters = Number(option("--clusters", "256"));
const sentences = [];
for (const corpus of CORPORA) {
  for (const file of textFiles(join(corpora, corpus))) {
    const text = readFileSync(file, "utf8").replace(/<[^>]+>/g, " ");
    for (const line of text.split(/[.!?;:\n]+/)) {
      const words = line.toLowerCase().match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu);
      if (words && words.length > 1) sentences.push(words);
    }
  }
}
const counts = new Map();
for (const words of sentences) for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
const byFrequency = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
const vocabulary = byFrequency.filter(([, n]) => n >= MIN_COUNT).map(([word]) => word);
const index = new Map(vocabulary.map((word, i) => [word, i]));
const contextIndex = new Map(byFrequency.slice(0, CONTEXT).map(([word], i) => [word, i]));

// Co-occurrence counts: word × (left context, right context).
const cooccurrence = vocabulary.map(() => new Map());
let total = 0;
const contextTotals = new Float64Array(2 * CONTEXT);
for (const words of sentences) {
  for (let i = 0; i < words.length; i++) {
    const w = index.get(words[i]);
    if (w === undefined) continue;
    for (const [k, side] of [
      [i - 1, 0],
      [i + 1, CONTEXT],
    ]) {
      const c = contextIndex.get(words[k]);
      if (c === undefined) continue;
      const key = c + side;
      cooccurrence[w].set(key, (cooccurrence[w].get(key) ?? 0) + 1);
      contextTotals[key]++;
      total++;
    }
  }
}

const random = mulberry32(1958);
const projection = Float64Array.from({ length: 2 * CONTEXT * DIMENSIONS }, () => random() * 2 - 1);
const vectors = cooccurrence.map((row) => {
  let rowTotal = 0;
  for (const n of row.values()) rowTotal += n;
  const vector = new Float64Array(DIMENSIONS);
  for (const [key, n] of row) {
    const pmi = Math.log((n * total) / (rowTotal * contextTotals[key]));
    if (pmi <= 0) continue;
    for (let d = 0; d < DIMENSIONS; d++) vector[d] += pmi * projection[key * DIMENSIONS + d];
  }
  const norm = Math.hypot(...vector) || 1;
  return vector.map((x) => x / norm);
});

// k-means (cosine), centroids seeded from the most frequent words.
const centroids = vectors.slice(0, clusters).map((v) => Float64Array.from(v));
const assignment = new Int32Array(vectors.length);
for (let iteration = 0; iteration < ITERATIONS; iteration++) {
  vectors.forEach((vector, w) => {
    let best = 0;
    let top = -Infinity;
    for (let c = 0; c < clusters; c++) {
      let dot = 0;
      for (let d = 0; d < DIMENSIONS; d++) dot += vector[d] * centroids[c][d];
      if (dot > top) [top, best] = [dot, c];
    }
    assignment[w] = best;
  });
  for (const centroid of centroids) centroid.fill(0);
  vectors.forEach((vector, w) => {
    for (let d = 0; d < DIMENSIONS; d++) centroids[assignment[w]][d] += vector[d];
  });
  for (const centroid of centroids) {
    const norm = Math.hypot(...centroid) || 1;
    for (let d = 0; d < DIMENSIONS; d++) centroid[d] /= norm;
  }
}

const lines = vocabulary.map((word, w) => `${word}\t${assignment[w]}`);
const header = `# ${clusters} word classes of ${vocabulary.length} words of the shared corpora (${CORPORA.join(", ")}); scripts/build-corpus-clusters.mjs\n`;
writeFileSync(OUT, gzipSync(header + lines.join("\n") + "\n", { level: 9 }));
process.stderr.write(`wrote ${OUT}: ${vocabulary.length} words in ${clusters} classes\n`);
