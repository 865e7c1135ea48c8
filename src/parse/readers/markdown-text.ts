import type { Nodes, Root } from "mdast";
import { TextAssembler } from "../text-assembler.js";
import type { Heading } from "../sections.js";
import { collapseWhitespace } from "../strings.js";

/** A top-level block of the document, for metadata that Markdown conveys by layout. */
export interface MarkdownBlock {
  type: string;
  /** The visible text, whitespace collapsed. */
  text: string;
  /** Whether all the visible text is bold (`**Citation:**`). */
  allStrong: boolean;
}

export interface MarkdownText {
  text: string;
  map: ReturnType<TextAssembler["build"]>["map"];
  headings: Heading[];
  blocks: MarkdownBlock[];
}

const BLOCKS = new Set(["paragraph", "heading", "code", "blockquote", "list", "listItem", "thematicBreak", "table"]);
const SKIPPED = new Set(["yaml", "toml", "html", "image", "imageReference", "definition", "footnoteDefinition"]);

const CHARACTER_REFERENCE = /^&(?:#\d{1,7}|#[xX][\da-fA-F]{1,6}|[A-Za-z][A-Za-z\d]{1,31});/;
const ASCII_PUNCTUATION = /^[!-/:-@[-`{-~]$/;
/** Whether a source character may start a reference or an escape (& or \\), where a verbatim run must stop to look. */
function isSpecial(code: number): boolean {
  return code === 0x26 || code === 0x5c;
}

type Step = { node: Nodes; leaving: false } | { node: Nodes; leaving: true; start: number };

/** The visible text of a Markdown tree (no markup, blocks separated by blank lines), mapped to `source`. */
export function markdownText(tree: Root, source: string): MarkdownText {
  const out = new TextAssembler(source);
  const headings: Heading[] = [];
  const blocks: MarkdownBlock[] = [];
  const topLevel = new Set<Nodes>(tree.children);
  const stack: Step[] = [{ node: tree, leaving: false }];
  while (stack.length > 0) {
    const step = stack.pop()!;
    const { node } = step;
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? start;
    if (step.leaving) {
      if (BLOCKS.has(node.type)) out.blockBreak(end);
      if (node.type === "heading") headings.push({ title: plainText(node), level: node.depth, start: step.start });
      if (topLevel.has(node)) {
        blocks.push({ type: node.type, text: plainText(node), allStrong: isAllStrong(node) });
      }
      continue;
    }
    if (node.type === "html") out.space(start);
    if (SKIPPED.has(node.type)) continue;
    if (BLOCKS.has(node.type)) out.blockBreak(start);
    if (node.type === "text") appendAligned(out, source, node.value, start, end);
    else if (node.type === "inlineCode") appendFound(out, source, node.value, start, end, false);
    else if (node.type === "code") appendFound(out, source, node.value, start, end, true);
    else if (node.type === "break") out.blockBreak(start, "\n");
    stack.push({ node, leaving: true, start: out.length });
    if ("children" in node) {
      for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i]!, leaving: false });
    }
  }
  return { ...out.build(), headings, blocks };
}

/** Concatenated text values under `node`, whitespace collapsed. */
export function plainText(node: Nodes): string {
  const parts: string[] = [];
  const stack: Nodes[] = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (SKIPPED.has(current.type)) continue;
    if (current.type === "text" || current.type === "inlineCode") parts.push(current.value);
    else if (current.type === "break") parts.push(" ");
    if ("children" in current) for (let i = current.children.length - 1; i >= 0; i--) stack.push(current.children[i]!);
  }
  return collapseWhitespace(parts.join(""));
}

function isAllStrong(node: Nodes): boolean {
  if (node.type !== "paragraph" || node.children.length === 0) return false;
  return node.children.every(
    (child) =>
      child.type === "strong" || child.type === "break" || (child.type === "text" && child.value.trim() === ""),
  );
}

/**
 * Appends a text node's value, aligned with its raw source: characters that appear verbatim are
 * copied, backslash escapes and character references become replacements, indentation the
 * parser stripped is skipped.
 */
function appendAligned(out: TextAssembler, source: string, value: string, rawStart: number, rawEnd: number): void {
  let i = 0;
  let j = rawStart;
  while (i < value.length) {
    const reference = source[j] === "&" ? CHARACTER_REFERENCE.exec(source.slice(j, j + 40))?.[0] : undefined;
    if (reference && !value.startsWith(reference, i)) {
      const length = isHighSurrogate(value.charCodeAt(i)) ? 2 : 1;
      out.appendReplacement(value.slice(i, i + length), j, j + reference.length);
      i += length;
      j += reference.length;
    } else if (source[j] === "\\" && ASCII_PUNCTUATION.test(source[j + 1] ?? "") && source[j + 1] === value[i]) {
      out.appendReplacement(value[i]!, j, j + 2);
      i++;
      j += 2;
    } else if (j < rawEnd && value[i] === source[j]) {
      let k = 1;
      while (
        i + k < value.length &&
        j + k < rawEnd &&
        value.charCodeAt(i + k) === source.charCodeAt(j + k) &&
        !isSpecial(source.charCodeAt(j + k))
      )
        k++;
      out.appendSource(j, j + k);
      i += k;
      j += k;
    } else if (j < rawEnd && /\s/.test(source[j]!)) {
      j++;
    } else {
      out.appendReplacement(value[i]!, j, Math.min(j + 1, rawEnd));
      i++;
      j = Math.min(j + 1, rawEnd);
    }
  }
}

/** Appends `value` line by line, copying each line from where it occurs in the raw source. */
function appendFound(
  out: TextAssembler,
  source: string,
  value: string,
  rawStart: number,
  rawEnd: number,
  preserve: boolean,
): void {
  let cursor = rawStart;
  value.split("\n").forEach((line, index) => {
    if (index > 0) out.insert("\n", cursor);
    const found = source.indexOf(line, cursor);
    if (line.length > 0 && found >= 0 && found + line.length <= rawEnd) {
      out.appendSource(found, found + line.length, preserve);
      cursor = found + line.length;
    } else if (line.length > 0) {
      out.appendReplacement(line, cursor, cursor);
    }
  });
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
