import type { SourceDocument, Span } from "../core/document.js";
import { datedDocument, documentReferenceDate, extractDates, type DateMention } from "../annotate/dates/index.js";
import { extractMentions } from "../annotate/mentions/index.js";
import { extractEvents } from "../annotate/events/index.js";
import { extractDatasetEvents } from "../annotate/events/extractors/dataset-rows.js";
import { extractRelations } from "../annotate/relations/index.js";
import { buildPassages } from "../search/passages.js";
import { MinHasher, contentWords } from "../resolve/minhash.js";
import { isCaseless } from "../segment/casing.js";
import { indexSegmenterWith, paragraphSpans, segmentParagraphs, type SegmentedParagraph } from "../segment/index.js";
import { recordingLexicon, vocabularyOf } from "../search/vocabulary.js";
import type { DocumentRecord } from "../store/store.js";

/** Paragraphs are analysed in batches of about this many characters, so memory stays bounded. */
const BATCH_CHARACTERS = 1_000_000;
/** Past this many mentions in one document, extraction stops (passages go on): memory stays bounded. */
export const MAX_MENTIONS_PER_DOCUMENT = 100_000;

export interface AnalyseOptions {
  /** Run mention, event and relation extraction (default true); off, only passages, dates and signature. */
  extract?: boolean;
}

/** Tables and token/tag files are data, not prose: no dates, names or trigger events are read from their text. */
function isProse(document: SourceDocument): boolean {
  return document.format !== "table" && document.format !== "conll";
}

/** segment → annotate (dates, mentions, events, relations) → passages and MinHash signature, for one document. Passages are segmented for the index by rules, extraction by wink-nlp. */
export function analyseDocument(source: SourceDocument, options: AnalyseOptions = {}): DocumentRecord {
  if (!isProse(source)) return analyseData(source, options.extract ?? true);
  const extract = options.extract ?? true;
  const document = datedDocument(source);
  const referenceDate = documentReferenceDate(document.text, document.metadata.date);
  const dates = extractDates(document.text, referenceDate ? { referenceDate } : {});
  const record: Required<Pick<DocumentRecord, "mentions" | "events" | "relations">> & DocumentRecord = {
    document,
    passages: [],
    dates,
    mentions: [],
    events: [],
    relations: [],
    caseless: isCaseless(document.text),
    ...(referenceDate ? { referenceDate } : {}),
  };
  const hasher = new MinHasher();
  const words = new Set<string>();
  const indexSegmenter = indexSegmenterWith(recordingLexicon(words));
  const spans = withoutFurniture(document.text, paragraphSpans(document.text), document.furniture ?? []);
  for (const batch of batches(boundedSpans(document.text, spans))) {
    const passages = buildPassages(document, segmentParagraphs(document.text, batch, indexSegmenter));
    record.passages.push(...passages);
    for (const passage of passages) hasher.addWords(contentWords(passage.terms));
    if (extract && record.mentions.length < MAX_MENTIONS_PER_DOCUMENT) {
      const paragraphs = [...segmentParagraphs(document.text, batch)];
      extractFrom(document, paragraphs, datesWithin(dates, batch), record);
      if (record.mentions.length >= MAX_MENTIONS_PER_DOCUMENT) record.extractionStoppedAt = batch.at(-1)!.end;
    }
  }
  const signature = hasher.result();
  if (signature) record.signature = signature;
  record.vocabulary = vocabularyOf(words);
  return record;
}

/** Passages (one per row of a table) and signature; a table of events gives one dataset event per row. */
function analyseData(document: SourceDocument, extract: boolean): DocumentRecord {
  const rows = document.table?.rows;
  const spans = rows ?? boundedSpans(document.text, paragraphSpans(document.text));
  const passages: DocumentRecord["passages"] = [];
  const hasher = new MinHasher();
  const words = new Set<string>();
  const indexSegmenter = indexSegmenterWith(recordingLexicon(words));
  for (const batch of batches(spans)) {
    const batchPassages = buildPassages(document, segmentParagraphs(document.text, batch, indexSegmenter), {
      onePerParagraph: rows !== undefined,
    });
    passages.push(...batchPassages);
    for (const passage of batchPassages) hasher.addWords(contentWords(passage.terms));
  }
  const signature = hasher.result();
  return {
    document,
    passages,
    dates: [],
    mentions: [],
    events: extract ? extractDatasetEvents(document) : [],
    relations: [],
    vocabulary: vocabularyOf(words),
    caseless: false,
    ...(signature ? { signature } : {}),
  };
}

function extractFrom(
  document: SourceDocument,
  paragraphs: SegmentedParagraph[],
  dates: DateMention[],
  record: Required<Pick<DocumentRecord, "mentions" | "events" | "relations">>,
): void {
  const mentions = extractMentions(document, paragraphs, { dates });
  const input = { document, paragraphs, mentions, dates };
  record.mentions.push(...mentions);
  record.events.push(...extractEvents(input));
  record.relations.push(...extractRelations(input));
}

/** Paragraphs with page furniture (running heads, stamps, page numbers) cut out: it is shown, not indexed or extracted. */
export function withoutFurniture(text: string, spans: readonly Span[], furniture: readonly Span[]): Span[] {
  if (furniture.length === 0) return [...spans];
  const sorted = [...furniture].sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  let f = 0;
  for (const span of spans) {
    while (f < sorted.length && sorted[f]!.end <= span.start) f++;
    let start = span.start;
    for (let i = f; i < sorted.length && sorted[i]!.start < span.end; i++) {
      pushTrimmed(text, start, Math.max(start, sorted[i]!.start), out);
      start = Math.max(start, sorted[i]!.end);
    }
    pushTrimmed(text, start, span.end, out);
  }
  return out;
}

function pushTrimmed(text: string, start: number, end: number, out: Span[]): void {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end > start) out.push({ start, end });
}

/** A paragraph longer than this (a one-line file) is cut at whitespace, so no batch holds all its tokens. */
const MAX_PARAGRAPH = 100_000;

function boundedSpans(text: string, spans: Span[]): Span[] {
  const out: Span[] = [];
  for (const span of spans) {
    let start = span.start;
    while (span.end - start > MAX_PARAGRAPH) {
      let cut = text.lastIndexOf(" ", start + MAX_PARAGRAPH);
      if (cut <= start) cut = start + MAX_PARAGRAPH;
      out.push({ start, end: cut });
      start = cut + 1;
    }
    if (span.end > start) out.push({ start, end: span.end });
  }
  return out;
}

function* batches<T extends { start: number; end: number }>(spans: T[]): Generator<T[]> {
  let batch: T[] = [];
  let size = 0;
  for (const span of spans) {
    batch.push(span);
    size += span.end - span.start;
    if (size >= BATCH_CHARACTERS) {
      yield batch;
      batch = [];
      size = 0;
    }
  }
  if (batch.length > 0) yield batch;
}

function datesWithin(dates: DateMention[], batch: { start: number; end: number }[]): DateMention[] {
  const from = batch[0]?.start ?? 0;
  const to = batch[batch.length - 1]?.end ?? 0;
  return dates.filter((d) => d.start >= from && d.end <= to);
}
