import { SaxesParser, type SaxesTagPlain } from "saxes";

const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** OpenDocument elements that become an HTML element of their own. */
const BLOCKS: Record<string, string> = {
  "text:p": "p",
  "text:list": "ul",
  "text:list-item": "li",
  "table:table": "table",
  "table:table-row": "tr",
  "table:table-cell": "td",
};

/** Not part of the text the author wrote: comments, tracked deletions, declarations, forms. */
const SKIPPED = new Set([
  "office:annotation",
  "text:tracked-changes",
  "text:sequence-decls",
  "office:forms",
  "text:note-citation",
]);

/**
 * The text of an ODT's content.xml as HTML: headings at their outline level, paragraphs, lists,
 * tables; each footnote's body at the end under a "Notes" heading, its number left in the text.
 */
export function contentHtml(xml: string): string {
  const parser = new SaxesParser();
  const body: string[] = [];
  const notes: string[] = [];
  let out = body;
  /** Per open element: the HTML that closes it, and whether it closes a footnote. */
  const closing: { html: string; note?: true }[] = [];
  let inBody = false;
  let skipping = 0;
  parser.on("opentag", (tag: SaxesTagPlain) => {
    const name = tag.name;
    if (name === "office:text") inBody = true;
    if (!inBody) return closing.push({ html: "" });
    if (skipping > 0 || SKIPPED.has(name)) {
      skipping++;
      return closing.push({ html: "" });
    }
    const attribute = (key: string) => {
      const value = tag.attributes[key];
      return typeof value === "string" ? value : undefined;
    };
    if (name === "text:h") {
      const level = Math.min(6, Math.max(1, Number(attribute("text:outline-level") ?? 1) || 1));
      out.push(`<h${level}>`);
      return closing.push({ html: `</h${level}>` });
    }
    if (name === "text:note") {
      out.push(`<sup>[${notes.length + 1}]</sup>`);
      out = notes;
      out.push("<li>");
      return closing.push({ html: "</li>", note: true });
    }
    if (name === "text:s") out.push(" ".repeat(Math.min(100, Number(attribute("text:c") ?? 1) || 1)));
    else if (name === "text:tab") out.push("\t");
    else if (name === "text:line-break") out.push("<br>");
    const element = BLOCKS[name];
    if (element) out.push(`<${element}>`);
    closing.push({ html: element ? `</${element}>` : "" });
  });
  parser.on("text", (text) => {
    if (inBody && skipping === 0) out.push(escape(text));
  });
  parser.on("closetag", (tag) => {
    if (skipping > 0) skipping--;
    const close = closing.pop();
    out.push(close?.html ?? "");
    if (close?.note) out = body;
    if (tag.name === "office:text") inBody = false;
  });
  parser.write(xml).close();
  const notesHtml = notes.length > 0 ? `<h2>Notes</h2><ol>${notes.join("")}</ol>` : "";
  return `${body.join("")}${notesHtml}`;
}
