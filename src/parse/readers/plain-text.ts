import { OffsetMap } from "../../core/offset-map.js";
import type { DocumentKind } from "../../core/document.js";
import type { DecodedSource } from "../../decode/decoded-source.js";
import type { ParsedDocument, Reader } from "../reader.js";
import { titleFromContent } from "../content-title.js";
import { titleFromPath } from "../strings.js";

const SAMPLE_CHARS = 50_000;

/** The commonest English function words; running prose is about 40% these, a token dump almost none. */
const STOP_WORDS = new Set(
  (
    "the of and a an to in is was were are be been it its that this these those for on with as by at from " +
    "or but not he she they we his her their had has have which who whom whose there than then into also"
  ).split(" "),
);

/**
 * Whether the text is a pre-normalized token dump (lower-cased, stop words and punctuation
 * stripped) rather than prose: such a copy is derived from some other document.
 */
export function looksLikeTokenDump(text: string): boolean {
  const sample = text.slice(0, SAMPLE_CHARS);
  const words = sample.match(/\p{L}+/gu) ?? [];
  if (words.length < 30) return false;
  const letters = words.reduce((sum, word) => sum + word.length, 0);
  const capitals = (sample.match(/\p{Lu}/gu) ?? []).length;
  const punctuation = (sample.match(/[.,;:!?]/g) ?? []).length;
  const stopWords = words.filter((word) => STOP_WORDS.has(word.toLowerCase())).length;
  return capitals / letters < 0.01 && punctuation / words.length < 0.02 && stopWords / words.length < 0.08;
}

/** Plain text, kept exactly as it is; the fallback for anything no other reader claims. */
export const plainTextReader: Reader = {
  format: "text",

  detect(): number {
    return 0.1;
  },

  read(source: DecodedSource): ParsedDocument[] {
    const { text } = source;
    const kind: DocumentKind = looksLikeTokenDump(text) ? "derived" : "other";
    return [
      {
        title: titleFromContent(text) ?? titleFromPath(source.path),
        format: "text",
        kind,
        metadata: {},
        sections: [],
        infobox: [],
        markup: [],
        text,
        map: OffsetMap.identity(text.length),
      },
    ];
  },
};
