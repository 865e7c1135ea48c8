import type { SourceDocument } from "./document.js";
import { OffsetMap } from "./offset-map.js";

/** A plain-text SourceDocument around `text` with an identity offset map (CoNLL scoring, tests). */
export function textDocument(text: string, id = "eval"): SourceDocument {
  return {
    id,
    path: `${id}.txt`,
    title: id,
    format: "text",
    kind: "other",
    metadata: {},
    sections: [],
    infobox: [],
    markup: [],
    text,
    map: OffsetMap.identity(text.length),
    decoding: { encoding: "utf-8", bom: false, mojibakeRepairs: 0, invalidByteOffsets: [] },
  };
}
