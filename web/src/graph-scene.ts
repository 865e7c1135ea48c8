/** What the network canvas draws, in world coordinates: laid out once per graph, then only painted and hit-tested. */

import { distanceToSegment, insideShape, toScreen, type Box, type Shape, type View } from "./graph-geometry.js";
import { CO_PARTICIPANT, communityLayout, strengths, type Disc, type Point } from "./graph-layout.js";
import type { GraphEdge, GraphNode } from "./types.js";

/** Only the most tied actors carry a label; the others show theirs when pointed at or chosen. */
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
const OTHER_COMMUNITY = "#6b7280";
const SHAPES: Record<string, Shape> = { person: "ellipse", organization: "round-rectangle", place: "diamond" };

export interface DrawnNode {
  node: GraphNode;
  at: Point;
  /** Half the width, in world units. */
  half: number;
  shape: Shape;
  color: string;
  labelled: boolean;
}

export interface DrawnEdge {
  edge: GraphEdge;
  from: DrawnNode;
  to: DrawnNode;
  width: number;
  relation: boolean;
}

export interface Scene {
  nodes: ReadonlyMap<string, DrawnNode>;
  edges: ReadonlyMap<string, DrawnEdge>;
  discs: readonly (Disc & { color: string })[];
  /** What the drawing covers: every actor and community disc. */
  world: Box;
}

export type Hit = { kind: "node" | "edge"; id: string };

const communityColor = (community: number) => COMMUNITY_COLORS[community] ?? OTHER_COMMUNITY;

/**
 * Actors where the community layout puts them, one shape per type, one colour per community, sized
 * by the weight of their links; the edges between drawn actors, wider the more quotes they rest on.
 */
export function buildScene(nodes: readonly GraphNode[], edges: readonly GraphEdge[]): Scene {
  const strength = strengths(edges);
  const layout = communityLayout(nodes, strength);
  const drawnNodes = placeNodes(nodes, strength, layout.positions);
  const discs = layout.discs.map((d) => ({ ...d, color: communityColor(d.community) }));
  return {
    nodes: drawnNodes,
    edges: joinEdges(edges, drawnNodes),
    discs,
    world: worldBox([
      ...[...drawnNodes.values()].map((n) => ({ at: n.at, radius: n.half })),
      ...discs.map((d) => ({ at: d.centre, radius: d.radius })),
    ]),
  };
}

function placeNodes(
  nodes: readonly GraphNode[],
  strength: ReadonlyMap<string, number>,
  positions: ReadonlyMap<string, Point>,
): Map<string, DrawnNode> {
  const maxStrength = Math.max(1, ...strength.values());
  const labelled = new Set(
    [...nodes]
      .sort((a, b) => (strength.get(b.id) ?? 0) - (strength.get(a.id) ?? 0))
      .slice(0, LABELLED)
      .map((n) => n.id),
  );
  return new Map(
    nodes.map((node) => [
      node.id,
      {
        node,
        at: positions.get(node.id) ?? { x: 0, y: 0 },
        half: (10 + 40 * Math.sqrt((strength.get(node.id) ?? 0) / maxStrength)) / 2,
        shape: SHAPES[node.type] ?? "ellipse",
        color: communityColor(node.community),
        labelled: labelled.has(node.id),
      },
    ]),
  );
}

function joinEdges(edges: readonly GraphEdge[], nodes: ReadonlyMap<string, DrawnNode>): Map<string, DrawnEdge> {
  const maxWeight = Math.max(2, ...edges.map((e) => e.weight));
  const joined = new Map<string, DrawnEdge>();
  for (const edge of edges) {
    const from = nodes.get(edge.source);
    const to = nodes.get(edge.target);
    if (!from || !to) continue;
    const width = 1 + (6 * (Math.min(edge.weight, maxWeight) - 1)) / (maxWeight - 1);
    joined.set(edge.id, { edge, from, to, width, relation: edge.type !== CO_PARTICIPANT });
  }
  return joined;
}

function worldBox(shapes: readonly { at: Point; radius: number }[]): Box {
  if (shapes.length === 0) return { x1: 0, y1: 0, x2: 1, y2: 1 };
  return {
    x1: Math.min(...shapes.map((s) => s.at.x - s.radius)),
    y1: Math.min(...shapes.map((s) => s.at.y - s.radius)),
    x2: Math.max(...shapes.map((s) => s.at.x + s.radius)),
    y2: Math.max(...shapes.map((s) => s.at.y + s.radius)),
  };
}

/** The actor, else the nearest link, under `p` (canvas pixels) in `view`. */
export function hitTest(scene: Scene, view: View, p: Point): Hit | undefined {
  const w = { x: (p.x - view.x) / view.scale, y: (p.y - view.y) / view.scale };
  const slop = 2 / view.scale;
  const onNode = [...scene.nodes.values()]
    .reverse()
    .find((n) => insideShape(n.shape, w.x - n.at.x, w.y - n.at.y, n.half + slop));
  if (onNode) return { kind: "node", id: onNode.node.id };
  let best: { id: string; distance: number } | undefined;
  for (const e of scene.edges.values()) {
    const distance = distanceToSegment(p, toScreen(view, e.from.at), toScreen(view, e.to.at));
    if (distance <= Math.max(4, (e.width * view.scale) / 2 + 2) && (!best || distance < best.distance))
      best = { id: e.edge.id, distance };
  }
  return best && { kind: "edge", id: best.id };
}

/** Where an actor or the middle of a link sits, in world coordinates. */
export function pointOf(scene: Scene, id: string): Point | undefined {
  const n = scene.nodes.get(id);
  if (n) return n.at;
  const e = scene.edges.get(id);
  return e && { x: (e.from.at.x + e.to.at.x) / 2, y: (e.from.at.y + e.to.at.y) / 2 };
}
