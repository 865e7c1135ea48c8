import type { Token } from "../segment/index.js";
import { foldToken, tokenKey } from "../core/name-key.js";

/**
 * What one token contributes to the full-text index. Passages (at ingest) and queries (at search)
 * both go through these functions, so a query term is spelled exactly as the index spells it.
 *
 * - term: the folded lemma ("Officers" → "officer", "Ba'ath" → "baath"), indexed in column `terms`;
 * - key: the transliteration key of the surface form ("Kassem" → "ksm"), indexed in column `keys`.
 */

/** Longer tokens are URLs, base64 and the like: nobody searches for them. */
export const MAX_TOKEN_LENGTH = 64;

const FOLD_CACHE_LIMIT = 200_000;
const foldCache = new Map<string, string>();
const keyCache = new Map<string, string>();

/** Characters the FTS5 unicode61 tokenizer keeps inside tokens (letters, digits, private use). */
const TOKEN_CHAR = /[\p{L}\p{N}\p{Co}]/u;

/** The indexed term of a token, or "" when the token is not indexed. */
export function tokenTerm(token: Token): string {
  if (token.punctuation || token.end - token.start > MAX_TOKEN_LENGTH) return "";
  return foldedTerm(token.lemma);
}

/** The folded form of a lemma or word, or "" when it holds nothing the index can match. */
export function foldedTerm(word: string): string {
  let folded = foldCache.get(word);
  if (folded !== undefined) return folded;
  folded = isPossessive(word) || !TOKEN_CHAR.test(word) ? "" : foldToken(word);
  if (foldCache.size >= FOLD_CACHE_LIMIT) foldCache.clear();
  foldCache.set(word, folded);
  return folded;
}

/** The key of a token's surface form, or "" when it gets none (stop words, particles, symbols). */
export function surfaceKey(surface: string, token: Token): string {
  if (token.stop || token.punctuation || surface.length > MAX_TOKEN_LENGTH) return "";
  let key = keyCache.get(surface);
  if (key !== undefined) return key;
  key = isPossessive(surface) ? "" : tokenKey(surface);
  // A number's key is the number itself, already in `terms`.
  if (key.length > 0 && key.charCodeAt(0) <= 57 && /^\d+$/.test(key)) key = "";
  if (keyCache.size >= FOLD_CACHE_LIMIT) keyCache.clear();
  keyCache.set(surface, key);
  return key;
}

/** "'s" as wink-nlp splits it off "Qasim's": indexing it would only add noise. */
function isPossessive(word: string): boolean {
  return word.length === 2 && (word === "'s" || word === "’s" || word === "'S" || word === "’S");
}

/** The tokens FTS5 makes of an indexed term: "ar-rashid" → ["ar", "rashid"], "2,000" → ["2", "000"]. */
export function ftsWords(term: string): string[] {
  return term.split(/[^\p{L}\p{N}\p{Co}]+/u).filter((w) => w.length > 0);
}
