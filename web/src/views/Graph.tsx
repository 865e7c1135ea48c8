import { useEffect, useLayoutEffect, useMemo, useRef } from "preact/hooks";
import { useJson } from "../api.js";
import { Await, CitationView, Heading } from "../components.js";
import { drawNetwork, type NetworkCanvas } from "../graph-draw.js";
import { CO_PARTICIPANT } from "../graph-layout.js";
import { navigate, paths, withQuery } from "../router.js";
import { ENTITY_TYPES, type Graph, type GraphEdge, type GraphNode } from "../types.js";
import { ExportLinks, NETWORK_EXPORTS } from "./ExportLinks.js";

const LIMITS = [50, 150, 300, 1000];
const DEFAULT_LIMIT = 150;

interface Filters {
  q: string;
  from: string;
  to: string;
  types: string[];
  limit: number;
  relation: string;
}

function filtersOf(query: URLSearchParams): Filters {
  const limit = Number(query.get("limit"));
  return {
    q: query.get("q") ?? "",
    from: query.get("from") ?? "",
    to: query.get("to") ?? "",
    types: query.getAll("type"),
    limit: LIMITS.includes(limit) ? limit : DEFAULT_LIMIT,
    relation: query.get("relation") ?? "",
  };
}

function urlOf(f: Filters, selected: { edge?: string } = {}): string {
  return withQuery("/graph", {
    q: f.q,
    from: f.from,
    to: f.to,
    type: f.types,
    limit: f.limit === DEFAULT_LIMIT ? undefined : f.limit,
    relation: f.relation,
    edge: selected.edge,
  });
}

function Canvas({ nodes, edges, selected }: { nodes: GraphNode[]; edges: GraphEdge[]; selected: string }) {
  const container = useRef<HTMLDivElement>(null);
  const canvas = useRef<NetworkCanvas | undefined>(undefined);
  // Drawn before the browser paints: the first frame with the page has the network on it.
  useLayoutEffect(() => {
    if (!container.current) return;
    const instance = drawNetwork(container.current, nodes, edges, {
      onEdge: (id) => navigate(withQuery(location.pathname, { ...currentQuery(), edge: id }), { replace: true }),
      onNode: (id) => navigate(paths.entity(id)),
    });
    canvas.current = instance;
    container.current.dataset["ready"] = "true";
    return () => {
      instance.destroy();
      canvas.current = undefined;
    };
  }, [nodes, edges]);
  useEffect(() => canvas.current?.select(selected), [selected, nodes, edges]);
  return (
    <div
      ref={container}
      class="graph-canvas"
      role="img"
      aria-label="Network of actors, one colour per community; the list beside it has the same links"
    />
  );
}

function currentQuery(): Record<string, string | string[]> {
  const query = new URLSearchParams(location.search);
  return { ...Object.fromEntries(query), type: query.getAll("type") };
}

function EdgeEvidence({ id, filters, byId }: { id: string; filters: Filters; byId: Map<string, GraphNode> }) {
  const state = useJson<GraphEdge>(
    withQuery(`/api/graph/edges/${encodeURIComponent(id)}`, { from: filters.from, to: filters.to }),
  );
  return (
    <section class="edge-evidence" aria-live="polite" aria-labelledby="edge-heading">
      <Await state={state}>
        {(edge) => (
          <>
            <h2 id="edge-heading">
              <a href={paths.entity(edge.source)}>{byId.get(edge.source)?.name ?? edge.source}</a>{" "}
              <span class="edge-type">{edge.type}</span>{" "}
              <a href={paths.entity(edge.target)}>{byId.get(edge.target)?.name ?? edge.target}</a>
            </h2>
            <p class="muted">
              {edge.weight} quote{edge.weight === 1 ? "" : "s"}
            </p>
            {edge.evidence.map((c, i) => (
              <CitationView key={i} citation={c} />
            ))}
          </>
        )}
      </Await>
    </section>
  );
}

function Toolbar({ filters, relations }: { filters: Filters; relations: string[] }) {
  const set = (change: Partial<Filters>) => navigate(urlOf({ ...filters, ...change }));
  const checked = (type: string) => filters.types.length === 0 || filters.types.includes(type);
  return (
    <form
      class="toolbar graph-filters"
      aria-label="Filter the network"
      onSubmit={(event) => {
        event.preventDefault();
        const form = event.currentTarget as HTMLFormElement;
        const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value.trim();
        set({ q: value("q"), from: value("from"), to: value("to") });
      }}
    >
      <label>
        Name <input name="q" type="search" value={filters.q} placeholder="any spelling" />
      </label>
      <label>
        From <input name="from" value={filters.from} placeholder="YYYY[-MM[-DD]]" inputMode="numeric" size={10} />
      </label>
      <label>
        To <input name="to" value={filters.to} placeholder="YYYY[-MM[-DD]]" inputMode="numeric" size={10} />
      </label>
      <button type="submit">Show</button>
      <fieldset class="graph-types">
        <legend>Actors</legend>
        {ENTITY_TYPES.map((type) => (
          <label key={type} class={`check shape-${type}`}>
            <input
              type="checkbox"
              checked={checked(type)}
              onChange={(event) => {
                const on = (event.target as HTMLInputElement).checked;
                const types = ENTITY_TYPES.filter((t) => (t === type ? on : checked(t)));
                set({ types: types.length === ENTITY_TYPES.length ? [] : types });
              }}
            />
            {type}
          </label>
        ))}
      </fieldset>
      <label>
        Relation
        <select value={filters.relation} onChange={(e) => set({ relation: (e.target as HTMLSelectElement).value })}>
          <option value="">all</option>
          {relations.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </label>
      <label>
        Actors at most
        <select
          value={String(filters.limit)}
          onChange={(e) => set({ limit: Number((e.target as HTMLSelectElement).value) })}
        >
          {LIMITS.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      {filters.q || filters.from || filters.to ? (
        <a href={urlOf({ ...filters, q: "", from: "", to: "" })}>Show everyone</a>
      ) : null}
    </form>
  );
}

/**
 * /graph?q=&from=&to=&type=&limit=&relation=&edge=: the strongest ties of the actor network, one
 * colour per community; a click on a link shows the quotes it rests on, on an actor opens its page.
 */
export function GraphView({ query }: { query: URLSearchParams }) {
  const filters = filtersOf(query);
  const selectedEdge = query.get("edge") ?? "";
  const state = useJson<Graph>(
    withQuery("/api/graph", {
      q: filters.q,
      from: filters.from,
      to: filters.to,
      type: filters.types,
      limit: filters.limit,
      quotes: 0,
    }),
  );
  const graph = state.data;
  const relations = useMemo(() => [...new Set((graph?.edges ?? []).map((e) => e.type))].sort(), [graph]);
  const edges = useMemo(
    () => (graph ? graph.edges.filter((e) => !filters.relation || e.type === filters.relation) : []),
    [graph, filters.relation],
  );
  const nodes = useMemo(() => {
    if (!graph) return [];
    if (!filters.relation) return graph.nodes;
    const linked = new Set(edges.flatMap((e) => [e.source, e.target]));
    return graph.nodes.filter((n) => linked.has(n.id));
  }, [graph, edges, filters.relation]);
  const byId = useMemo(() => new Map((graph?.nodes ?? []).map((n) => [n.id, n])), [graph]);
  return (
    <>
      <Heading title="Network">Network</Heading>
      <ExportLinks title="Download the whole network" choices={NETWORK_EXPORTS} />
      <Toolbar filters={filters} relations={relations} />
      <Await state={state}>
        {(g) => (
          <>
            <p class="muted" role="status">
              {nodes.length} of {g.totals.nodes} actors, {edges.length} of {g.totals.edges} links
              {g.nodes.length < g.totals.nodes ? " (those of the strongest links)" : ""}; one colour per community;
              actors without links are not drawn.
            </p>
            <div class="graph-layout">
              <Canvas nodes={nodes} edges={edges} selected={selectedEdge} />
              <aside class="graph-side">
                {selectedEdge ? (
                  <EdgeEvidence id={selectedEdge} filters={filters} byId={byId} />
                ) : (
                  <p class="muted">Choose a link to read the quotes it rests on, an actor to open its page.</p>
                )}
                <h2>Strongest links</h2>
                <ul class="edge-list">
                  {edges.slice(0, 300).map((e) => (
                    <li key={e.id}>
                      <a
                        href={urlOf(filters, { edge: e.id })}
                        aria-current={e.id === selectedEdge ? "true" : undefined}
                        data-edge-id={e.id}
                      >
                        {byId.get(e.source)?.name ?? e.source} — {e.type} {e.type === CO_PARTICIPANT ? "—" : "→"}{" "}
                        {byId.get(e.target)?.name ?? e.target}
                      </a>{" "}
                      <span class="muted">({e.weight})</span>
                    </li>
                  ))}
                </ul>
              </aside>
            </div>
          </>
        )}
      </Await>
    </>
  );
}
