/** A word diff of two texts (Myers' O((N+M)·D) algorithm), for the source comparison view. */

export interface Token {
  start: number;
  end: number;
  key: string;
}

/** Words with their offsets; compared lower-cased and without diacritics, so a lower-cased copy still aligns. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const key = match[0]
      .normalize("NFD")
      .replace(/\p{M}+/gu, "")
      .toLowerCase();
    tokens.push({ start: match.index, end: match.index + match[0].length, key });
  }
  return tokens;
}

export interface DiffResult {
  /** For each token of a and of b: true when it is not in the common subsequence. */
  changedA: boolean[];
  changedB: boolean[];
  /** Number of words both share. */
  common: number;
}

/**
 * Longest common subsequence of the two token lists, by Myers' greedy algorithm. Gives up (returns
 * undefined) when more than `maxEdits` insertions and deletions are needed.
 */
export function diffTokens(a: readonly string[], b: readonly string[], maxEdits = 6000): DiffResult | undefined {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, maxEdits);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= max && found < 0; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
  }
  if (found < 0) return undefined;
  const changedA = new Array<boolean>(n).fill(false);
  const changedB = new Array<boolean>(m).fill(false);
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const snapshot = trace[d]!;
    const at = (k: number) => snapshot[k + d + 1]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
    }
    if (x === prevX) changedB[prevY] = true;
    else changedA[prevX] = true;
    x = prevX;
    y = prevY;
  }
  const common = n - changedA.filter(Boolean).length;
  return { changedA, changedB, common };
}
