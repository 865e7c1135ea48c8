/** Cuts a document's text into pieces at mention, section and citation boundaries, for rendering as text nodes. */

export interface MentionSpan {
  start: number;
  end: number;
  type: string;
  entityId?: string;
}

export interface Piece {
  start: number;
  end: number;
  mention?: MentionSpan;
  cited: boolean;
  /** Indexes of the sections that start here. */
  anchors: number[];
  /** The number of the page that starts here. */
  pageStart?: number;
}

export interface PageStart {
  number: number;
  start: number;
}

/** Mentions sorted by start, overlapping ones dropped (the first, longest one wins). */
function disjoint(mentions: readonly MentionSpan[], length: number): MentionSpan[] {
  const sorted = mentions
    .filter((m) => m.start >= 0 && m.end <= length && m.end > m.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: MentionSpan[] = [];
  let end = 0;
  for (const m of sorted) {
    if (m.start < end) continue;
    kept.push(m);
    end = m.end;
  }
  return kept;
}

export function segments(
  text: string,
  mentions: readonly MentionSpan[],
  sectionStarts: readonly number[],
  cited?: { start: number; end: number },
  pages: readonly PageStart[] = [],
): Piece[] {
  const spans = disjoint(mentions, text.length);
  const cuts = new Set<number>([0, text.length]);
  for (const m of spans) {
    cuts.add(m.start);
    cuts.add(m.end);
  }
  for (const s of sectionStarts) if (s >= 0 && s <= text.length) cuts.add(s);
  const pageAt = new Map<number, number>();
  for (const page of pages)
    if (page.start >= 0 && page.start < text.length) {
      cuts.add(page.start);
      pageAt.set(page.start, page.number);
    }
  if (cited) {
    cuts.add(Math.max(0, Math.min(text.length, cited.start)));
    cuts.add(Math.max(0, Math.min(text.length, cited.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const anchorsAt = new Map<number, number[]>();
  sectionStarts.forEach((s, i) => anchorsAt.set(s, [...(anchorsAt.get(s) ?? []), i]));
  const pieces: Piece[] = [];
  let m = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    while (m < spans.length && spans[m]!.end <= start) m++;
    const mention = spans[m] && spans[m]!.start <= start && end <= spans[m]!.end ? spans[m] : undefined;
    pieces.push({
      start,
      end,
      ...(mention ? { mention } : {}),
      cited: cited !== undefined && start >= cited.start && end <= cited.end && end > start,
      anchors: anchorsAt.get(start) ?? [],
      ...(pageAt.has(start) ? { pageStart: pageAt.get(start)! } : {}),
    });
  }
  if (pieces.length === 0) pieces.push({ start: 0, end: 0, cited: false, anchors: anchorsAt.get(0) ?? [] });
  return pieces;
}
