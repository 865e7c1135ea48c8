/**
 * MinHash signatures over three-word shingles, for finding derived copies and near-duplicates whatever
 * was done to them (lower-casing, stop-word removal, lemmatization, a different revision).
 */
export const SIGNATURE_SIZE = 128;

/** Words shorter than this, and stop words, never enter a shingle: dumps drop them or mangle them ("was" → "wa"). */
const MIN_WORD = 3;

const STOP_WORDS = new Set(
  (
    "the and for that with was were are has have had not but this from they their them there been being into " +
    "which who whom whose what when where while than then its his her hers him she our ours your you all any " +
    "some such only own same other also very can will would should could may might must shall did does done " +
    "be is am of to in on at by as or an a it he we us after before over under between about against during " +
    "through until upon within without whilst these those both each few more most many much no nor so too"
  ).split(" "),
);

const seeds = (() => {
  const a = new Uint32Array(SIGNATURE_SIZE);
  const b = new Uint32Array(SIGNATURE_SIZE);
  let state = 0x9e3779b9;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return state >>> 0;
  };
  for (let i = 0; i < SIGNATURE_SIZE; i++) {
    a[i] = next() | 1;
    b[i] = next();
  }
  return { a, b };
})();

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const SPACE = 32;

/** FNV-1a of `s` continuing from `h`. */
function fnv1a(s: string, h = FNV_OFFSET): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h;
}

/** FNV-1a of the shingle "a b c", without building the string. */
function shingleHash(a: string, b: string, c: string): number {
  const ab = Math.imul(fnv1a(b, Math.imul(fnv1a(a) ^ SPACE, FNV_PRIME)) ^ SPACE, FNV_PRIME);
  return fnv1a(c, ab) >>> 0;
}

/** Content words of a space-separated string of folded lemmas, in order. */
export function contentWords(terms: string): string[] {
  return terms.split(" ").filter((w) => w.length >= MIN_WORD && !STOP_WORDS.has(w) && !/^\d+$/.test(w));
}

/** Incrementally fed signature, so a long document never needs all its words at once. */
export class MinHasher {
  private readonly signature = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff);
  private readonly multipliers = seeds.a;
  private readonly offsets = seeds.b;
  /** The last two words seen, the first two of the next shingle. */
  private first: string | undefined;
  private second: string | undefined;
  private shingles = 0;

  addWords(words: readonly string[]): void {
    for (const word of words) {
      if (this.first !== undefined && this.second !== undefined) {
        this.addShingle(shingleHash(this.first, this.second, word));
      }
      this.first = this.second;
      this.second = word;
    }
  }

  private addShingle(hash: number): void {
    this.shingles++;
    const { signature, multipliers, offsets } = this;
    for (let i = 0; i < SIGNATURE_SIZE; i++) {
      const h = (Math.imul(multipliers[i]!, hash) + offsets[i]!) >>> 0;
      if (h < signature[i]!) signature[i] = h;
    }
  }

  /** The signature, or undefined when the text had too few shingles to compare. */
  result(): Uint32Array | undefined {
    return this.shingles >= 5 ? this.signature.slice() : undefined;
  }
}

/** Estimated Jaccard similarity of the two shingle sets. */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < SIGNATURE_SIZE; i++) if (a[i] === b[i]) same++;
  return same / SIGNATURE_SIZE;
}
