import { useEffect, useMemo, useRef } from "preact/hooks";
import { DataSet } from "vis-data";
import { Timeline, type DataItem } from "vis-timeline";
import "vis-timeline/styles/vis-timeline-graph2d.css";
import { interval } from "../dates.js";
import { navigate, paths } from "../router.js";
import type { EventOutline } from "../types.js";

/** An item's content as an element built from text: vis-timeline never sees an HTML string from a source. */
function content(event: EventOutline): HTMLElement {
  const span = document.createElement("span");
  span.textContent = event.label;
  return span;
}

/**
 * The dated events of one page of the list on a time axis, month, season and year dates as ranges;
 * shown over `period` when given, else over all of them.
 */
export function TimelineChart({ events, period }: { events: EventOutline[]; period: string | undefined }) {
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
    if (period) {
      const { from, to } = interval(period);
      chart.setWindow(from, to, { animation: false });
    } else if (items.length > 0) chart.fit({ animation: false });
  }, [items, period]);
  return <div ref={container} class="timeline-chart" aria-hidden="true" data-items={items.length} />;
}
