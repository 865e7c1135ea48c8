/**
 * Finding names already known (from other documents, an infobox, front matter) in a text, token by
 * token and without regard to case: "Abd al-Karim Qasim" finds "abd al karim qasim", "Nuqrat
 * as-Salman" finds "nuqrat salman", "Free Officers movement" finds "free officer movement".
 * Articles and stop words are skipped on both sides and a plural -s is ignored. For persons the
 * surname alone is found too when no other known person has it.
 */
import type { SegmentedParagraph } from "../../segment/index.js";
import type { SourceDocument } from "../../core/document.js";
import { createContext, makeMention } from "./context.js";
import { isCommonWord, isStopWord } from "./lexicon/common-words.js";
import { isDemonym } from "./lexicon/person-names.js";
import { normalizeName } from "./names.js";
import type { MatchToken } from "./tokens.js";
import { cachedTokenKey, isCapitalised, matchKey, matchTokens } from "./tokens.js";
import type { EntityType, Mention, MentionContext } from "./types.js";

export interface KnownName {
  name: string;
  type: EntityType;
  /** Confidence of the mentions found for this name; default: the options' confidence. */
  confidence?: number;
}

export interface KnownNameOptions {
  /** Match without regard to capitals; default: when the document has none. */
  caseless?: boolean;
  /** Compare transliteration keys (Qasim = Qassem) instead of spellings; for cased text. */
  transliteration?: boolean;
  /** Find persons by their surname alone; default true. */
  surnames?: boolean;
  extractor?: string;
  confidence?: number;
}

const ARTICLES = new Set(["al", "el", "as", "ar", "ad", "an", "at", "az", "ash", "ul", "ud"]);

type KeyOf = (word: string) => string;

function isArticle(word: string): boolean {
  const key = matchKey(word);
  return ARTICLES.has(key) || key === "the";
}

/** Key of a word already folded by matchKey: articles and stop words give "", a plural -s goes. */
function foldedSpellingKey(key: string): string {
  if (ARTICLES.has(key) || isStopWord(key)) return "";
  return key.length > 4 && key.endsWith("s") && !key.endsWith("ss") ? key.slice(0, -1) : key;
}

const spellingKey: KeyOf = (word) => foldedSpellingKey(matchKey(word));

const transliterationKey: KeyOf = (word) => (isStopWord(matchKey(word)) ? "" : cachedTokenKey(word));

/** Never equal to a key: a word that may not take part in a match but is no article either. */
const UNMATCHABLE = "\u0000";

interface Pattern {
  keys: string[];
  /** Spelling keys of the same words, to keep transliteration matches near the known spelling. */
  spellings: string[];
  /** Whether each word is capitalised in the known name: cased text must agree. */
  capitals: boolean[];
  known: KnownName;
  surname: boolean;
}

/** Patterns by their first key, longest first. */
function compile(known: readonly KnownName[], keyOf: KeyOf, surnames: boolean): Map<string, Pattern[]> {
  const byFirst = new Map<string, Pattern[]>();
  const add = (pattern: Pattern): void => {
    const list = byFirst.get(pattern.keys[0]!) ?? [];
    list.push(pattern);
    byFirst.set(pattern.keys[0]!, list);
  };
  const surnameOwners = new Map<string, Set<string>>();
  const fullSingles = new Set<string>();
  const patterns: Pattern[] = [];
  for (const entry of known) {
    const allWords = entry.name.split(/[\s\-‐–]+/);
    const words = allWords.filter((word) => keyOf(word).length > 0);
    const keys = words.map(keyOf);
    // "U.S. Army" without "U.S." (read as the stop word "us") would be any "Army"; "al-Bakr" is still "Bakr".
    const shrunk = allWords.some((word) => keyOf(word).length === 0 && !isArticle(word));
    if (keys.length === 0 || (keys.length === 1 && shrunk)) continue;
    const capitals = words.map((word) => isCapitalised(word));
    patterns.push({ keys, spellings: words.map(matchKey), capitals, known: entry, surname: false });
    if (keys.length === 1) fullSingles.add(keys[0]!);
    if (entry.type === "person" && keys.length > 1) {
      const owners = surnameOwners.get(keys[keys.length - 1]!) ?? new Set<string>();
      surnameOwners.set(keys[keys.length - 1]!, owners.add(keys.join(" ")));
    }
  }
  for (const pattern of patterns) add(pattern);
  const added = new Set<string>();
  for (const pattern of surnames ? patterns : []) {
    const surname = pattern.keys[pattern.keys.length - 1]!;
    if (pattern.keys.length < 2 || pattern.known.type !== "person" || fullSingles.has(surname)) continue;
    if (added.has(surname) || surnameOwners.get(surname)!.size > 1 || isCommonWord(surname)) continue;
    if (matchKey(pattern.known.name.split(/[\s\-‐–]+/).pop() ?? "").length < 4) continue;
    const last = pattern.keys.length - 1;
    add({ ...pattern, keys: [surname], spellings: [pattern.spellings[last]!], capitals: [true], surname: true });
    added.add(surname);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.keys.length - a.keys.length);
  return byFirst;
}

/** The words that carry a name (articles and stop words skipped), as parallel arrays. */
interface ContentTokens {
  keys: string[];
  tokens: MatchToken[];
  /** 1 where punctuation lies between a word and the previous content word. */
  barriers: Uint8Array;
}

function contentTokens(text: string, tokens: readonly MatchToken[], transliteration: boolean): ContentTokens {
  const keys: string[] = [];
  const kept: MatchToken[] = [];
  const barriers = new Uint8Array(tokens.length);
  let barrier = true;
  for (const token of tokens) {
    barrier ||= token.barrierBefore;
    let key = foldedSpellingKey(token.key);
    // Transliteration matches are for capitalised names: other words only hold their place.
    if (transliteration && key.length > 0) {
      key = token.capitalised ? cachedTokenKey(text.slice(token.start, token.end)) || UNMATCHABLE : UNMATCHABLE;
    }
    if (key.length === 0) continue;
    barriers[keys.length] = barrier ? 1 : 0;
    keys.push(key);
    kept.push(token);
    barrier = false;
  }
  return { keys, tokens: kept, barriers };
}

const NO_PATTERNS: readonly Pattern[] = [];

const contentCache = new WeakMap<MentionContext, ContentTokens[]>();

/** Content tokens of a document, computed once per context for each kind of key. */
function cachedContentTokens(context: MentionContext, transliteration: boolean): ContentTokens {
  let cached = contentCache.get(context);
  if (!cached) contentCache.set(context, (cached = []));
  const slot = transliteration ? 1 : 0;
  cached[slot] ??= contentTokens(context.document.text, matchTokens(context), transliteration);
  return cached[slot];
}

/**
 * Start of the match widened over an article before it: "al-" of "al-Bakr", and in caseless text
 * the "ar " of "ar rashid army camp" when the known name starts with that article.
 */
function widenedStart(context: MentionContext, start: number, known: string, caseless: boolean): number {
  const before = context.document.text.slice(Math.max(0, start - 5), start);
  const joined = /(?:^|[^\p{L}])((?:al|el|as|ar|ad|an|at|az|ash)[-‐])$/iu.exec(before);
  if (joined) return start - joined[1]!.length;
  const article = /^(al|el|as|ar|ad|an|at|az|ash)[-‐ ]/i.exec(known)?.[1]?.toLowerCase();
  const spaced = caseless && article ? new RegExp(`(?:^|[^\\p{L}])(${article} )$`, "u").exec(before) : null;
  return spaced ? start - spaced[1]!.length : start;
}

export function findKnownNames(
  context: MentionContext,
  known: readonly KnownName[],
  options: KnownNameOptions = {},
): Mention[] {
  if (known.length === 0) return [];
  const caseless = options.caseless ?? context.caseless;
  const keyOf = options.transliteration === true ? transliterationKey : spellingKey;
  const byFirst = compile(known, keyOf, options.surnames ?? true);
  const transliteration = options.transliteration === true;
  const content = cachedContentTokens(context, transliteration);
  const mentions: Mention[] = [];
  let i = 0;
  while (i < content.keys.length) {
    let found: Pattern | undefined;
    for (const pattern of byFirst.get(content.keys[i]!) ?? NO_PATTERNS) {
      if (matchesAt(content, i, pattern, caseless, transliteration)) {
        found = pattern;
        break;
      }
    }
    if (!found) {
      i++;
      continue;
    }
    const last = content.tokens[i + found.keys.length - 1]!;
    const start = widenedStart(context, content.tokens[i]!.start, found.known.name, caseless);
    const surface = normalizeName(context.document.text.slice(start, last.end));
    const variant = found.surname || (!caseless && surface !== found.known.name);
    mentions.push(
      makeMention(context, start, last.end, {
        type: found.known.type,
        name: caseless && !found.surname ? found.known.name : surface,
        extractor: options.extractor ?? "known-name",
        confidence: (found.known.confidence ?? options.confidence ?? 0.75) - (found.surname ? 0.1 : 0),
        aliasOf: variant ? found.known.name : undefined,
      }),
    );
    i += found.keys.length;
  }
  return mentions;
}

const initial = (key: string): string => (/^[aeiouy]/.test(key) ? "a" : key[0]!.replace(/[qc]/, "k"));

/** A transliteration match must stay close to the known spelling and be no common English word: "Qassem" for "Qasim", not "Iraqi" for "Iraq". */
function nearSpelling(token: MatchToken, spelling: string): boolean {
  if (token.key === spelling) return true;
  if (isDemonym(token.key) || isCommonWord(token.key) || Math.abs(token.key.length - spelling.length) > 2) return false;
  return initial(token.key) === initial(spelling) && token.key.slice(-1) !== "i";
}

function matchesAt(
  content: ContentTokens,
  at: number,
  pattern: Pattern,
  caseless: boolean,
  transliteration: boolean,
): boolean {
  for (let k = 0; k < pattern.keys.length; k++) {
    const key = content.keys[at + k];
    if (key === undefined || key !== pattern.keys[k] || (k > 0 && content.barriers[at + k] === 1)) return false;
    if (transliteration && !nearSpelling(content.tokens[at + k]!, pattern.spellings[k]!)) return false;
  }
  if (caseless) return true;
  const first = content.tokens[at]!;
  if (!first.capitalised) return false;
  for (let k = 1; k < pattern.keys.length; k++) {
    if (pattern.capitals[k] && !content.tokens[at + k]!.capitalised) return false;
  }
  return !(pattern.keys.length === 1 && first.sentenceInitial && isCommonWord(first.key));
}

/**
 * The names `known` in a document, for the corpus stage: names found in other documents looked for
 * in this one (extractor "known-name"). Fast with thousands of names: one hash lookup per word.
 */
export function matchKnownNames(
  document: SourceDocument,
  paragraphs: readonly SegmentedParagraph[],
  known: readonly KnownName[],
  options: KnownNameOptions = {},
): Mention[] {
  return findKnownNames(createContext(document, paragraphs), known, options);
}
