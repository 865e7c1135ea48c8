import type { DocumentMetadata } from "../../core/document.js";

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** The text of the first `<name …>text</name>` in the XML, entities decoded; undefined when empty or absent. */
function element(xml: string, name: string): string | undefined {
  const match = new RegExp(`<${name}(?:\\s[^>]*)?>([^<]*)</${name}>`).exec(xml);
  const value = match?.[1]
    ?.replace(/&(amp|lt|gt|quot|apos);/g, (_, entity: string) => ENTITIES[entity]!)
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(parseInt(code, 16)))
    .trim();
  return value ? value : undefined;
}

function first(xml: string, names: readonly string[]): string | undefined {
  for (const name of names) {
    const value = element(xml, name);
    if (value) return value;
  }
  return undefined;
}

/** Where each package format keeps its creator and date, first choice first. */
export interface DublinCoreDialect {
  creator: readonly string[];
  date: readonly string[];
}

/** Office's docProps/core.xml (DOCX). */
export const OFFICE_CORE: DublinCoreDialect = {
  creator: ["dc:creator"],
  date: ["dcterms:created", "dcterms:modified"],
};
/** OpenDocument's meta.xml (ODT). */
export const OPEN_DOCUMENT_META: DublinCoreDialect = {
  creator: ["meta:initial-creator", "dc:creator"],
  date: ["meta:creation-date", "dc:date"],
};
/** An EPUB package document's metadata (OPF). */
export const EPUB_PACKAGE: DublinCoreDialect = { creator: ["dc:creator"], date: ["dc:date"] };

/** Title, author, date, subject, description and language from a package's Dublin Core metadata. */
export function dublinCore(xml: string, dialect: DublinCoreDialect): { title?: string; metadata: DocumentMetadata } {
  const title = element(xml, "dc:title");
  const author = first(xml, dialect.creator);
  const subject = element(xml, "dc:subject");
  const description = element(xml, "dc:description");
  const language = element(xml, "dc:language");
  const date = /^\d{4}(?:-\d{2}(?:-\d{2})?)?/.exec(first(xml, dialect.date) ?? "")?.[0];
  return {
    ...(title ? { title } : {}),
    metadata: {
      ...(author ? { author } : {}),
      ...(date ? { date } : {}),
      ...(subject ? { subject } : {}),
      ...(description ? { description } : {}),
      ...(language ? { language } : {}),
    },
  };
}
