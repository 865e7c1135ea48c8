/** Spans the source marked up itself (TEI persName, orgName, placeName, date): the surest mentions. */
import { makeMention } from "../context.js";
import { normalizeName } from "../names.js";
import { inRange } from "../scan.js";
import type { MentionExtractor } from "../types.js";

export const markupExtractor: MentionExtractor = {
  name: "markup",
  extract(context) {
    return context.document.markup
      .filter((markup) => markup.end > markup.start && inRange(context, markup))
      .map((markup) =>
        makeMention(context, markup.start, markup.end, {
          type: markup.type,
          name: markup.type === "date" ? (markup.value ?? markup.text) : normalizeName(markup.text),
          extractor: "markup",
          confidence: 0.99,
          ref: markup.ref,
        }),
      );
  },
};
