import type { EventOutline, KnowledgeStore, PageRange } from "../store/knowledge.js";

/** What the timeline reads: the events' outlines (which a caller may keep between requests) and an actor's events. */
export type TimelineKnowledge = Pick<KnowledgeStore, "eventOutlines" | "findEntity" | "entityEvents">;

export type TimelineZoom = "year" | "month" | "day";

/** Which events the timeline shows. `from` and `to` are ISO dates or their prefixes ("1958", "1958-07"). */
export interface TimelineFilter {
  type?: string;
  place?: string;
  /** An entity id or name: only the events it takes part in. */
  actor?: string;
  from?: string;
  to?: string;
  /** true: only the events with a date; false: only those without one. */
  dated?: boolean;
}

export interface TimelineBucket {
  /** "1958", "1958-07" or "1958-07-14"; an event dated more coarsely than the zoom keeps its own period ("1958" at month zoom). */
  period: string;
  count: number;
  /** The events of the period the sources tell of most often, at most TOP_EVENTS. */
  top: { id: string; label: string; start: string; accounts: number }[];
}

export interface TimelineOverview {
  zoom: TimelineZoom;
  /** Dated events that pass the filter. */
  dated: number;
  /** Events without a date that pass the filter (the range filter leaves them out). */
  undated: number;
  /** The period with the most events at this zoom. */
  densest?: string;
  buckets: TimelineBucket[];
}

const TOP_EVENTS = 3;
const PERIOD_LENGTH: Record<TimelineZoom, number> = { year: 4, month: 7, day: 10 };

/** The events that pass the filter, sorted as the timeline sorts them (undated last). */
export function filteredOutlines(knowledge: TimelineKnowledge, filter: TimelineFilter): EventOutline[] {
  const actor = filter.actor ? knowledge.findEntity(filter.actor) : undefined;
  if (filter.actor && !actor) return [];
  const ofActor = actor
    ? new Set(knowledge.entityEvents(actor.id, Number.MAX_SAFE_INTEGER).map((e) => e.id))
    : undefined;
  const ranged = filter.from !== undefined || filter.to !== undefined;
  return knowledge.eventOutlines().filter((e) => {
    if (filter.type && e.type !== filter.type) return false;
    if (filter.place && e.place !== filter.place) return false;
    if (ofActor && !ofActor.has(e.id)) return false;
    if (filter.dated !== undefined && !!e.start !== filter.dated) return false;
    if (!ranged) return true;
    return e.start !== undefined && overlapsPeriod(e.start, e.end, filter);
  });
}

/** One page of the outlines of the events that pass the filter, and how many pass it. */
export function filteredOutlinePage(
  knowledge: TimelineKnowledge,
  filter: TimelineFilter,
  page: PageRange,
): { total: number; items: EventOutline[] } {
  const events = filteredOutlines(knowledge, filter);
  return { total: events.length, items: events.slice(page.offset, page.offset + page.limit) };
}

/** Whether what starts at `start` (and ends at `end`) reaches into the range of `from` and `to`, both optional. */
export function overlapsPeriod(start: string, end: string | undefined, range: { from?: string; to?: string }): boolean {
  if (range.from && (end ?? start) < range.from) return false;
  // "1958-07-14" <= "1958\uffff": a prefix as `to` takes in the whole period it names.
  return !range.to || start <= `${range.to}\uffff`;
}

/** The filtered events counted per year, month or day, with the most told events of each period. */
export function timelineOverview(
  knowledge: TimelineKnowledge,
  filter: TimelineFilter,
  zoom: TimelineZoom,
): TimelineOverview {
  const buckets = new Map<string, TimelineBucket>();
  let undated = 0;
  for (const event of filteredOutlines(knowledge, filter)) {
    if (!event.start) {
      undated++;
      continue;
    }
    const period = event.start.slice(0, PERIOD_LENGTH[zoom]);
    const bucket = buckets.get(period) ?? { period, count: 0, top: [] };
    bucket.count++;
    bucket.top.push({ id: event.id, label: event.label, start: event.start, accounts: event.accounts });
    bucket.top.sort((a, b) => b.accounts - a.accounts);
    bucket.top.length = Math.min(bucket.top.length, TOP_EVENTS);
    buckets.set(period, bucket);
  }
  const list = [...buckets.values()].sort((a, b) => a.period.localeCompare(b.period));
  const densest = list.reduce<TimelineBucket | undefined>(
    (best, b) => (!best || b.count > best.count ? b : best),
    undefined,
  );
  return {
    zoom,
    dated: list.reduce((n, b) => n + b.count, 0),
    undated,
    ...(densest ? { densest: densest.period } : {}),
    buckets: list,
  };
}

export interface TimelineFacets {
  /** Each event type with how many events of it pass the rest of the filter, most first. */
  types: { value: string; count: number }[];
  places: { value: string; count: number }[];
}

/** What the type and place filters can choose from: each counted among the events that pass the filter's other fields. */
export function timelineFacets(knowledge: TimelineKnowledge, filter: TimelineFilter): TimelineFacets {
  const { type, place, ...rest } = filter;
  const count = (events: EventOutline[], field: "type" | "place") => {
    const counts = new Map<string, number>();
    for (const event of events) {
      const value = event[field];
      if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    return [...counts]
      .map(([value, n]) => ({ value, count: n }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  };
  return {
    types: count(filteredOutlines(knowledge, { ...rest, ...(place ? { place } : {}) }), "type"),
    places: count(filteredOutlines(knowledge, { ...rest, ...(type ? { type } : {}) }), "place"),
  };
}
