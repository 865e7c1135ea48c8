import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Annals } from "../annals.js";
import { toCsvFiles } from "./csv.js";
import { toGexf, toGraphml } from "./graph-xml.js";
import { toFollowTheMoney, toJsonLd, toTimelineJs } from "./linked.js";

export const EXPORT_FORMATS = ["json", "csv", "gexf", "graphml", "timelinejs", "ftm", "jsonld"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Everything the knowledge base shows, in one structure: what each format renders. */
export function snapshot(annals: Annals) {
  const entities = annals.entities();
  return {
    documents: annals.documents(),
    entities,
    entityPages: entities.map((e) => annals.entity(e.id)!).filter(Boolean),
    events: annals.events(),
    cards: annals.events().map((e) => annals.event(e.id)!),
    disagreements: annals.disagreements(),
    graph: annals.graph(),
  };
}

export type Snapshot = ReturnType<typeof snapshot>;

/**
 * Writes the knowledge base in `format` to `out` (a file; a folder for csv, one file per table).
 * Returns the files written.
 */
export function exportKnowledgeBase(annals: Annals, format: ExportFormat, out: string): string[] {
  const data = snapshot(annals);
  if (format === "csv") {
    mkdirSync(out, { recursive: true });
    return Object.entries(toCsvFiles(data)).map(([name, content]) => {
      const path = join(out, name);
      writeFileSync(path, content);
      return path;
    });
  }
  const render: Record<Exclude<ExportFormat, "csv">, (s: Snapshot) => string> = {
    json: (s) =>
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
    gexf: (s) => toGexf(s.graph),
    graphml: (s) => toGraphml(s.graph),
    timelinejs: (s) => JSON.stringify(toTimelineJs(s.events), null, 2),
    ftm: (s) => toFollowTheMoney(s),
    jsonld: (s) => JSON.stringify(toJsonLd(s), null, 2),
  };
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, render[format](data));
  return [out];
}
