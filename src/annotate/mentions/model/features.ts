import type { WordLookup } from "./gazetteer.js";
import { bucketOf, mixNumber, mixText, templateSeed } from "./hashing.js";
import {
  NAME_PARTICLES,
  ORG_HEAD_WORDS,
  TITLE_WORDS,
  bareLower,
  isCapitalised,
  joinedParticle,
  shapeClass,
  wordShape,
} from "./words.js";
import type { PhraseMatcher } from "./period-gazetteer.js";
import { clusterAt, corpusCluster, wordCluster } from "./word-clusters.js";

/** Emission features of a sentence: the buckets of token i are buckets[offsets[i]..offsets[i+1]). */
export interface SentenceFeatures {
  length: number;
  offsets: Int32Array;
  buckets: Int32Array;
  /** Hash state of each lower-cased token, for features that combine the word with a tag. */
  wordStates: Int32Array;
  classStates: Int32Array;
}

let nextTemplate = 1;
const t = (): number => templateSeed(nextTemplate++);
const T = {
  bias: t(),
  word: t(),
  shape: t(),
  cls: t(),
  prefix: t(),
  suffix: t(),
  flag: t(),
  initial: t(),
  prev1: t(),
  prev2: t(),
  next1: t(),
  next2: t(),
  prev1Cls: t(),
  prev2Cls: t(),
  next1Cls: t(),
  next2Cls: t(),
  bigramLeft: t(),
  bigramRight: t(),
  clsTrigram: t(),
  title: t(),
  titlePrev: t(),
  titlePrev2: t(),
  particle: t(),
  particlePrev: t(),
  particleNext: t(),
  orgHead: t(),
  orgHeadNext: t(),
  orgHeadNext2: t(),
  gazetteer: t(),
  gazetteerPrev: t(),
  gazetteerNext: t(),
  wordLen: t(),
  runShape: t(),
  runHead: t(),
  runFirst: t(),
  runListed: t(),
  cluster: t(),
  clusterShape: t(),
  prevCluster: t(),
  nextCluster: t(),
  prev2Cluster: t(),
  next2Cluster: t(),
  clusterPair: t(),
  caseShape: t(),
  caseCluster: t(),
  caseNextCluster: t(),
  runHeadCluster: t(),
  runFirstCluster: t(),
  periodName: t(),
  acronymSpelledOut: t(),
  acronymOfRun: t(),
  runOrgHead: t(),
  corpusCluster: t(),
  prevCorpusCluster: t(),
  nextCorpusCluster: t(),
};
/** Seeds of the tag-dependent templates used by the greedy decoder. */
export const TAG_TEMPLATES = { prevTag: t(), prevTags: t(), prevTagWord: t(), prevTagClass: t() };

const FLAG_CAPITALISED = 1;
const FLAG_ALL_CAPS = 2;
const FLAG_DIGIT = 3;
const FLAG_HYPHEN = 4;
const FLAG_APOSTROPHE = 5;
const BOUNDARY = "<s>";
const WORD_SEED = templateSeed(0);
const BOUNDARY_STATE = mixText(WORD_SEED, BOUNDARY);
/** Lower-case words that may join capitalised words into one name ("Bank of England", "al - Assad"). */
const CONNECTORS = new Set("of de del der la le al el the and & - bin ibn abu for on".split(" "));

/**
 * For each token in a run of capitalised words (connectors allowed inside), the run's first and
 * one-past-last token; [-1, -1] outside runs.
 */
function capitalisedRuns(views: readonly TokenView[]): Int32Array {
  const n = views.length;
  const runs = new Int32Array(2 * n).fill(-1);
  const member = (k: number): boolean => views[k]!.runMember;
  let i = 0;
  while (i < n) {
    if (!member(i)) {
      i++;
      continue;
    }
    let end = i + 1;
    for (;;) {
      if (end < n && member(end)) end++;
      else if (end + 1 < n && CONNECTORS.has(views[end]!.lower) && member(end + 1)) end += 2;
      else break;
    }
    for (let k = i; k < end; k++) {
      runs[2 * k] = i;
      runs[2 * k + 1] = end;
    }
    i = end;
  }
  return runs;
}

const SPELLED_OUT = 1;
const ACRONYM = 2;

/**
 * Marks a run of capitalised words followed by its acronym in parentheses ("Australians Against Further
 * Immigration ( AAFI )"): SPELLED_OUT on the words it abbreviates, ACRONYM on the acronym. Its letters are the
 * initials of the last words of the run: of the capitalised ones, or of all.
 */
function acronymLinks(tokens: readonly string[], runs: Int32Array): Uint8Array {
  const links = new Uint8Array(tokens.length);
  for (let i = 1; i + 2 < tokens.length; i++) {
    const acronym = tokens[i + 1]!;
    const runStart = runs[2 * (i - 1)]!;
    if (tokens[i] !== "(" || tokens[i + 2] !== ")" || runStart < 0 || !/^\p{Lu}{2,8}$/u.test(acronym)) continue;
    const initials = (words: readonly string[]): string => words.map((word) => word[0]!.toUpperCase()).join("");
    for (let start = i - 1; start >= runStart; start--) {
      const words = tokens.slice(start, i);
      if (
        !isCapitalised(words[0]!) ||
        (acronym !== initials(words) && acronym !== initials(words.filter(isCapitalised)))
      )
        continue;
      links.fill(SPELLED_OUT, start, i);
      links[i + 1] = ACRONYM;
      break;
    }
  }
  return links;
}

export const CASE_MIXED = 0;
export const CASE_UPPER = 1;
export const CASE_LOWER = 2;

const NO_LETTERS = 0;
const ALL_UPPER = 1;
const ALL_LOWER = 2;
const MIXED_CASE = 3;

function letterCase(token: string, lower: string): number {
  if (!/\p{L}/u.test(token)) return NO_LETTERS;
  if (token === token.toUpperCase()) return ALL_UPPER;
  return token === lower ? ALL_LOWER : MIXED_CASE;
}

function caseModeOf(cases: readonly number[]): number {
  let upper = 0;
  let lower = 0;
  let words = 0;
  for (const found of cases) {
    if (found === NO_LETTERS) continue;
    words++;
    if (found === ALL_UPPER) upper++;
    else if (found === ALL_LOWER) lower++;
  }
  if (words >= 3 && upper === words) return CASE_UPPER;
  if (words >= 3 && lower === words) return CASE_LOWER;
  return CASE_MIXED;
}

/** Whether a sentence is written in capitals, in lower case only, or mixed (as usual). */
export function caseMode(tokens: readonly string[]): number {
  return caseModeOf(tokens.map((token) => letterCase(token, token.toLowerCase())));
}

/** What the features read of a token by itself: the same wherever the word occurs. */
export interface TokenView {
  token: string;
  lower: string;
  /** Lower case without a trailing abbreviation dot (bareLower). */
  bare: string;
  /** Hash states of the lower-cased word and of its shape class. */
  wordState: number;
  classState: number;
  particle: string | undefined;
  /** The gazetteer's category of the lower-cased word. */
  category: string | undefined;
  /** Packed word cluster ids (wordCluster) and corpus cluster. */
  clusters: number;
  corpusCluster: number;
  /** Capitalised or starting with a digit: a word of a capitalised run. */
  runMember: boolean;
  letterCase: number;
}

export function tokenView(token: string, gazetteer?: WordLookup): TokenView {
  const lower = token.toLowerCase();
  const bare = bareLower(token);
  return {
    token,
    lower,
    bare,
    wordState: mixText(WORD_SEED, lower),
    classState: mixText(WORD_SEED, shapeClass(token)),
    particle: NAME_PARTICLES.has(bare) ? bare : joinedParticle(lower),
    category: gazetteer?.(lower),
    clusters: wordCluster(lower),
    corpusCluster: corpusCluster(lower),
    runMember: isCapitalised(token) || /^\d/.test(token),
    letterCase: letterCase(token, lower),
  };
}

/**
 * The features of a token that depend on the token alone (its word, shape, affixes, flags, lists),
 * passed to `add` as hash states. sentenceFeatures includes them unless told not to, so that a
 * tagger may cache their weights per word.
 */
function addIntrinsic(
  add: (state: number) => void,
  token: string,
  lowered: string,
  bareWord: string,
  wordState: number,
  classState: number,
  particle: string | undefined,
  category: string | undefined,
): void {
  add(T.bias);
  add(mixNumber(T.word, wordState));
  add(mixText(T.shape, wordShape(token)));
  add(mixNumber(T.cls, classState));
  add(mixNumber(T.wordLen, Math.min(lowered.length, 12)));
  for (let k = 1; k <= 4 && k <= lowered.length; k++) {
    add(mixText(mixNumber(T.prefix, k), lowered, 0, k));
    add(mixText(mixNumber(T.suffix, k), lowered, lowered.length - k));
  }
  if (isCapitalised(token)) add(mixNumber(T.flag, FLAG_CAPITALISED));
  if (token.length > 1 && token === token.toUpperCase() && token !== lowered) add(mixNumber(T.flag, FLAG_ALL_CAPS));
  if (/\d/.test(token)) add(mixNumber(T.flag, FLAG_DIGIT));
  if (token.includes("-")) add(mixNumber(T.flag, FLAG_HYPHEN));
  if (/['’]/.test(token)) add(mixNumber(T.flag, FLAG_APOSTROPHE));
  if (TITLE_WORDS.has(bareWord)) add(T.title);
  if (particle !== undefined) add(mixText(T.particle, particle));
  if (ORG_HEAD_WORDS.has(bareWord)) add(mixNumber(T.orgHead, classState));
  if (category !== undefined) add(mixText(T.gazetteer, category));
  const packed = wordCluster(lowered);
  for (let level = 0; level < 3; level++) add(mixNumber(mixNumber(T.cluster, level), clusterAt(packed, level)));
  add(mixNumber(mixNumber(T.clusterShape, clusterAt(packed, 2)), classState));
  add(mixNumber(T.corpusCluster, corpusCluster(lowered)));
}

/** The offsets of the neighbours whose features addNeighbour adds. */
export const NEIGHBOUR_OFFSETS = [-2, -1, 1, 2] as const;
export type NeighbourOffset = (typeof NEIGHBOUR_OFFSETS)[number];

/**
 * The features of token i that read only its neighbour at i + offset (undefined past the ends
 * of the sentence), as hash states: a tagger may cache their weights per word.
 */
function addNeighbour(add: (state: number) => void, offset: NeighbourOffset, view: TokenView | undefined): void {
  const word = view?.wordState ?? BOUNDARY_STATE;
  const shape = view?.classState ?? BOUNDARY_STATE;
  const cluster = (level: number): number => (view ? clusterAt(view.clusters, level) : -2);
  if (offset === -2 || offset === 2) {
    add(mixNumber(offset < 0 ? T.prev2 : T.next2, word));
    add(mixNumber(offset < 0 ? T.prev2Cls : T.next2Cls, shape));
    add(mixNumber(offset < 0 ? T.prev2Cluster : T.next2Cluster, cluster(0)));
    return;
  }
  const before = offset < 0;
  add(mixNumber(before ? T.prev1 : T.next1, word));
  add(mixNumber(before ? T.prev1Cls : T.next1Cls, shape));
  add(mixNumber(before ? T.prevCluster : T.nextCluster, cluster(1)));
  add(mixNumber(before ? T.prevCluster : T.nextCluster, 2048 + cluster(2)));
  add(mixNumber(before ? T.prevCorpusCluster : T.nextCorpusCluster, view?.corpusCluster ?? -2));
  if (view?.particle !== undefined) add(before ? T.particlePrev : T.particleNext);
  if (view?.category !== undefined) add(mixText(before ? T.gazetteerPrev : T.gazetteerNext, view.category));
}

const bucketCollector = (bits: number) => {
  const mask = (1 << bits) - 1;
  const buckets: number[] = [];
  return { buckets, add: (state: number): void => void buckets.push(bucketOf(state, mask)) };
};

/** Buckets of the features of a token that depend on the token alone (see addIntrinsic). */
export function intrinsicBuckets(view: TokenView, bits: number): number[] {
  const { buckets, add } = bucketCollector(bits);
  const { token, lower, bare, wordState, classState, particle, category } = view;
  addIntrinsic(add, token, lower, bare, wordState, classState, particle, category);
  return buckets;
}

/** Buckets of the features a token adds to the one `offset` words away (see addNeighbour); view undefined: past the ends. */
export function neighbourBuckets(view: TokenView | undefined, offset: NeighbourOffset, bits: number): number[] {
  const { buckets, add } = bucketCollector(bits);
  addNeighbour(add, offset, view);
  return buckets;
}

/** For each token inside a name of the period gazetteer, its type and place in the name (B, I, L, U). */
function periodNamePositions(tokens: readonly string[], phrases: PhraseMatcher | undefined): (string | undefined)[] {
  const positions = new Array<string | undefined>(tokens.length);
  for (const { startToken, endToken, type } of phrases?.(tokens) ?? []) {
    for (let k = startToken; k < endToken; k++) {
      const part = endToken - startToken === 1 ? "U" : k === startToken ? "B" : k === endToken - 1 ? "L" : "I";
      positions[k] = `${part}-${type}`;
    }
  }
  return positions;
}

/**
 * Which emission features sentenceFeatures computes: all of them, or only those a tagger cannot cache
 * per word ("joint": neither addIntrinsic's nor addNeighbour's).
 */
export type FeatureSet = "all" | "joint";

/** Computes the emission features of every token, hashed into 2^bits buckets. */
export function sentenceFeatures(
  tokens: readonly string[],
  bits: number,
  gazetteer?: WordLookup,
  phrases?: PhraseMatcher,
  set: FeatureSet = "all",
  views: readonly TokenView[] = tokens.map((token) => tokenView(token, gazetteer)),
): SentenceFeatures {
  const mask = (1 << bits) - 1;
  const n = tokens.length;
  let out = new Int32Array(n * (set === "all" ? 48 : 16) + 16);
  let size = 0;
  const offsets = new Int32Array(n + 1);
  const wordStates = new Int32Array(n);
  const classStates = new Int32Array(n);
  const add = (state: number): void => {
    if (size === out.length) {
      const grown = new Int32Array(out.length * 2);
      grown.set(out);
      out = grown;
    }
    out[size++] = bucketOf(state, mask);
  };
  const view = (i: number): TokenView | undefined => (i >= 0 && i < n ? views[i] : undefined);
  const bareAt = (i: number): string => view(i)?.bare ?? BOUNDARY;
  for (let i = 0; i < n; i++) {
    wordStates[i] = views[i]!.wordState;
    classStates[i] = views[i]!.classState;
  }
  // Features of neighbouring words mix the words' precomputed hashes instead of rehashing them.
  const word = (i: number): number => view(i)?.wordState ?? BOUNDARY_STATE;
  const shape = (i: number): number => view(i)?.classState ?? BOUNDARY_STATE;
  const cluster = (i: number, level: number): number => {
    const found = view(i);
    return found ? clusterAt(found.clusters, level) : -2;
  };
  const periodNames = periodNamePositions(tokens, phrases);
  const mode = caseModeOf(views.map((found) => found.letterCase));
  // In a sentence written all in capitals or all in lower case, capitals mark no names.
  const runs = mode === CASE_MIXED ? capitalisedRuns(views) : new Int32Array(2 * n).fill(-1);
  const acronyms = acronymLinks(tokens, runs);
  for (let i = 0; i < n; i++) {
    offsets[i] = size;
    const own = views[i]!;
    if (set === "all") {
      addIntrinsic(add, own.token, own.lower, own.bare, own.wordState, own.classState, own.particle, own.category);
      for (const offset of NEIGHBOUR_OFFSETS) addNeighbour(add, offset, view(i + offset));
    }
    if (i === 0) add(mixNumber(T.initial, shape(i)));

    add(mixNumber(mixNumber(T.bigramLeft, word(i - 1)), word(i)));
    add(mixNumber(mixNumber(T.bigramRight, word(i)), word(i + 1)));
    add(mixNumber(mixNumber(mixNumber(T.clsTrigram, shape(i - 1)), shape(i)), shape(i + 1)));
    add(mixNumber(mixNumber(mixNumber(T.clusterPair, cluster(i - 1, 0)), cluster(i, 1)), cluster(i + 1, 0)));
    add(mixNumber(mixNumber(T.caseShape, mode), shape(i)));
    add(mixNumber(mixNumber(T.caseCluster, mode), cluster(i, 2)));
    add(mixNumber(mixNumber(T.caseNextCluster, mode), cluster(i + 1, 1)));

    if (TITLE_WORDS.has(bareAt(i - 1))) add(mixNumber(T.titlePrev, shape(i)));
    if (TITLE_WORDS.has(bareAt(i - 2))) add(mixNumber(T.titlePrev2, shape(i)));
    if (ORG_HEAD_WORDS.has(bareAt(i + 1))) add(mixNumber(T.orgHeadNext, shape(i)));
    if (ORG_HEAD_WORDS.has(bareAt(i + 2))) add(mixNumber(T.orgHeadNext2, shape(i)));

    const runStart = runs[2 * i]!;
    if (runStart >= 0) {
      const runEnd = runs[2 * i + 1]!;
      const position = i === runStart ? (runEnd - runStart === 1 ? 0 : 1) : i === runEnd - 1 ? 2 : 3;
      add(mixNumber(mixNumber(T.runShape, Math.min(runEnd - runStart, 5)), position));
      add(mixNumber(T.runHead, word(runEnd - 1)));
      add(mixNumber(mixNumber(T.runHeadCluster, position), cluster(runEnd - 1, 2)));
      add(mixNumber(mixNumber(T.runFirstCluster, position), cluster(runStart, 1)));
      if (ORG_HEAD_WORDS.has(views[runEnd - 1]!.bare)) add(mixNumber(T.runOrgHead, position));
      if (runStart !== i) add(mixNumber(T.runFirst, word(runStart)));
      for (let k = runStart; k < runEnd; k++) {
        const category = views[k]!.category;
        if (category !== undefined && k !== i) add(mixText(T.runListed, category));
      }
    }
    if (acronyms[i] === SPELLED_OUT) add(mixNumber(T.acronymSpelledOut, acronyms[i - 1] === SPELLED_OUT ? 1 : 0));
    if (acronyms[i] === ACRONYM) add(T.acronymOfRun);
    const periodName = periodNames[i];
    if (periodName !== undefined) add(mixText(T.periodName, periodName));
  }
  offsets[n] = size;
  return { length: n, offsets, buckets: out.subarray(0, size), wordStates, classStates };
}

/** Buckets of the features that combine the previous tags with token i (greedy decoder only). */
export function tagFeatureBuckets(
  features: SentenceFeatures,
  i: number,
  previous: number,
  beforePrevious: number,
  mask: number,
  into: Int32Array,
): number {
  into[0] = bucketOf(mixNumber(TAG_TEMPLATES.prevTag, previous), mask);
  into[1] = bucketOf(mixNumber(mixNumber(TAG_TEMPLATES.prevTags, beforePrevious), previous), mask);
  into[2] = bucketOf(mixNumber(TAG_TEMPLATES.prevTagWord ^ features.wordStates[i]!, previous), mask);
  into[3] = bucketOf(mixNumber(TAG_TEMPLATES.prevTagClass ^ features.classStates[i]!, previous), mask);
  return 4;
}
