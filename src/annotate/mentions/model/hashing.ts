/** FNV-1a string hashing into a table of 2^bits buckets, without allocating substrings. */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** Starting state for feature template `template`. */
export function templateSeed(template: number): number {
  return Math.imul(FNV_OFFSET ^ template, FNV_PRIME);
}

/** Mixes characters start..end of `text` into `state`. */
export function mixText(state: number, text: string, start = 0, end = text.length): number {
  let h = state;
  for (let i = start; i < end; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  // A separator keeps ("ab","c") and ("a","bc") apart when two strings are mixed in turn.
  return Math.imul(h ^ 0x1f, FNV_PRIME);
}

export function mixNumber(state: number, value: number): number {
  return Math.imul(state ^ (value + 0x9e37), FNV_PRIME);
}

/** Final avalanche (murmur3 fmix32) so low bits depend on every input character. */
export function bucketOf(state: number, mask: number): number {
  let h = state;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) & mask;
}
