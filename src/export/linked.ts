import type { EventSummary } from "../views/types.js";
import type { Snapshot } from "./index.js";

function dateParts(iso: string | undefined) {
  if (!iso) return undefined;
  const [year, month, day] = iso.split("-");
  return { year, ...(month ? { month } : {}), ...(day ? { day } : {}) };
}

/** TimelineJS's JSON: one slide per dated event, its sources as the text. */
export function toTimelineJs(events: EventSummary[]) {
  return {
    events: events
      .filter((e) => e.start)
      .map((e) => ({
        start_date: dateParts(e.start),
        ...(e.end ? { end_date: dateParts(e.end) } : {}),
        text: {
          headline: e.label,
          text: e.sources.map((s) => `“${s.quote}” (${s.document.path})`).join("<br>"),
        },
        group: e.type,
      })),
  };
}

const FTM_SCHEMA = { person: "Person", organization: "Organization", place: "Address" } as const;

/** FollowTheMoney entities, one JSON object per line (the format Aleph imports). */
export function toFollowTheMoney(s: Snapshot): string {
  const lines = s.entities.map((e) =>
    JSON.stringify({ id: e.id, schema: FTM_SCHEMA[e.type], properties: { name: [e.name], alias: e.aliases } }),
  );
  for (const event of s.events) {
    lines.push(
      JSON.stringify({
        id: event.id,
        schema: "Event",
        properties: {
          name: [event.label],
          ...(event.start ? { startDate: [event.start] } : {}),
          ...(event.end ? { endDate: [event.end] } : {}),
          ...(event.place ? { location: [event.place] } : {}),
          involved: event.participants.filter((p) => p.entityId).map((p) => p.entityId!),
        },
      }),
    );
  }
  return lines.join("\n") + "\n";
}

/** schema.org JSON-LD: people, organizations, places and events with their sources. */
export function toJsonLd(s: Snapshot) {
  const type = { person: "Person", organization: "Organization", place: "Place" } as const;
  return {
    "@context": "https://schema.org",
    "@graph": [
      ...s.entities.map((e) => ({ "@id": `#${e.id}`, "@type": type[e.type], name: e.name, alternateName: e.aliases })),
      ...s.events.map((e) => ({
        "@id": `#${e.id}`,
        "@type": "Event",
        name: e.label,
        ...(e.start ? { startDate: e.start } : {}),
        ...(e.end ? { endDate: e.end } : {}),
        ...(e.place ? { location: e.place } : {}),
        actor: e.participants.filter((p) => p.entityId).map((p) => ({ "@id": `#${p.entityId}` })),
        citation: e.sources.map((src) => ({ "@type": "Quotation", text: src.quote, isPartOf: src.document.path })),
      })),
    ],
  };
}
