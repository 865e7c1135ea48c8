/** The FRUS excerpt (documents 109–131 of FRUS 1958–60 XII) read with the project's own TEI reader. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "../annotate/mentions/model/package-root.js";
import type { SourceDocument } from "../core/document.js";
import { decode } from "../decode/index.js";
import { parse } from "../parse/index.js";

export const FRUS_EXCERPT = "data/eval/frus/frus1958-60v12_d109-d131_excerpt.xml";

export function loadFrusDocuments(root = packageRoot()): SourceDocument[] {
  const path = join(root, FRUS_EXCERPT);
  return parse(decode(readFileSync(path), path));
}

/** "…#d110" → "d110". */
export const shortId = (document: SourceDocument): string => document.id.slice(document.id.lastIndexOf("#") + 1);
