import { useState } from "preact/hooks";
import { download } from "../api.js";
import { withQuery } from "../router.js";

/** One file of GET /api/export: a format, and for csv its table. */
export interface ExportChoice {
  label: string;
  format: string;
  table?: string;
}

const csv = (table: string): ExportChoice => ({ label: `${table} (CSV)`, format: "csv", table });

export const ENTITY_EXPORTS: readonly ExportChoice[] = [csv("entities"), csv("mentions")];
export const EVENT_EXPORTS: readonly ExportChoice[] = [
  csv("events"),
  csv("claims"),
  { label: "TimelineJS", format: "timelinejs" },
];
export const NETWORK_EXPORTS: readonly ExportChoice[] = [
  { label: "GEXF (Gephi)", format: "gexf" },
  { label: "GraphML", format: "graphml" },
  csv("edges"),
];

/** The whole knowledge base, in every format the API exports. */
export const EVERY_EXPORT: readonly ExportChoice[] = [
  { label: "everything (JSON)", format: "json" },
  csv("documents"),
  ...ENTITY_EXPORTS,
  ...EVENT_EXPORTS,
  ...NETWORK_EXPORTS,
  { label: "FollowTheMoney", format: "ftm" },
  { label: "JSON-LD", format: "jsonld" },
];

/** Download links for exports of the knowledge base, with the outcome in a live region; `filter` narrows the events. */
export function ExportLinks({
  title,
  choices,
  filter = {},
}: {
  title: string;
  choices: readonly ExportChoice[];
  filter?: Record<string, string>;
}) {
  const [status, setStatus] = useState("");
  return (
    <div class="export-links" role="group" aria-label={title}>
      <span>{title}:</span>
      <ul class="inline-list">
        {choices.map((choice) => {
          const url = withQuery("/api/export", { format: choice.format, table: choice.table, ...filter });
          return (
            <li key={url}>
              <a
                href={url}
                download
                onClick={(event) => {
                  event.preventDefault();
                  setStatus(`Preparing ${choice.label}…`);
                  download(url).then(
                    (name) => setStatus(`Downloaded ${name}.`),
                    (error: unknown) =>
                      setStatus(`Could not export: ${error instanceof Error ? error.message : String(error)}`),
                  );
                }}
              >
                {choice.label}
              </a>
            </li>
          );
        })}
      </ul>
      <span role="status" class="muted small">
        {status}
      </span>
    </div>
  );
}
