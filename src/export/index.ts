import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Annals } from "../annals.js";
import type { TimelineFilter } from "../views/timeline.js";
import { CSV_TABLES, csvTable, type CsvTable } from "./csv.js";
import { toGexf, toGraphml } from "./graph-xml.js";
import { toFollowTheMoney, toJsonLd, toTimelineJs } from "./linked.js";

export const EXPORT_FORMATS = ["json", "csv", "gexf", "graphml", "timelinejs", "ftm", "jsonld"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export { CSV_TABLES, type CsvTable };

/** What the exports read: the facade's read methods (the HTTP API passes its own view of the knowledge base). */
export type ExportSource = Pick<
  Annals,
  "documents" | "entities" | "entity" | "filteredEvents" | "event" | "disagreements" | "graph"
>;

/** What to export: for csv one table (else every table); only the events that pass `events`, the timeline's filter. */
export interface ExportOptions {
  table?: CsvTable;
  events?: TimelineFilter;
}

/** The formats and csv tables that read events, the only ones the event filter narrows. */
export const EVENT_FORMATS: readonly ExportFormat[] = ["json", "timelinejs", "ftm", "jsonld"];
export const EVENT_TABLES: readonly CsvTable[] = ["events", "claims"];

export type ExportOptionName = "format" | "table" | keyof TimelineFilter;

/** Writes an option (with a value) as the caller's user types it: `format=csv` on the HTTP API, `--format csv` on the CLI. */
export type SpellOption = (option: ExportOptionName, value?: string) => string;

/**
 * Why `options` ask for no export in `format`, with the option at fault, or undefined when they are
 * fine: a table goes only with csv, and the event filter only with what holds events.
 */
export function exportRefusal(
  format: ExportFormat,
  options: ExportOptions,
  spell: SpellOption,
): { message: string; option: ExportOptionName } | undefined {
  const { table, events = {} } = options;
  if (format !== "csv" && table)
    return { message: `${spell("table")} goes only with ${spell("format", "csv")}, not ${format}`, option: "table" };
  const filtered = Object.keys(events) as (keyof TimelineFilter)[];
  const readsEvents = format !== "csv" ? EVENT_FORMATS.includes(format) : !table || EVENT_TABLES.includes(table);
  if (filtered.length === 0 || readsEvents) return undefined;
  const holders = [...EVENT_FORMATS, ...EVENT_TABLES.map((t) => `csv table ${t}`)].join(", ");
  const one = filtered.length === 1;
  return {
    message: `${filtered.map((option) => spell(option)).join(", ")} ${one ? "narrows" : "narrow"} the events, and ${format === "csv" ? `table ${table}` : format} holds none: ${one ? "it goes" : "they go"} with ${holders}`,
    option: filtered[0]!,
  };
}

function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}

/** Everything the knowledge base shows, each part computed when a format first reads it. */
export function snapshot(source: ExportSource, eventFilter: TimelineFilter = {}) {
  const documents = once(() => source.documents());
  const entities = once(() => source.entities());
  const entityPages = once(() =>
    entities()
      .map((e) => source.entity(e.id)!)
      .filter(Boolean),
  );
  const events = once(() => source.filteredEvents(eventFilter).items);
  const cards = once(() => events().map((e) => source.event(e.id)!));
  const disagreements = once(() => source.disagreements());
  const graph = once(() => source.graph());
  return {
    get documents() {
      return documents();
    },
    get entities() {
      return entities();
    },
    get entityPages() {
      return entityPages();
    },
    get events() {
      return events();
    },
    get cards() {
      return cards();
    },
    get disagreements() {
      return disagreements();
    },
    get graph() {
      return graph();
    },
  };
}

export type Snapshot = ReturnType<typeof snapshot>;

/** One file of an export, with the name and media type it is offered under. */
export interface ExportFile {
  name: string;
  mediaType: string;
  content: string;
}

const SINGLE_FILE: Record<
  Exclude<ExportFormat, "csv">,
  { name: string; mediaType: string; render: (s: Snapshot) => string }
> = {
  json: {
    name: "annals.json",
    mediaType: "application/json",
    render: (s) =>
      JSON.stringify(
        {
          documents: s.documents,
          entities: s.entityPages,
          events: s.cards,
          timeline: s.events,
          disagreements: s.disagreements,
          graph: s.graph,
        },
        null,
        2,
      ),
  },
  gexf: { name: "annals-network.gexf", mediaType: "application/gexf+xml", render: (s) => toGexf(s.graph) },
  graphml: { name: "annals-network.graphml", mediaType: "application/graphml+xml", render: (s) => toGraphml(s.graph) },
  timelinejs: {
    name: "annals-timeline.json",
    mediaType: "application/json",
    render: (s) => JSON.stringify(toTimelineJs(s.events), null, 2),
  },
  ftm: { name: "annals.ftm.jsonl", mediaType: "application/x-ndjson", render: toFollowTheMoney },
  jsonld: {
    name: "annals.jsonld",
    mediaType: "application/ld+json",
    render: (s) => JSON.stringify(toJsonLd(s), null, 2),
  },
};

/** The files of an export in `format`: one, or for csv one per table. */
export function exportFiles(source: ExportSource, format: ExportFormat, options: ExportOptions = {}): ExportFile[] {
  const data = snapshot(source, options.events);
  if (format === "csv") {
    return (options.table ? [options.table] : CSV_TABLES).map((name) => ({
      name: `${name}.csv`,
      mediaType: "text/csv; charset=utf-8",
      content: csvTable(data, name),
    }));
  }
  const file = SINGLE_FILE[format];
  return [{ name: file.name, mediaType: file.mediaType, content: file.render(data) }];
}

/**
 * Writes the knowledge base in `format` to `out` (a file; a folder for csv, one file per table).
 * Returns the files written.
 */
export function exportKnowledgeBase(
  annals: ExportSource,
  format: ExportFormat,
  out: string,
  options: ExportOptions = {},
): string[] {
  const files = exportFiles(annals, format, options);
  if (format === "csv") {
    mkdirSync(out, { recursive: true });
    return files.map((file) => {
      const path = join(out, file.name);
      writeFileSync(path, file.content);
      return path;
    });
  }
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, files[0]!.content);
  return [out];
}
