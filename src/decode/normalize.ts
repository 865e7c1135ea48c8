import { MappedTextBuilder, type OffsetMap } from "../core/offset-map.js";

export interface Normalization {
  text: string;
  /** Normalized text → input text. */
  map: OffsetMap;
}

/**
 * Characters NFC may change or fold into the character before them: combining marks, plus the
 * non-mark code points with NFC_Quick_Check No or Maybe (generated from Node's ICU).
 */
const UNSTABLE =
  "\\p{M}\u0374\u037E\u0387\u0958-\u095F\u09DC-\u09DD\u09DF\u0A33\u0A36\u0A59-\u0A5B\u0A5E\u0B5C-\u0B5D\u0F43\u0F4D\u0F52\u0F57\u0F5C\u0F69\u1161-\u1175\u11A8-\u11C2\u1F71\u1F73\u1F75\u1F77\u1F79\u1F7B\u1F7D\u1FBB\u1FBE\u1FC9\u1FCB\u1FD3\u1FDB\u1FE3\u1FEB\u1FEE-\u1FEF\u1FF9\u1FFB\u1FFD\u2000-\u2001\u2126\u212A-\u212B\u2329-\u232A\u2ADC\uF900-\uFA0D\uFA10\uFA12\uFA15-\uFA1E\uFA20\uFA22\uFA25-\uFA26\uFA2A-\uFA6D\uFA70-\uFAD9\uFB1D\uFB1F\uFB2A-\uFB36\uFB38-\uFB3C\uFB3E\uFB40-\uFB41\uFB43-\uFB44\uFB46-\uFB4E\u{16D67}\u{1D15E}-\u{1D164}\u{1D1BB}-\u{1D1C0}\u{2F800}-\u{2FA1D}";
const CANDIDATE = new RegExp(`[${UNSTABLE}]`, "gu");
const FOLLOWERS = new RegExp(`[${UNSTABLE}]*`, "uy");

/**
 * NFC around each character that may change, so every character NFC leaves alone keeps a
 * one-to-one map; a changed cluster (base character and its marks) becomes one replacement.
 */
export function normalizeNfc(input: string): Normalization | undefined {
  CANDIDATE.lastIndex = 0;
  if (!CANDIDATE.test(input)) return undefined;
  const builder = new MappedTextBuilder(input);
  let copiedUpTo = 0;
  let changed = false;
  CANDIDATE.lastIndex = 0;
  for (let match = CANDIDATE.exec(input); match; match = CANDIDATE.exec(input)) {
    const start = Math.max(copiedUpTo, baseCharacterStart(input, match.index));
    FOLLOWERS.lastIndex = match.index;
    FOLLOWERS.exec(input);
    const end = Math.max(FOLLOWERS.lastIndex, match.index + match[0].length);
    CANDIDATE.lastIndex = end;
    const cluster = input.slice(start, end);
    const normalized = cluster.normalize("NFC");
    if (normalized === cluster) continue;
    const same = commonPrefixLength(cluster, normalized);
    builder.copy(copiedUpTo, start + same);
    builder.replace(normalized.slice(same), start + same, end);
    copiedUpTo = end;
    changed = true;
  }
  if (!changed) return undefined;
  builder.copy(copiedUpTo, input.length);
  return builder.build();
}

/** Start of the character before `index` (a surrogate pair counts as one character). */
function baseCharacterStart(input: string, index: number): number {
  if (index === 0) return 0;
  const low = input.charCodeAt(index - 1);
  const high = index >= 2 ? input.charCodeAt(index - 2) : 0;
  const isPair = low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff;
  return index - (isPair ? 2 : 1);
}

function commonPrefixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a.charCodeAt(n) === b.charCodeAt(n)) n++;
  const last = a.charCodeAt(n - 1);
  return n > 0 && last >= 0xd800 && last <= 0xdbff ? n - 1 : n;
}
