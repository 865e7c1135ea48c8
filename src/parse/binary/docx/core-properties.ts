import type { DocumentMetadata } from "../../../core/document.js";

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function element(xml: string, name: string): string | undefined {
  const match = new RegExp(`<${name}(?:\\s[^>]*)?>([^<]*)</${name}>`).exec(xml);
  const value = match?.[1]
    ?.replace(/&(amp|lt|gt|quot|apos);/g, (_, entity: string) => ENTITIES[entity]!)
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .trim();
  return value ? value : undefined;
}

/** Title, author and date from an Office file's docProps/core.xml (Dublin Core). */
export function coreProperties(xml: string): { title?: string; metadata: DocumentMetadata } {
  const title = element(xml, "dc:title");
  const author = element(xml, "dc:creator");
  const subject = element(xml, "dc:subject");
  const description = element(xml, "dc:description");
  const language = element(xml, "dc:language");
  const date = /^\d{4}(?:-\d{2}(?:-\d{2})?)?/.exec(
    element(xml, "dcterms:created") ?? element(xml, "dcterms:modified") ?? "",
  )?.[0];
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
