import type { Span } from "../../core/document.js";
import type { DateMention } from "../dates/index.js";
import type { Mention } from "../mentions/types.js";
import type { Token } from "../../segment/index.js";
import { firstStartingAt } from "./spans.js";

/** A word of a sentence, or a whole mention or date expression standing as one word. */
export interface Item extends Span {
  lower: string;
  lemma: string;
  punctuation: boolean;
  mention?: Mention;
  date?: DateMention;
  /** Parenthesis depth: words inside "( … )" are asides. */
  depth: number;
}

/** The sentence's tokens with every mention and date expression collapsed into one item. */
export function itemsOf(
  text: string,
  tokens: readonly Token[],
  sentence: Span,
  mentions: readonly Mention[],
  dates: readonly DateMention[],
): Item[] {
  const items: Item[] = [];
  let mentionIndex = firstStartingAt(mentions, sentence.start);
  let dateIndex = firstStartingAt(dates, sentence.start);
  let depth = 0;
  for (const token of tokens) {
    while (dateIndex < dates.length && dates[dateIndex]!.end <= token.start) dateIndex++;
    while (mentionIndex < mentions.length && mentions[mentionIndex]!.end <= token.start) mentionIndex++;
    const date = dates[dateIndex];
    const mention = mentions[mentionIndex];
    const last = items[items.length - 1];
    if (date && date.start < token.end && date.end <= sentence.end) {
      if (last?.date !== date) items.push(spanItem(text, date, depth, { date }));
      continue;
    }
    if (mention && mention.start < token.end && mention.end <= sentence.end) {
      if (last?.mention !== mention) items.push(spanItem(text, mention, depth, { mention }));
      continue;
    }
    const word = text.slice(token.start, token.end);
    if (word === "(") depth++;
    items.push({
      start: token.start,
      end: token.end,
      lower: word.toLowerCase(),
      lemma: token.lemma,
      punctuation: token.punctuation,
      depth,
    });
    if (word === ")") depth = Math.max(0, depth - 1);
  }
  return items;
}

function spanItem(text: string, span: Span, depth: number, extra: Pick<Item, "mention" | "date">): Item {
  const lower = text.slice(span.start, span.end).toLowerCase();
  return { start: span.start, end: span.end, lower, lemma: lower, punctuation: false, depth, ...extra };
}

export function isActor(item: Item | undefined): boolean {
  const type = item?.mention?.type;
  return type === "person" || type === "organization" || type === "group";
}

export function isPlace(item: Item | undefined): boolean {
  return item?.mention?.type === "place";
}

/** True when the item reads as one of `words` (by its lower-cased text or its lemma). */
export function is(item: Item | undefined, words: ReadonlySet<string>): boolean {
  return item !== undefined && !item.mention && !item.date && (words.has(item.lower) || words.has(item.lemma));
}

/** How the text writes a mention, without a possessive "'s". */
export function surface(text: string, item: Item): string {
  return text.slice(item.start, item.end).replace(/['’]s$/, "");
}

export function wordSet(words: string): ReadonlySet<string> {
  return new Set(words.split(/\s+/).filter(Boolean));
}

/** Text after a mention item: "'s" when the mention is a possessive. */
export function isPossessive(items: readonly Item[], index: number, text: string): boolean {
  const item = items[index];
  if (!item) return false;
  const next = items[index + 1];
  if (next && (next.lower === "'s" || next.lower === "’s")) return true;
  return /^['’]s\b/.test(text.slice(item.end, item.end + 3)) || /['’]s$/.test(item.lower);
}
