import cytoscape, { type Core } from "cytoscape";
import { useEffect, useMemo, useRef } from "preact/hooks";
import { useJson } from "../api.js";
import { Await, CitationView, Heading, TypeBadge } from "../components.js";
import { navigate, paths, withQuery } from "../router.js";
import type { Graph, GraphEdge, GraphNode } from "../types.js";
import { ExportLinks, NETWORK_EXPORTS } from "./ExportLinks.js";

/** At most this many nodes are drawn (the most mentioned, or the neighbourhood of ?node=). */
const MAX_NODES = 250;

const NODE_COLORS: Record<string, string> = { person: "#2563eb", organization: "#b45309", place: "#047857" };
const EDGE_PALETTE = [
  "#7c3aed",
  "#dc2626",
  "#0891b2",
  "#65a30d",
  "#c026d3",
  "#ea580c",
  "#0f766e",
  "#4f46e5",
  "#be123c",
];

function edgeColor(type: string, types: string[]): string {
  return EDGE_PALETTE[Math.max(0, types.indexOf(type)) % EDGE_PALETTE.length]!;
}

function subgraph(graph: Graph, focus: string, edgeType: string): { nodes: GraphNode[]; edges: GraphEdge[] } {
  let edges = edgeType ? graph.edges.filter((e) => e.type === edgeType) : graph.edges;
  let keep: Set<string>;
  if (focus) {
    keep = new Set([focus]);
    for (const e of edges) {
      if (e.source === focus) keep.add(e.target);
      if (e.target === focus) keep.add(e.source);
    }
  } else {
    const linked = new Set(edges.flatMap((e) => [e.source, e.target]));
    const ranked = graph.nodes.filter((n) => linked.has(n.id)).sort((a, b) => b.mentions - a.mentions);
    keep = new Set(ranked.slice(0, MAX_NODES).map((n) => n.id));
  }
  edges = edges.filter((e) => keep.has(e.source) && keep.has(e.target));
  return { nodes: graph.nodes.filter((n) => keep.has(n.id)), edges };
}

function Canvas({
  nodes,
  edges,
  types,
  selected,
}: {
  nodes: GraphNode[];
  edges: GraphEdge[];
  types: string[];
  selected: string;
}) {
  const container = useRef<HTMLDivElement>(null);
  const cy = useRef<Core | undefined>(undefined);
  useEffect(() => {
    if (!container.current) return;
    const instance = cytoscape({
      container: container.current,
      elements: [
        ...nodes.map((n) => ({
          group: "nodes" as const,
          data: { id: n.id, label: n.name, type: n.type, weight: n.mentions },
        })),
        ...edges.map((e) => ({
          group: "edges" as const,
          data: { id: e.id, source: e.source, target: e.target, label: e.type, color: edgeColor(e.type, types) },
        })),
      ],
      style: [
        {
          selector: "node",
          style: {
            label: "data(label)",
            "font-size": 11,
            "text-valign": "bottom",
            "text-margin-y": 3,
            "text-wrap": "wrap",
            "text-max-width": "120px",
            color: "#374151",
            "text-outline-color": "#ffffff",
            "text-outline-width": 2,
            width: "mapData(weight, 1, 60, 14, 42)",
            height: "mapData(weight, 1, 60, 14, 42)",
            "background-color": (node) => NODE_COLORS[node.data("type") as string] ?? "#6b7280",
          },
        },
        {
          selector: "edge",
          style: {
            label: "data(label)",
            "font-size": 9,
            color: "#4b5563",
            "text-rotation": "autorotate",
            "text-outline-color": "#ffffff",
            "text-outline-width": 2,
            width: 2,
            "line-color": "data(color)",
            "target-arrow-color": "data(color)",
            "target-arrow-shape": "triangle",
            "curve-style": "bezier",
          },
        },
        { selector: "edge:selected", style: { width: 5, "z-index": 10 } },
        { selector: "node:selected", style: { "border-width": 3, "border-color": "#111827" } },
      ],
      layout: { name: "cose", animate: false, randomize: false, nodeRepulsion: () => 9000, idealEdgeLength: () => 90 },
      wheelSensitivity: 0.3,
      minZoom: 0.2,
      maxZoom: 3,
    });
    const select = (change: Record<string, string | undefined>) =>
      navigate(withQuery(location.pathname, { ...currentQuery(), ...change }), { replace: true });
    instance.on("tap", "edge", (event) => select({ edge: event.target.id(), node: undefined }));
    instance.on("tap", "node", (event) => select({ node: event.target.id(), edge: undefined }));
    cy.current = instance;
    container.current.dataset["ready"] = "true";
    return () => {
      instance.destroy();
      cy.current = undefined;
    };
  }, [nodes, edges, types]);
  useEffect(() => {
    const instance = cy.current;
    if (!instance) return;
    instance.elements().unselect();
    if (selected) instance.getElementById(selected).select();
  }, [selected, nodes, edges]);
  return (
    <div
      ref={container}
      class="graph-canvas"
      role="img"
      aria-label="Network of actors; the list beside it has the same links"
    />
  );
}

function currentQuery(): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(location.search));
}

function EdgeEvidence({ edge, byId }: { edge: GraphEdge; byId: Map<string, GraphNode> }) {
  const source = byId.get(edge.source);
  const target = byId.get(edge.target);
  return (
    <section class="edge-evidence" aria-live="polite" aria-labelledby="edge-heading">
      <h2 id="edge-heading">
        <a href={paths.entity(edge.source)}>{source?.name ?? edge.source}</a> <span class="edge-type">{edge.type}</span>{" "}
        <a href={paths.entity(edge.target)}>{target?.name ?? edge.target}</a>
      </h2>
      <p class="muted">
        {edge.evidence.length} quote{edge.evidence.length === 1 ? "" : "s"}
      </p>
      {edge.evidence.map((c, i) => (
        <CitationView key={i} citation={c} />
      ))}
    </section>
  );
}

/** /graph?node=&edge=&type=: the actor network; clicking an edge (or choosing it in the list) shows its evidence. */
export function GraphView({ query }: { query: URLSearchParams }) {
  const state = useJson<Graph>("/api/graph");
  const focus = query.get("focus") ?? "";
  const edgeType = query.get("type") ?? "";
  const selectedEdge = query.get("edge") ?? "";
  const selectedNode = query.get("node") ?? "";
  const graph = state.data;
  const types = useMemo(() => [...new Set((graph?.edges ?? []).map((e) => e.type))].sort(), [graph]);
  const shown = useMemo(() => (graph ? subgraph(graph, focus, edgeType) : undefined), [graph, focus, edgeType]);
  const byId = useMemo(() => new Map((graph?.nodes ?? []).map((n) => [n.id, n])), [graph]);
  return (
    <>
      <Heading title="Network">Network</Heading>
      <ExportLinks title="Download the whole network" choices={NETWORK_EXPORTS} />
      <Await state={state}>
        {(g) => {
          const sub = shown ?? { nodes: [], edges: [] };
          const edge = g.edges.find((e) => e.id === selectedEdge);
          const node = byId.get(selectedNode);
          return (
            <>
              <form class="toolbar" aria-label="Filter the network" onSubmit={(e) => e.preventDefault()}>
                <label>
                  Relation
                  <select
                    value={edgeType}
                    onChange={(e) =>
                      navigate(withQuery("/graph", { focus, type: (e.target as HTMLSelectElement).value }))
                    }
                  >
                    <option value="">all</option>
                    {types.map((t) => (
                      <option key={t} value={t}>
                        {t}
                      </option>
                    ))}
                  </select>
                </label>
                {focus ? <a href={withQuery("/graph", { type: edgeType })}>Show everyone</a> : null}
                <span class="legend">
                  {Object.entries(NODE_COLORS).map(([type, color]) => (
                    <span key={type} class={`dot dot-${type}`} data-color={color}>
                      {type}
                    </span>
                  ))}
                </span>
              </form>
              <p class="muted" role="status">
                {sub.nodes.length} of {g.nodes.length} actors, {sub.edges.length} of {g.edges.length} links
                {sub.nodes.length >= MAX_NODES && !focus ? ` (the ${MAX_NODES} most mentioned)` : ""}; actors without
                links are not drawn.
              </p>
              <div class="graph-layout">
                <Canvas nodes={sub.nodes} edges={sub.edges} types={types} selected={selectedEdge || selectedNode} />
                <aside class="graph-side">
                  {edge ? <EdgeEvidence edge={edge} byId={byId} /> : null}
                  {node && !edge ? (
                    <section aria-live="polite">
                      <h2>
                        <a href={paths.entity(node.id)}>{node.name}</a> <TypeBadge type={node.type} />
                      </h2>
                      <p>
                        <a href={withQuery("/graph", { focus: node.id, type: edgeType })}>Show only its neighbours</a>
                      </p>
                    </section>
                  ) : null}
                  {!edge && !node ? <p class="muted">Choose a link to read the quotes it rests on.</p> : null}
                  <h2>Links</h2>
                  <ul class="edge-list">
                    {sub.edges.slice(0, 300).map((e) => (
                      <li key={e.id}>
                        <a
                          href={withQuery("/graph", { focus, type: edgeType, edge: e.id })}
                          aria-current={e.id === selectedEdge ? "true" : undefined}
                          data-edge-id={e.id}
                        >
                          {byId.get(e.source)?.name ?? e.source} — {e.type} → {byId.get(e.target)?.name ?? e.target}
                        </a>
                      </li>
                    ))}
                  </ul>
                </aside>
              </div>
            </>
          );
        }}
      </Await>
    </>
  );
}
