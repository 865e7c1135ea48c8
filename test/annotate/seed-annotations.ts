import type { SourceDocument } from "../../src/core/document.js";
import { decode } from "../../src/decode/index.js";
import { parse } from "../../src/parse/index.js";
import { segmentParagraphs, type SegmentedParagraph } from "../../src/segment/index.js";
import { documentReferenceDate, extractDates, type DateMention } from "../../src/annotate/dates/index.js";
import type { Mention, MentionType } from "../../src/annotate/mentions/types.js";
import { fixtureBytes } from "../decode/fixtures.js";

/** [as written, type, canonical name]: a hand-made gazetteer standing in for the mention extractor. */
export type Entry = [string, MentionType, string?];

/** Every whole-word occurrence of each entry, longest first, as a mention. */
export function mentionsOf(document: SourceDocument, paragraphs: SegmentedParagraph[], entries: Entry[]): Mention[] {
  const caseless = !/\p{Lu}/u.test(document.text.slice(0, 2000));
  const text = caseless ? document.text.toLowerCase() : document.text;
  const found: Mention[] = [];
  for (const [written, type, name] of [...entries].sort((a, b) => b[0].length - a[0].length)) {
    const needle = caseless ? written.toLowerCase() : written;
    for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
      const end = at + needle.length;
      const whole = !/[\p{L}\p{N}]/u.test(text[at - 1] ?? " ") && !/[\p{L}\p{N}]/u.test(text[end] ?? " ");
      if (!whole || found.some((m) => m.start < end && at < m.end)) continue;
      const sentence = paragraphs.flatMap((p) => p.sentences).find((s) => s.start <= at && end <= s.end) ?? {
        start: at,
        end,
      };
      const mention = { start: at, end, text: document.text.slice(at, end), type, name: name ?? written };
      found.push({ ...mention, extractor: "test", confidence: 1, sentence });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** A seed fixture read by the real readers, with its paragraphs, dates and hand-made mentions. */
export function seedInput(
  file: string,
  entries: Entry[],
): { document: SourceDocument; paragraphs: SegmentedParagraph[]; mentions: Mention[]; dates: DateMention[] } {
  const document = parse(decode(fixtureBytes(file), file))[0]!;
  const paragraphs = [...segmentParagraphs(document.text)];
  const referenceDate = documentReferenceDate(document.text, document.metadata.date);
  const dates = extractDates(document.text, referenceDate ? { referenceDate } : {});
  return { document, paragraphs, mentions: mentionsOf(document, paragraphs, entries), dates };
}
