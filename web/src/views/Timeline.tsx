import { useEffect, useMemo, useRef } from "preact/hooks";
import { DataSet } from "vis-data";
import { Timeline, type DataItem } from "vis-timeline";
import "vis-timeline/styles/vis-timeline-graph2d.css";
import { getAll, useLoad } from "../api.js";
import { Await, Heading, onListKeys } from "../components.js";
import { formatDate, interval } from "../dates.js";
import { navigate, paths, withQuery } from "../router.js";
import type { EventSummary } from "../types.js";
import { ExportLinks, EVENT_EXPORTS } from "./ExportLinks.js";

interface Filters {
  actor: string;
  place: string;
  from: string;
  to: string;
}

function matches(event: EventSummary, f: Filters): boolean {
  if (f.actor && !event.participants.some((p) => p.name === f.actor || p.entityId === f.actor)) return false;
  if (f.place && event.place !== f.place) return false;
  if (!event.start) return !f.from && !f.to;
  const { from, to } = interval(event.start, event.precision, event.end);
  if (f.from && /^\d{4}/.test(f.from) && to.getTime() <= Date.UTC(Number(f.from.slice(0, 4)), 0, 1)) return false;
  if (f.to && /^\d{4}/.test(f.to) && from.getTime() >= Date.UTC(Number(f.to.slice(0, 4)) + 1, 0, 1)) return false;
  return true;
}

/** An item's content as an element built from text: vis-timeline never sees an HTML string from a source. */
function content(event: EventSummary): HTMLElement {
  const span = document.createElement("span");
  span.textContent = event.label;
  return span;
}

function Chart({ events }: { events: EventSummary[] }) {
  const container = useRef<HTMLDivElement>(null);
  const timeline = useRef<Timeline | undefined>(undefined);
  const items = useMemo(
    () =>
      events
        .filter((e) => e.start)
        .map((e): DataItem => {
          const { from, to, point } = interval(e.start!, e.precision, e.end);
          return {
            id: e.id,
            content: content(e) as unknown as string,
            start: from,
            ...(point ? { type: "point" } : { end: to, type: "range" }),
            className: `event-item type-${e.type.replace(/[^a-z-]/g, "")} precision-${e.precision ?? "day"}`,
          };
        }),
    [events],
  );
  useEffect(() => {
    if (!container.current) return;
    const chart = new Timeline(container.current, new DataSet<DataItem>([]), {
      stack: true,
      zoomKey: "ctrlKey",
      orientation: { axis: "top" },
      margin: { item: { horizontal: 4, vertical: 6 } },
      selectable: true,
      showCurrentTime: false,
      height: "100%",
      xss: { disabled: false },
    });
    chart.on("select", ({ items: selected }: { items: string[] }) => {
      if (selected[0]) navigate(paths.event(selected[0]));
    });
    timeline.current = chart;
    return () => {
      chart.destroy();
      timeline.current = undefined;
    };
  }, []);
  useEffect(() => {
    const chart = timeline.current;
    if (!chart) return;
    chart.setItems(new DataSet<DataItem>(items));
    if (items.length > 0) chart.fit({ animation: false });
  }, [items]);
  return <div ref={container} class="timeline-chart" aria-hidden="true" data-items={items.length} />;
}

function Filter({ filters, events }: { filters: Filters; events: EventSummary[] }) {
  const actors = [...new Set(events.flatMap((e) => e.participants.map((p) => p.name)))].sort((a, b) =>
    a.localeCompare(b),
  );
  const places = [...new Set(events.map((e) => e.place).filter((p): p is string => !!p))].sort((a, b) =>
    a.localeCompare(b),
  );
  return (
    <form
      class="toolbar filters"
      aria-label="Filter the timeline"
      onSubmit={(event) => {
        event.preventDefault();
        const form = event.currentTarget as HTMLFormElement;
        const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value.trim();
        navigate(
          withQuery("/timeline", {
            actor: value("actor"),
            place: value("place"),
            from: value("from"),
            to: value("to"),
          }),
        );
      }}
    >
      <label>
        Actor
        <select name="actor" value={filters.actor}>
          <option value="">anyone</option>
          {actors.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
      </label>
      <label>
        Place
        <select name="place" value={filters.place}>
          <option value="">anywhere</option>
          {places.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </label>
      <label>
        From year
        <input name="from" size={6} inputMode="numeric" pattern="\d{4}" value={filters.from} />
      </label>
      <label>
        To year
        <input name="to" size={6} inputMode="numeric" pattern="\d{4}" value={filters.to} />
      </label>
      <button type="submit">Filter</button>
      {filters.actor || filters.place || filters.from || filters.to ? <a href="/timeline">Clear</a> : null}
    </form>
  );
}

/** /timeline?actor=&place=&from=&to=: the events on a time axis, and the same events as a list. */
export function TimelineView({ query }: { query: URLSearchParams }) {
  const state = useLoad("timeline", (signal) => getAll<EventSummary>("/api/timeline?limit=10000", signal));
  const filters: Filters = {
    actor: query.get("actor") ?? "",
    place: query.get("place") ?? "",
    from: query.get("from") ?? "",
    to: query.get("to") ?? "",
  };
  return (
    <>
      <Heading title="Timeline">Timeline</Heading>
      <ExportLinks title="Download the events shown" choices={EVENT_EXPORTS} filter={{ ...filters }} />
      <Await state={state}>
        {(events) => {
          const shown = events.filter((e) => matches(e, filters));
          return (
            <>
              <Filter filters={filters} events={events} />
              <p class="muted" role="status">
                {shown.length} of {events.length} events. Month, season and year dates are drawn as ranges. Drag to
                move, Ctrl + wheel to zoom.
              </p>
              <Chart events={shown} />
              <h2>Events in order</h2>
              <ol class="event-list" onKeyDown={onListKeys}>
                {shown.map((e) => (
                  <li key={e.id} data-event-id={e.id}>
                    <time dateTime={e.start}>{formatDate(e.start, e.precision, e.end)}</time>{" "}
                    <a data-item href={paths.event(e.id)}>
                      {e.label}
                    </a>
                    {e.place ? <span class="muted"> · {e.place}</span> : null}
                  </li>
                ))}
              </ol>
            </>
          );
        }}
      </Await>
    </>
  );
}
