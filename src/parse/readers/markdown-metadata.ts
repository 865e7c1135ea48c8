import { parse as parseYaml } from "yaml";
import type { DocumentKind, DocumentMetadata } from "../../core/document.js";
import { normalizePlainDate } from "../dates.js";
import { collapseWhitespace } from "../strings.js";
import type { MarkdownBlock } from "./markdown-text.js";

export interface FrontMatter {
  title?: string;
  metadata: DocumentMetadata;
  kind?: DocumentKind;
}

const MONTH_DATE =
  /\b(?:(?:January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}|\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|November|December) \d{4})\b/;
const URL = /https?:\/\/[^\s<>")\]]+/;
const ARCHIVE = /\b(?:Archives?|Library|Collection|Records|Museum|Institute)\b/;
const TRANSLATOR = /\btranslated\b[^.\n]*?\bby\s+([^.\n]+?)\s*(?:\.(?:\s|$)|$)/im;

function firstString(value: unknown): string | undefined {
  if (Array.isArray(value)) return firstString(value[0]);
  if (typeof value === "string" && value.trim().length > 0) return collapseWhitespace(value);
  if (typeof value === "number") return String(value);
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  return undefined;
}

/** Tags as flattened by some converters: one string holding a heading line and "* item" lines. */
function tagList(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const tags = value
    .filter((tag): tag is string => typeof tag === "string")
    .flatMap((tag) => tag.split(/\r?\n/))
    .map((tag) => collapseWhitespace(tag.replace(/^\s*\*\s*/, "")))
    .filter((tag) => tag.length > 0);
  return tags.length > 0 ? [...new Set(tags)] : undefined;
}

/**
 * Metadata from YAML front matter. `pubDate` is when a site converted the page, not the
 * document's own date, so it is left out.
 */
export function frontMatterMetadata(yamlText: string): FrontMatter {
  let data: unknown;
  try {
    data = parseYaml(yamlText);
  } catch {
    return { metadata: {} };
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) return { metadata: {} };
  const fields = data as Record<string, unknown>;
  const metadata: DocumentMetadata = {};
  const set = <K extends keyof DocumentMetadata>(key: K, value: DocumentMetadata[K] | undefined): void => {
    if (value !== undefined) metadata[key] = value;
  };
  const subject = firstString(fields.subject);
  const title = firstString(fields.title) ?? subject;
  set("subject", subject);
  set("description", firstString(fields.shortDescription) ?? firstString(fields.description));
  set("author", firstString(fields.author));
  set("tags", tagList(fields.tags));
  const date = firstString(fields.date);
  set("date", date === undefined ? undefined : normalizePlainDate(date));
  set("place", firstString(fields.place));
  const url = firstString(fields.url) ?? firstString(fields.source) ?? firstString(fields.link);
  set("url", url && URL.test(url) ? url : undefined);
  set("language", firstString(fields.language) ?? firstString(fields.lang));
  set("archive", firstString(fields.archive));
  set("citation", firstString(fields.citation));
  set("translator", firstString(fields.translator));
  const isEncyclopedia = /wikipedia/i.test(metadata.author ?? "") || fields.shortDescription !== undefined;
  return { ...(title ? { title } : {}), metadata, ...(isEncyclopedia ? { kind: "encyclopedia" as const } : {}) };
}

export interface ArchivalRecord {
  title?: string;
  metadata: DocumentMetadata;
  /** Whether the document carries an archive's citation block: a primary source. */
  isArchival: boolean;
}

/**
 * Metadata an archive's export conveys by layout (as the Wilson Center Digital Archive does):
 * bold lines at the top (date, title), then bold `Label:` paragraphs each followed by its value.
 */
export function archivalMetadata(blocks: readonly MarkdownBlock[]): ArchivalRecord {
  const labels = new Map<string, string>();
  const header: string[] = [];
  let label: string | undefined;
  for (const block of blocks) {
    if (block.allStrong && block.text.endsWith(":")) {
      label = block.text.slice(0, -1).trim().toLowerCase();
      labels.set(label, "");
    } else if (label !== undefined) {
      const previous = labels.get(label)!;
      labels.set(label, previous ? `${previous}\n${block.text}` : block.text);
    } else if (block.allStrong) {
      header.push(block.text);
    }
  }
  const metadata: DocumentMetadata = {};
  const headerDate = header.map((line) => normalizePlainDate(line)).find((date) => date !== undefined);
  const titleLines = header.filter((line) => normalizePlainDate(line) === undefined);
  const citation = labels.get("citation");
  if (citation) {
    metadata.citation = collapseWhitespace(citation);
    const url = URL.exec(citation)?.[0];
    if (url) metadata.url = url;
    const withoutTitle = citation.replace(/^\s*"[^"]*"\s*,?/, "").replace(/^\s*“[^”]*”\s*,?/, "");
    const archive = withoutTitle.split(/,\s*/).find((part) => ARCHIVE.test(part));
    if (archive) metadata.archive = collapseWhitespace(archive);
    const translator = TRANSLATOR.exec(citation)?.[1];
    if (translator) metadata.translator = collapseWhitespace(translator);
  }
  const date = headerDate ?? normalizePlainDate(MONTH_DATE.exec(citation ?? "")?.[0] ?? "");
  if (date) metadata.date = date;
  const language = labels.get("original language") ?? labels.get("language");
  if (language) metadata.language = collapseWhitespace(language);
  const summary = labels.get("summary") ?? labels.get("abstract");
  if (summary) metadata.description = collapseWhitespace(summary);
  return {
    ...(titleLines.length > 0 ? { title: collapseWhitespace(titleLines.join(" ")) } : {}),
    metadata,
    isArchival: citation !== undefined && (metadata.archive !== undefined || metadata.url !== undefined),
  };
}
