import type { SourceDocument, Span } from "../../core/document.js";
import type { DateMention } from "../dates/index.js";
import type { Mention } from "../mentions/types.js";
import type { SegmentedParagraph, Token } from "../../segment/index.js";
import { itemsOf, type Item } from "./sentence-view.js";
import { overlaps } from "./spans.js";

/**
 * One sentence (or section heading, or list item) outside the infobox. Its items — tokens with the
 * mentions and dates merged in — are built on first use: most sentences hold no word anything looks for.
 */
export class Unit implements Span {
  #items: Item[] | undefined;

  constructor(
    readonly start: number,
    readonly end: number,
    readonly index: number,
    readonly heading: boolean,
    readonly paragraph: Span & { index: number },
    private readonly source: {
      text: string;
      tokens: readonly Token[];
      first: number;
      last: number;
      mentions: readonly Mention[];
      dates: readonly DateMention[];
    },
  ) {}

  get items(): Item[] {
    const { text, tokens, first, last, mentions, dates } = this.source;
    return (this.#items ??= itemsOf(text, tokens.slice(first, last), this, mentions, dates));
  }

  get tokenCount(): number {
    return this.source.last - this.source.first;
  }

  /** Whether a token's lemma is one of `lemmas`: a cheap test before the items are built. */
  mentionsAny(lemmas: ReadonlySet<string>): boolean {
    const { tokens, first, last } = this.source;
    for (let i = first; i < last; i++) if (lemmas.has(tokens[i]!.lemma)) return true;
    return false;
  }
}

type Piece = Span & { heading: boolean };

const LIST_ITEM = /\n[ \t]*(?:[-*•]|\d+[.)])[ \t]/g;

function trimmed(text: string, start: number, end: number): Span | undefined {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end > start ? { start, end } : undefined;
}

/** A sentence cut where a section heading ends or a list item starts: the segmenter does not see them. */
function piecesOf(text: string, sentence: Span, headingEnds: ReadonlySet<number>): Piece[] {
  const newline = text.indexOf("\n", sentence.start);
  if (newline < 0 || newline >= sentence.end) return [{ start: sentence.start, end: sentence.end, heading: false }];
  const slice = text.slice(sentence.start, sentence.end);
  const cuts = new Set<number>();
  for (let at = slice.indexOf("\n"); at >= 0; at = slice.indexOf("\n", at + 1)) {
    if (headingEnds.has(sentence.start + at)) cuts.add(sentence.start + at);
  }
  for (const match of slice.matchAll(LIST_ITEM)) cuts.add(sentence.start + match.index);
  const pieces: Piece[] = [];
  let start = sentence.start;
  for (const cut of [...[...cuts].sort((a, b) => a - b), sentence.end]) {
    const span = trimmed(text, start, cut);
    if (span) pieces.push({ ...span, heading: headingEnds.has(cut) });
    start = cut;
  }
  return pieces;
}

export function unitsOf(
  document: SourceDocument,
  paragraphs: readonly SegmentedParagraph[],
  mentions: Mention[],
  dates: DateMention[],
): Unit[] {
  const units: Unit[] = [];
  const headingEnds = new Set(document.sections.map((section) => section.start + section.title.length));
  const text = document.text;
  paragraphs.forEach((paragraph, paragraphIndex) => {
    const { tokens } = paragraph;
    const where = { start: paragraph.start, end: paragraph.end, index: paragraphIndex };
    let next = 0;
    for (const sentence of paragraph.sentences) {
      if (document.infobox.some((field) => overlaps(field, sentence))) continue;
      for (const piece of piecesOf(text, sentence, headingEnds)) {
        while (next < tokens.length && tokens[next]!.start < piece.start) next++;
        const first = next;
        while (next < tokens.length && tokens[next]!.end <= piece.end) next++;
        const source = { text, tokens, first, last: next, mentions, dates };
        units.push(new Unit(piece.start, piece.end, units.length, piece.heading, where, source));
      }
    }
  });
  return units;
}
