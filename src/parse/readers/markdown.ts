import { fromMarkdown } from "mdast-util-from-markdown";
import { frontmatterFromMarkdown } from "mdast-util-frontmatter";
import { frontmatter } from "micromark-extension-frontmatter";
import type { DocumentKind, DocumentMetadata } from "../../core/document.js";
import type { DecodedSource } from "../../decode/decoded-source.js";
import type { ParsedDocument, Reader } from "../reader.js";
import { sectionsFromHeadings } from "../sections.js";
import { titleFromContent } from "../content-title.js";
import { titleFromPath } from "../strings.js";
import { archivalMetadata, frontMatterMetadata } from "./markdown-metadata.js";
import { markdownText } from "./markdown-text.js";

const FRONT_MATTER = /^---[ \t]*\r?\n[\s\S]*?\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;
const SAMPLE_CHARS = 100_000;
/** Headings that name no document: a converter's "# Document" says less than the file name. */
const GENERIC_TITLE = /^(?:document|untitled|contents|page \d+)$/i;

/** `inline` signals mark words, not the document's structure; see INLINE_DENSITY. */
const SIGNALS: readonly { pattern: RegExp; minimum: number; weight: number; inline?: true }[] = [
  { pattern: /^#{1,6}[ \t]+\S/gm, minimum: 1, weight: 0.3 },
  { pattern: /\*\*[^*\n]+\*\*/g, minimum: 2, weight: 0.3, inline: true },
  { pattern: /<https?:\/\/[^>\s]+>|\[[^\]\n]+\]\([^)\s]+\)/g, minimum: 1, weight: 0.2, inline: true },
  { pattern: /^```/gm, minimum: 2, weight: 0.2 },
  { pattern: /^>[ \t]/gm, minimum: 1, weight: 0.1 },
];
/**
 * Without headings, fences, quotes or front matter, bold words and links make a file Markdown only when
 * there is at least one per this many characters: an archive's bold citation block is (one per 1,600 in
 * the seed source), a long text with a few pasted `**` or `[x](y)` is not (one per 11,000 and sparser).
 */
const INLINE_DENSITY = 5_000;

/**
 * Markdown, with or without YAML front matter. Headings become sections; front matter and an
 * archive's bold `Citation:` block become metadata.
 */
export const markdownReader: Reader = {
  format: "markdown",

  detect(source: DecodedSource): number {
    const sample = source.text.slice(0, SAMPLE_CHARS);
    if (FRONT_MATTER.test(sample)) return 0.95;
    let structure = 0;
    let inline = 0;
    let inlineMarks = 0;
    for (const signal of SIGNALS) {
      const count = (sample.match(signal.pattern) ?? []).length;
      if (count < signal.minimum) continue;
      if (signal.inline) {
        inline += signal.weight;
        inlineMarks += count;
      } else structure += signal.weight;
    }
    const inlineCounts = structure > 0 || inlineMarks * INLINE_DENSITY >= sample.length;
    return Math.min(structure + (inlineCounts ? inline : 0), 0.85);
  },

  read(source: DecodedSource): ParsedDocument[] {
    const tree = fromMarkdown(source.text, {
      extensions: [frontmatter(["yaml"])],
      mdastExtensions: [frontmatterFromMarkdown(["yaml"])],
    });
    const yaml = tree.children.find((node) => node.type === "yaml");
    const front = yaml ? frontMatterMetadata(yaml.value) : { metadata: {} };
    const { text, map, headings, blocks } = markdownText(tree, source.text);
    const archival = archivalMetadata(blocks);
    const metadata: DocumentMetadata = { ...archival.metadata, ...front.metadata };
    const named = headings.filter((heading) => !GENERIC_TITLE.test(heading.title));
    const firstHeading = named.find((heading) => heading.level === 1) ?? named[0];
    const kind: DocumentKind = front.kind ?? (archival.isArchival ? "primary" : "other");
    return [
      {
        title:
          front.title ?? archival.title ?? firstHeading?.title ?? titleFromContent(text) ?? titleFromPath(source.path),
        format: "markdown",
        kind,
        metadata,
        sections: sectionsFromHeadings(headings, text),
        infobox: [],
        markup: [],
        text,
        map,
      },
    ];
  },
};
