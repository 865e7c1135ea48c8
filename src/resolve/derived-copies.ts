import type { DocumentKind } from "../core/document.js";
import { SIGNATURE_SIZE, similarity } from "./minhash.js";

export interface SignedDocument {
  id: string;
  kind: DocumentKind;
  date?: string;
  signature: Uint32Array;
}

export interface DocumentRelation {
  documentId: string;
  relatedId: string;
  relation: "derived-from" | "near-duplicate";
  similarity: number;
}

export interface RelationOptions {
  /** Estimated Jaccard similarity of 3-word shingles above which two documents are related. Default 0.25. */
  threshold?: number;
}

const BANDS = 64;
/** A bucket this crowded holds boilerplate shared by many documents, not copies of one another. */
const MAX_BUCKET = 200;
const ROWS = SIGNATURE_SIZE / BANDS;

/**
 * Pairs of documents whose shingle sets overlap, found by locality-sensitive hashing over MinHash
 * bands and confirmed on the full signature. A derived dump (kind "derived") is reported as derived
 * from its counterpart; otherwise the later-dated document is derived from the earlier one, and
 * undated equals are near-duplicates of each other.
 */
export function findRelations(documents: readonly SignedDocument[], options: RelationOptions = {}): DocumentRelation[] {
  const threshold = options.threshold ?? 0.25;
  const candidates = new Map<string, [number, number]>();
  for (let band = 0; band < BANDS; band++) {
    const buckets = new Map<string, number[]>();
    documents.forEach((doc, index) => {
      const key = Array.from(doc.signature.subarray(band * ROWS, (band + 1) * ROWS)).join(",");
      const bucket = buckets.get(key);
      if (bucket) bucket.push(index);
      else buckets.set(key, [index]);
    });
    for (const bucket of buckets.values()) {
      if (bucket.length > MAX_BUCKET) continue;
      for (let i = 0; i < bucket.length; i++) {
        for (let j = i + 1; j < bucket.length; j++)
          candidates.set(`${bucket[i]}:${bucket[j]}`, [bucket[i]!, bucket[j]!]);
      }
    }
  }
  const relations: DocumentRelation[] = [];
  for (const [i, j] of candidates.values()) {
    const a = documents[i]!;
    const b = documents[j]!;
    const score = similarity(a.signature, b.signature);
    if (score >= threshold) relations.push(orient(a, b, Math.round(score * 1000) / 1000));
  }
  return relations.sort((x, y) => y.similarity - x.similarity);
}

function orient(a: SignedDocument, b: SignedDocument, score: number): DocumentRelation {
  const derived = (copy: SignedDocument, original: SignedDocument): DocumentRelation => ({
    documentId: copy.id,
    relatedId: original.id,
    relation: "derived-from",
    similarity: score,
  });
  if (a.kind === "derived" && b.kind !== "derived") return derived(a, b);
  if (b.kind === "derived" && a.kind !== "derived") return derived(b, a);
  if (a.date && b.date && a.date !== b.date) return a.date > b.date ? derived(a, b) : derived(b, a);
  return { documentId: a.id, relatedId: b.id, relation: "near-duplicate", similarity: score };
}
