import { lazy, Suspense } from "preact/compat";
import { useEffect, useRef, useState } from "preact/hooks";
import { getJson, useJson, useLoad } from "../api.js";
import { Await, Heading, onListKeys } from "../components.js";
import { formatDate } from "../dates.js";
import {
  axisOf,
  commonPeriod,
  earlierEnd,
  isPeriod,
  laterStart,
  parentOf,
  periodLabel,
  tickLabel,
} from "../periods.js";
import { navigate, paths, withQuery } from "../router.js";
import { ExportLinks, EVENT_EXPORTS } from "./ExportLinks.js";
import type { EventOutline, TimelineBucket, TimelineFacets, TimelineOverview } from "../types.js";

const TimelineChart = lazy(() => import("./TimelineChart.js").then((m) => ({ default: m.TimelineChart })));

const PAGE = 100;
/** `period=all`: the whole timeline by year, chosen by the user rather than the densest year. */
const ALL = "all";

interface Filters {
  type: string;
  place: string;
  actor: string;
  from: string;
  to: string;
}

/** What the URL says: /timeline?period=&type=&place=&actor=&from=&to=&offset=&undated= */
interface TimelineState {
  filters: Filters;
  /** A year, month or day; ALL; undefined until the densest period is chosen. */
  period?: string;
  offset: number;
  /** The offset of the undated events' list; undefined while it is closed. */
  undated?: number;
}

function stateOf(query: URLSearchParams): TimelineState {
  const text = (name: string) => query.get(name)?.trim() ?? "";
  const number = (name: string) => Math.max(0, Number(query.get(name)) || 0);
  const period = text("period");
  return {
    filters: { type: text("type"), place: text("place"), actor: text("actor"), from: text("from"), to: text("to") },
    ...(period === ALL || isPeriod(period) ? { period } : {}),
    offset: number("offset"),
    ...(query.has("undated") ? { undated: number("undated") } : {}),
  };
}

function urlOf(state: TimelineState): string {
  return withQuery("/timeline", {
    period: state.period,
    ...state.filters,
    offset: state.offset || undefined,
    undated: state.undated,
  });
}

/** The filter narrowed to a period: what the axis and the list of that period ask the API for. */
function apiFilter(filters: Filters, period: string | undefined): Record<string, string | undefined> {
  const range = period === ALL ? undefined : period;
  return {
    ...filters,
    from: laterStart(filters.from || undefined, range),
    to: earlierEnd(filters.to || undefined, range),
  };
}

interface Page {
  events: EventOutline[];
  total: number;
}

/** One page of events with the total that pass; `url` null loads nothing. */
function usePage(url: string | null): ReturnType<typeof useLoad<Page>> {
  return useLoad(url, async (signal) => {
    const { body, headers } = await getJson<EventOutline[]>(url!, signal);
    return { events: body, total: Number(headers.get("x-total-count") ?? body.length) };
  });
}

const plural = (n: number, word: string) => `${n.toLocaleString("en")} ${word}${n === 1 ? "" : "s"}`;

function FilterForm({ state, facets }: { state: TimelineState; facets: TimelineFacets | undefined }) {
  const { filters } = state;
  const options = (list: { value: string; count: number }[] | undefined, chosen: string) => {
    const all = list ?? [];
    const shown = chosen && !all.some((o) => o.value === chosen) ? [{ value: chosen, count: 0 }, ...all] : all;
    return shown.map((o) => (
      <option key={o.value} value={o.value}>
        {o.value} ({o.count})
      </option>
    ));
  };
  return (
    <form
      class="toolbar filters timeline-filters"
      aria-label="Filter the timeline"
      onSubmit={(event) => {
        event.preventDefault();
        const form = event.currentTarget as HTMLFormElement;
        const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value.trim();
        // A new filter opens on its own densest period: the period is left for the view to choose.
        navigate(
          urlOf({
            filters: {
              type: value("type"),
              place: value("place"),
              actor: value("actor"),
              from: value("from"),
              to: value("to"),
            },
            offset: 0,
          }),
        );
      }}
    >
      <label>
        Type
        <select name="type" value={filters.type}>
          <option value="">any type</option>
          {options(facets?.types, filters.type)}
        </select>
      </label>
      <label>
        Place
        <select name="place" value={filters.place}>
          <option value="">anywhere</option>
          {options(facets?.places, filters.place)}
        </select>
      </label>
      <label>
        Actor
        <input name="actor" size={16} value={filters.actor} placeholder="a name or entity id" />
      </label>
      <label>
        From
        <input name="from" size={10} pattern="\d{4}(-\d{2}(-\d{2})?)?" placeholder="1958" value={filters.from} />
      </label>
      <label>
        To
        <input name="to" size={10} pattern="\d{4}(-\d{2}(-\d{2})?)?" placeholder="1963-07" value={filters.to} />
      </label>
      <button type="submit">Filter</button>
      {Object.values(filters).some(Boolean) ? <a href="/timeline">Clear</a> : null}
    </form>
  );
}

/**
 * The buckets of the axis: those of events that began before the range (and run into it) as one
 * "earlier" bucket.
 */
function axisBuckets(buckets: readonly TimelineBucket[], range: string | undefined): TimelineBucket[] {
  if (!range) return [...buckets];
  const inside = (b: TimelineBucket) => b.period.startsWith(range) || range.startsWith(b.period);
  const before = buckets.filter((b) => !inside(b));
  if (before.length === 0) return [...buckets];
  const earlier: TimelineBucket = {
    period: before[0]!.period,
    count: before.reduce((n, b) => n + b.count, 0),
    top: before
      .flatMap((b) => b.top)
      .sort((a, b) => b.accounts - a.accounts)
      .slice(0, 3),
  };
  return [earlier, ...buckets.filter(inside)];
}

/** The buckets of the axis as bars, each a link that zooms in; the hovered or focused one's most told events below. */
function Axis({ state, overview }: { state: TimelineState; overview: TimelineOverview }) {
  const { range } = axisOf(state.period === ALL ? undefined : state.period);
  const buckets = axisBuckets(overview.buckets, range);
  const densest = buckets.reduce<TimelineBucket | undefined>(
    (best, b) => (!best || b.count > best.count ? b : best),
    undefined,
  );
  const [shown, setShown] = useState<TimelineBucket | undefined>(undefined);
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    setShown(undefined);
    // The bar a keyboard user zoomed in with is gone: carry on from the new axis, not the top of the page.
    if (document.activeElement === document.body) list.current?.querySelector<HTMLElement>("a.bucket")?.focus();
  }, [overview]);
  const periodLength = overview.zoom === "day" ? 10 : overview.zoom === "month" ? 7 : 4;
  // A selected day is a bucket of its month's axis; a selected month or year is the whole axis.
  const selected = buckets.find((b) => b.period === state.period && b.period.length === periodLength);
  const preview = shown ?? selected ?? densest;
  const max = densest?.count ?? 1;
  if (buckets.length === 0) return <p class="muted">No dated events pass the filter.</p>;
  return (
    <>
      <ol ref={list} class={`timeline-axis zoom-${overview.zoom}`} aria-label={`Events per ${overview.zoom}`}>
        {buckets.map((b) => {
          const earlier = range !== undefined && b.period < range;
          // An event dated more coarsely than the zoom ("1958" among months) has nothing finer to zoom to.
          const coarse = earlier || b.period.length < periodLength;
          const inner = (
            <>
              <span class="bucket-count">{b.count}</span>
              <span class="bucket-bar" style={{ height: `${Math.max(4, (100 * b.count) / max)}%` }} />
              <span class="bucket-tick">
                {earlier ? "earlier" : coarse ? `no ${overview.zoom}` : tickLabel(b.period, range)}
              </span>
            </>
          );
          const label = earlier
            ? `Begun before ${periodLabel(range)}: ${plural(b.count, "event")}`
            : `${periodLabel(b.period)}${coarse ? " (no finer date)" : ""}: ${plural(b.count, "event")}`;
          return (
            <li key={b.period} data-period={b.period} class={coarse ? "coarse" : undefined}>
              {coarse ? (
                <span class="bucket" title={label} onMouseEnter={() => setShown(b)}>
                  {inner}
                </span>
              ) : (
                <a
                  class="bucket"
                  href={urlOf({ ...state, period: b.period, offset: 0 })}
                  aria-label={label}
                  aria-current={b.period === state.period ? "true" : undefined}
                  onMouseEnter={() => setShown(b)}
                  onFocus={() => setShown(b)}
                >
                  {inner}
                </a>
              )}
            </li>
          );
        })}
      </ol>
      {preview ? (
        <div class="bucket-top" aria-live="polite">
          <strong>
            {range !== undefined && preview.period < range
              ? `Begun before ${periodLabel(range)}`
              : periodLabel(preview.period)}
          </strong>
          : {plural(preview.count, "event")}; told most often:{" "}
          {preview.top.map((e, i) => (
            <span key={e.id}>
              {i > 0 ? " · " : ""}
              <a href={paths.event(e.id)}>{e.label}</a>
            </span>
          ))}
        </div>
      ) : null}
    </>
  );
}

function Pager({ page, offset, to }: { page: Page; offset: number; to: (offset: number) => string }) {
  if (page.total <= PAGE) return null;
  return (
    <nav class="pager" aria-label="Pages">
      {offset > 0 ? <a href={to(Math.max(0, offset - PAGE))}>← Previous</a> : null}
      {offset + PAGE < page.total ? <a href={to(offset + PAGE)}>Next →</a> : null}
    </nav>
  );
}

function EventList({ page, offset, label }: { page: Page; offset: number; label: string }) {
  return (
    <>
      <p class="muted list-status" role="status">
        {page.total === 0
          ? "No events."
          : `Events ${offset + 1}–${offset + page.events.length} of ${page.total.toLocaleString("en")}${label}.`}
      </p>
      <ol class="event-list" start={offset + 1} onKeyDown={onListKeys}>
        {page.events.map((e) => (
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
}

function Undated({ state, count }: { state: TimelineState; count: number }) {
  const open = state.undated !== undefined;
  const page = usePage(
    open
      ? withQuery("/api/timeline/outlines", { ...state.filters, dated: "false", limit: PAGE, offset: state.undated })
      : null,
  );
  const closed: TimelineState = {
    filters: state.filters,
    offset: state.offset,
    ...(state.period ? { period: state.period } : {}),
  };
  return (
    <section aria-labelledby="undated-heading">
      <h2 id="undated-heading">Undated events</h2>
      <p>
        <span class="undated-count">{plural(count, "event")}</span> without a date
        {count > 0 ? (
          <>
            {" · "}
            <a href={urlOf(open ? closed : { ...state, undated: 0 })}>{open ? "hide them" : "list them"}</a>
          </>
        ) : null}
      </p>
      {open ? (
        <Await state={page}>
          {(p) => (
            <>
              <EventList page={p} offset={state.undated!} label=" undated" />
              <Pager page={p} offset={state.undated!} to={(o) => urlOf({ ...state, undated: o })} />
            </>
          )}
        </Await>
      ) : null}
    </section>
  );
}

/**
 * The chart of a page's events, in its place from the start: vis-timeline is large, so it loads only
 * once the axis and the list have been painted, rather than hold up their first frame.
 */
function DeferredChart({ events, period }: { events: EventOutline[]; period: string | undefined }) {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    // Effects run after the frame that rendered the list; the timer lets it reach the screen first.
    const timer = setTimeout(() => setPainted(true), 0);
    return () => clearTimeout(timer);
  }, []);
  const placeholder = <div class="timeline-chart" aria-hidden="true" />;
  if (!painted) return placeholder;
  return (
    <Suspense fallback={placeholder}>
      <TimelineChart events={events} period={period} />
    </Suspense>
  );
}

/**
 * /timeline: the events per year, month or day on an axis of bars, opening on the densest year; the
 * selected period's events as a paged list, the undated apart.
 */
export function TimelineView({ query }: { query: URLSearchParams }) {
  const state = stateOf(query);
  const { filters, period } = state;
  const years = useJson<TimelineOverview>(withQuery("/api/timeline/overview", { zoom: "year", ...filters }));
  // No period in the URL: the one the from–to filter names, else the densest year.
  // The densest year of the previous filter, still held while this one loads, is not this filter's.
  const densest = years.loading ? undefined : years.data?.densest;
  const chosen = period ?? commonPeriod(filters.from, filters.to) ?? densest;
  useEffect(() => {
    if (period === undefined && chosen !== undefined) navigate(urlOf({ ...state, period: chosen }), { replace: true });
  }, [period, chosen]);
  const shownPeriod = chosen === ALL ? undefined : chosen;
  const { zoom } = axisOf(shownPeriod);
  const narrowed = apiFilter(filters, chosen);
  const axisUrl =
    chosen === undefined || zoom === "year"
      ? null
      : withQuery("/api/timeline/overview", { zoom, ...apiFilter(filters, axisOf(shownPeriod).range) });
  const axis = useJson<TimelineOverview>(axisUrl);
  const listReady = chosen !== undefined || (years.data && !years.data.densest);
  const list = usePage(
    listReady
      ? withQuery("/api/timeline/outlines", {
          ...narrowed,
          dated: "true",
          limit: PAGE,
          offset: state.offset || undefined,
        })
      : null,
  );
  // The filter's choices wait for the list: they are not needed to see the timeline.
  const facets = useJson<TimelineFacets>(list.data ? withQuery("/api/timeline/facets", { ...filters }) : null);
  const axisState = zoom === "year" ? years : axis;
  const parent = shownPeriod ? (parentOf(shownPeriod) ?? ALL) : undefined;
  return (
    <>
      <Heading title="Timeline">Timeline</Heading>
      <ExportLinks title="Download the events the filter keeps" choices={EVENT_EXPORTS} filter={{ ...filters }} />
      <FilterForm state={state} facets={facets.data} />
      <Await state={years}>
        {(all) => (
          <>
            <p class="muted">
              {plural(all.dated, "dated event")} and {plural(all.undated, "undated event")}
              {all.densest ? `; the densest year is ${all.densest}` : ""}.
            </p>
            <nav class="timeline-zoom" aria-label="Zoom">
              <strong>{shownPeriod ? periodLabel(shownPeriod) : "All years"}</strong>
              {" · by "}
              {zoom}
              {parent ? (
                <>
                  {" · "}
                  <a href={urlOf({ ...state, period: parent, offset: 0 })}>
                    Zoom out to {parent === ALL ? "all years" : periodLabel(parent)}
                  </a>
                </>
              ) : null}
            </nav>
            <Await state={axisState}>
              {(overview) => <Axis state={{ ...state, ...(chosen ? { period: chosen } : {}) }} overview={overview} />}
            </Await>
            <h2>{shownPeriod ? `Events of ${periodLabel(shownPeriod)}` : "Events in order"}</h2>
            <Await state={list}>
              {(page) => (
                <>
                  {page.events.length > 0 ? <DeferredChart events={page.events} period={shownPeriod} /> : null}
                  <EventList
                    page={page}
                    offset={state.offset}
                    label={shownPeriod ? ` in ${periodLabel(shownPeriod)}` : ""}
                  />
                  <Pager
                    page={page}
                    offset={state.offset}
                    to={(offset) => urlOf({ ...state, ...(chosen ? { period: chosen } : {}), offset })}
                  />
                </>
              )}
            </Await>
            <Undated state={state} count={all.undated} />
          </>
        )}
      </Await>
    </>
  );
}
