import cytoscape, { type Core, type Css } from "cytoscape";
import { CO_PARTICIPANT, communityLayout, strengths } from "./graph-layout.js";
import type { GraphEdge, GraphNode } from "./types.js";

/** Only the most tied actors carry a label; the others show theirs when chosen. */
const LABELLED = 30;
const COMMUNITY_COLORS = [
  "#2563eb",
  "#dc2626",
  "#047857",
  "#b45309",
  "#7c3aed",
  "#0891b2",
  "#c026d3",
  "#65a30d",
  "#ea580c",
  "#4f46e5",
];
const SHAPES: Record<string, Css.NodeShape> = {
  person: "ellipse",
  organization: "round-rectangle",
  place: "diamond",
};

/**
 * The network page's canvas: actors where the community layout puts them, one colour per
 * community, one shape per type, sized by the weight of their links; relations in colour with arrows.
 */
export function drawNetwork(
  element: HTMLDivElement,
  nodes: readonly GraphNode[],
  edges: readonly GraphEdge[],
  on: { onEdge: (id: string) => void; onNode: (id: string) => void },
): Core {
  const strength = strengths(edges);
  const positions = communityLayout(nodes, strength);
  const labelled = new Set(
    [...nodes]
      .sort((a, b) => (strength.get(b.id) ?? 0) - (strength.get(a.id) ?? 0))
      .slice(0, LABELLED)
      .map((n) => n.id),
  );
  const maxStrength = Math.max(1, ...strength.values());
  const maxWeight = Math.max(2, ...edges.map((e) => e.weight));
  const instance = cytoscape({
    container: element,
    elements: [
      ...nodes.map((n) => ({
        group: "nodes" as const,
        data: {
          id: n.id,
          name: n.name,
          type: n.type,
          size: 10 + 40 * Math.sqrt((strength.get(n.id) ?? 0) / maxStrength),
          color: COMMUNITY_COLORS[n.community] ?? "#6b7280",
        },
        position: positions.get(n.id) ?? { x: 0, y: 0 },
        classes: `${n.type}${labelled.has(n.id) ? " labelled" : ""}`,
      })),
      ...edges.map((e) => ({
        group: "edges" as const,
        data: { id: e.id, source: e.source, target: e.target, type: e.type, weight: e.weight },
        classes: e.type === CO_PARTICIPANT ? "" : "relation",
      })),
    ],
    style: [
      {
        selector: "node",
        style: {
          width: "data(size)",
          height: "data(size)",
          "background-color": "data(color)",
          "font-size": 11,
          "text-valign": "bottom",
          "text-margin-y": 3,
          color: "#1f2937",
          "text-outline-color": "#ffffff",
          "text-outline-width": 2,
        },
      },
      ...Object.entries(SHAPES).map(([type, shape]) => ({ selector: `node.${type}`, style: { shape } })),
      { selector: "node.labelled, node:selected", style: { label: "data(name)" } },
      {
        selector: "edge",
        style: {
          width: `mapData(weight, 1, ${maxWeight}, 1, 7)`,
          "line-color": "#d5dbe3",
          "curve-style": "straight",
        },
      },
      {
        selector: "edge.relation",
        style: {
          "line-color": "#7c3aed",
          "target-arrow-color": "#7c3aed",
          "target-arrow-shape": "triangle",
        },
      },
      { selector: "edge:selected", style: { "line-color": "#111827", "z-index": 10 } },
      { selector: "node:selected", style: { "border-width": 3, "border-color": "#111827" } },
    ],
    layout: { name: "preset", fit: true, padding: 20 },
    wheelSensitivity: 0.3,
    minZoom: 0.1,
    maxZoom: 3,
  });
  instance.on("tap", "edge", (event) => on.onEdge(event.target.id() as string));
  instance.on("tap", "node", (event) => on.onNode(event.target.id() as string));
  return instance;
}
