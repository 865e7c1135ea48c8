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
function capitalisedRuns(tokens: readonly string[], lower: readonly string[]): Int32Array {
  const n = tokens.length;
  const runs = new Int32Array(2 * n).fill(-1);
  const member = tokens.map((token) => isCapitalised(token) || /^\d/.test(token));
  let i = 0;
  while (i < n) {
    if (!member[i]) {
      i++;
      continue;
    }
    let end = i + 1;
    for (;;) {
      if (end < n && member[end]) end++;
      else if (end + 1 < n && CONNECTORS.has(lower[end]!) && member[end + 1]) end += 2;
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

/** Whether a sentence is written in capitals, in lower case only, or mixed (as usual). */
export function caseMode(tokens: readonly string[]): number {
  let upper = 0;
  let lower = 0;
  let words = 0;
  for (const token of tokens) {
    if (!/\p{L}/u.test(token)) continue;
    words++;
    if (token === token.toUpperCase()) upper++;
    else if (token === token.toLowerCase()) lower++;
  }
  if (words >= 3 && upper === words) return CASE_UPPER;
  if (words >= 3 && lower === words) return CASE_LOWER;
  return CASE_MIXED;
}

interface TokenInfo {
  lower: string[];
  bare: string[];
  cls: string[];
}

function tokenInfo(tokens: readonly string[]): TokenInfo {
  const lower = tokens.map((token) => token.toLowerCase());
  return { lower, bare: tokens.map(bareLower), cls: tokens.map(shapeClass) };
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

/** Buckets of the features of a token that depend on the token alone (see addIntrinsic). */
export function intrinsicBuckets(token: string, bits: number, gazetteer?: WordLookup): number[] {
  const mask = (1 << bits) - 1;
  const lowered = token.toLowerCase();
  const bareWord = bareLower(token);
  const particle = NAME_PARTICLES.has(bareWord) ? bareWord : joinedParticle(lowered);
  const buckets: number[] = [];
  const add = (state: number): void => void buckets.push(bucketOf(state, mask));
  const wordState = mixText(WORD_SEED, lowered);
  const classState = mixText(WORD_SEED, shapeClass(token));
  addIntrinsic(add, token, lowered, bareWord, wordState, classState, particle, gazetteer?.(lowered));
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
 * Computes the emission features of every token, hashed into 2^bits buckets; without the ones
 * that depend on the token alone when `intrinsic` is false.
 */
export function sentenceFeatures(
  tokens: readonly string[],
  bits: number,
  gazetteer?: WordLookup,
  phrases?: PhraseMatcher,
  intrinsic = true,
): SentenceFeatures {
  const mask = (1 << bits) - 1;
  const n = tokens.length;
  const { lower, bare, cls } = tokenInfo(tokens);
  let out = new Int32Array(n * 48 + 16);
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
  const at = (list: string[], i: number): string => (i >= 0 && i < n ? list[i]! : BOUNDARY);
  for (let i = 0; i < n; i++) {
    wordStates[i] = mixText(WORD_SEED, lower[i]!);
    classStates[i] = mixText(WORD_SEED, cls[i]!);
  }
  // Features of neighbouring words mix the words' precomputed hashes instead of rehashing them.
  const word = (i: number): number => (i >= 0 && i < n ? wordStates[i]! : BOUNDARY_STATE);
  const shape = (i: number): number => (i >= 0 && i < n ? classStates[i]! : BOUNDARY_STATE);
  const particles = lower.map((w, i) => (NAME_PARTICLES.has(bare[i]!) ? bare[i] : joinedParticle(w)));
  const hasParticle = (i: number): boolean => particles[i] !== undefined;
  const listed = gazetteer ? lower.map((word) => gazetteer(word)) : [];
  const gazetteerType = (i: number): string | undefined => listed[i];

  const packed = lower.map(wordCluster);
  const cluster = (i: number, level: number): number => (i >= 0 && i < n ? clusterAt(packed[i]!, level) : -2);
  const periodNames = periodNamePositions(tokens, phrases);
  const corpusClasses = lower.map(corpusCluster);
  const mode = caseMode(tokens);
  // In a sentence written all in capitals or all in lower case, capitals mark no names.
  const runs = mode === CASE_MIXED ? capitalisedRuns(tokens, lower) : new Int32Array(2 * n).fill(-1);
  const acronyms = acronymLinks(tokens, runs);
  for (let i = 0; i < n; i++) {
    offsets[i] = size;
    const token = tokens[i]!;
    const lowered = lower[i]!;
    if (intrinsic) {
      addIntrinsic(add, token, lowered, bare[i]!, word(i), shape(i), particles[i], gazetteerType(i));
    }
    if (i === 0) add(mixNumber(T.initial, shape(i)));

    add(mixNumber(T.prev1, word(i - 1)));
    add(mixNumber(T.prev2, word(i - 2)));
    add(mixNumber(T.next1, word(i + 1)));
    add(mixNumber(T.next2, word(i + 2)));
    add(mixNumber(T.prev1Cls, shape(i - 1)));
    add(mixNumber(T.prev2Cls, shape(i - 2)));
    add(mixNumber(T.next1Cls, shape(i + 1)));
    add(mixNumber(T.next2Cls, shape(i + 2)));
    add(mixNumber(mixNumber(T.bigramLeft, word(i - 1)), word(i)));
    add(mixNumber(mixNumber(T.bigramRight, word(i)), word(i + 1)));
    add(mixNumber(mixNumber(mixNumber(T.clsTrigram, shape(i - 1)), shape(i)), shape(i + 1)));

    add(mixNumber(T.prevCluster, cluster(i - 1, 1)));
    add(mixNumber(T.nextCluster, cluster(i + 1, 1)));
    add(mixNumber(T.prevCluster, 2048 + cluster(i - 1, 2)));
    add(mixNumber(T.nextCluster, 2048 + cluster(i + 1, 2)));
    add(mixNumber(T.prevCorpusCluster, i > 0 ? corpusClasses[i - 1]! : -2));
    add(mixNumber(T.nextCorpusCluster, i + 1 < n ? corpusClasses[i + 1]! : -2));
    add(mixNumber(T.prev2Cluster, cluster(i - 2, 0)));
    add(mixNumber(T.next2Cluster, cluster(i + 2, 0)));
    add(mixNumber(mixNumber(mixNumber(T.clusterPair, cluster(i - 1, 0)), cluster(i, 1)), cluster(i + 1, 0)));
    add(mixNumber(mixNumber(T.caseShape, mode), shape(i)));
    add(mixNumber(mixNumber(T.caseCluster, mode), cluster(i, 2)));
    add(mixNumber(mixNumber(T.caseNextCluster, mode), cluster(i + 1, 1)));

    if (TITLE_WORDS.has(at(bare, i - 1))) add(mixNumber(T.titlePrev, shape(i)));
    if (TITLE_WORDS.has(at(bare, i - 2))) add(mixNumber(T.titlePrev2, shape(i)));
    if (hasParticle(i - 1)) add(T.particlePrev);
    if (hasParticle(i + 1)) add(T.particleNext);
    if (ORG_HEAD_WORDS.has(at(bare, i + 1))) add(mixNumber(T.orgHeadNext, shape(i)));
    if (ORG_HEAD_WORDS.has(at(bare, i + 2))) add(mixNumber(T.orgHeadNext2, shape(i)));

    const runStart = runs[2 * i]!;
    if (runStart >= 0) {
      const runEnd = runs[2 * i + 1]!;
      const position = i === runStart ? (runEnd - runStart === 1 ? 0 : 1) : i === runEnd - 1 ? 2 : 3;
      add(mixNumber(mixNumber(T.runShape, Math.min(runEnd - runStart, 5)), position));
      add(mixNumber(T.runHead, word(runEnd - 1)));
      add(mixNumber(mixNumber(T.runHeadCluster, position), cluster(runEnd - 1, 2)));
      add(mixNumber(mixNumber(T.runFirstCluster, position), cluster(runStart, 1)));
      if (ORG_HEAD_WORDS.has(bare[runEnd - 1]!)) add(mixNumber(T.runOrgHead, position));
      if (runStart !== i) add(mixNumber(T.runFirst, word(runStart)));
      for (let k = runStart; k < runEnd; k++) {
        const category = gazetteerType(k);
        if (category !== undefined && k !== i) add(mixText(T.runListed, category));
      }
    }
    if (acronyms[i] === SPELLED_OUT) add(mixNumber(T.acronymSpelledOut, acronyms[i - 1] === SPELLED_OUT ? 1 : 0));
    if (acronyms[i] === ACRONYM) add(T.acronymOfRun);
    const periodName = periodNames[i];
    if (periodName !== undefined) add(mixText(T.periodName, periodName));
    const before = gazetteerType(i - 1);
    if (before !== undefined) add(mixText(T.gazetteerPrev, before));
    const after = gazetteerType(i + 1);
    if (after !== undefined) add(mixText(T.gazetteerNext, after));
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
