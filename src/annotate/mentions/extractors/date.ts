/**
 * Date expressions (src/annotate/dates), as mentions of type "date" named by their normalized
 * value. A caller that has run extractDates on the document already passes its dates in, and
 * they are reused instead of parsed again.
 */
import type { DateMention } from "../../dates/index.js";
import { extractDates } from "../../dates/index.js";
import { makeMention } from "../context.js";
import { inRange } from "../scan.js";
import type { MentionExtractor } from "../types.js";

export function dateExtractor(known?: readonly DateMention[]): MentionExtractor {
  return {
    name: "date",
    extract(context) {
      const { document, paragraphs } = context;
      const dates =
        known?.filter((date) => inRange(context, date)) ??
        extractDates(document.text, {
          ...(document.metadata.date !== undefined ? { referenceDate: document.metadata.date } : {}),
          paragraphs: paragraphs.map(({ start, end }) => ({ start, end })),
        });
      return dates.map((date) =>
        makeMention(context, date.start, date.end, {
          type: "date",
          name: date.value,
          extractor: "date",
          confidence: date.confidence,
        }),
      );
    },
  };
}
