import type { Snapshot } from "./index.js";

function csvCell(value: unknown): string {
  const text = value === undefined || value === null ? "" : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function table(header: string[], rows: unknown[][]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

/** One CSV table per kind of record; every claim row carries its document, offsets and quote. */
const TABLES = {
  documents: (s: Snapshot) =>
    table(
      ["id", "path", "title", "format", "kind", "date", "derived_from", "similarity"],
      s.documents.map((d) => [
        d.id,
        d.path,
        d.title,
        d.format,
        d.kind,
        d.date,
        d.derivedFrom?.id,
        d.derivedFrom?.similarity,
      ]),
    ),
  entities: (s: Snapshot) =>
    table(
      ["id", "type", "name", "aliases", "mentions", "documents"],
      s.entities.map((e) => [
        e.id,
        e.type,
        e.name,
        e.aliases.join("; "),
        e.mentions,
        e.documents.map((d) => d.path).join("; "),
      ]),
    ),
  mentions: (s: Snapshot) =>
    table(
      ["entity_id", "document_id", "path", "start", "end", "quote"],
      s.entityPages.flatMap((p) =>
        p.mentions.map((m) => [p.id, m.document.id, m.document.path, m.start, m.end, m.quote]),
      ),
    ),
  events: (s: Snapshot) =>
    table(
      ["id", "label", "type", "start", "end", "precision", "place", "participants"],
      s.events.map((e) => [
        e.id,
        e.label,
        e.type,
        e.start,
        e.end,
        e.precision,
        e.place,
        e.participants.map((p) => p.name).join("; "),
      ]),
    ),
  claims: (s: Snapshot) =>
    table(
      ["event_id", "event", "field", "value", "disputed", "document_id", "path", "start", "end", "quote", "extractor"],
      s.cards.flatMap((card) =>
        Object.entries(card.fields).flatMap(([field, values]) =>
          values.flatMap((v) =>
            v.sources.map((src) => [
              card.id,
              card.label,
              field,
              v.value,
              card.disagreements.includes(field),
              src.document.id,
              src.document.path,
              src.start,
              src.end,
              src.quote,
              src.extractor,
            ]),
          ),
        ),
      ),
    ),
  edges: (s: Snapshot) =>
    table(
      ["source", "target", "type", "document_id", "path", "start", "end", "quote"],
      s.graph.edges.flatMap((e) =>
        e.evidence.map((ev) => [
          e.source,
          e.target,
          e.type,
          ev.document.id,
          ev.document.path,
          ev.start,
          ev.end,
          ev.quote,
        ]),
      ),
    ),
};

export type CsvTable = keyof typeof TABLES;
export const CSV_TABLES = Object.keys(TABLES) as CsvTable[];

export function csvTable(s: Snapshot, name: CsvTable): string {
  return TABLES[name](s);
}
