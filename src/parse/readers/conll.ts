import { MappedTextBuilder } from "../../core/offset-map.js";
import type { DecodedSource } from "../../decode/decoded-source.js";
import { linesOf } from "../lines.js";
import type { ParsedDocument, Reader } from "../reader.js";
import { titleFromPath } from "../strings.js";

/** A named-entity tag: O, or a BIO/BIOES/BILOU prefix and a type (B-PER, I-ORG, E-LOC, B_Person). */
const TAG = /^(?:O|[BIESLU][-_][^\s]+)$/;
const DOCSTART = "-DOCSTART-";
const SAMPLE_LINES = 400;
const MIN_TOKEN_LINES = 5;
/** CoNLL-U and other many-column formats are not token/tag files. */
const MAX_FIELDS = 6;

function fieldsOf(line: string): string[] {
  return line.includes("\t") ? line.split("\t") : line.trim().split(/\s+/);
}

/**
 * CoNLL-style token/tag files (WikiGold, CoNLL-2003, re3d exports): one token per line with its tag
 * last, blank lines between sentences, `-DOCSTART-` between documents. Whatever the extension.
 */
export const conllReader: Reader = {
  format: "conll",

  detect(source: DecodedSource): number {
    let tokenLines = 0;
    let tagged = 0;
    let blank = 0;
    let seen = 0;
    for (const line of linesOf(source.text)) {
      if (seen++ >= SAMPLE_LINES) break;
      if (line.text.trim() === "") {
        blank++;
        continue;
      }
      const fields = fieldsOf(line.text);
      tokenLines++;
      if (fields[0] === DOCSTART || (fields.length >= 2 && fields.length <= MAX_FIELDS && TAG.test(fields.at(-1)!)))
        tagged++;
    }
    if (tokenLines < MIN_TOKEN_LINES || tagged / tokenLines < 0.95) return 0;
    return blank > 0 || tokenLines < SAMPLE_LINES ? 0.95 : 0.8;
  },

  read(source: DecodedSource): ParsedDocument[] {
    const out = new MappedTextBuilder(source.text);
    let separator: string | undefined;
    let at = 0;
    for (const line of linesOf(source.text)) {
      const token = fieldsOf(line.text)[0] ?? "";
      if (token === "" || token === DOCSTART) {
        if (out.textLength > 0) separator = token === DOCSTART ? "\n\n" : (separator ?? "\n");
        at = line.start;
        continue;
      }
      const start = line.start + line.text.indexOf(token);
      if (out.textLength > 0) out.insert(separator ?? " ", at);
      out.copy(start, start + token.length);
      separator = undefined;
      at = start + token.length;
    }
    const { text, map } = out.build();
    return [
      {
        title: titleFromPath(source.path),
        format: "conll",
        kind: "dataset",
        metadata: {},
        sections: [],
        infobox: [],
        markup: [],
        text,
        map,
      },
    ];
  },
};
