import {
  distanceToSegment,
  fitView,
  insideShape,
  toScreen,
  zoomAt,
  type Box,
  type Shape,
  type View,
} from "./graph-geometry.js";
import { CO_PARTICIPANT, communityLayout, strengths, type Point } from "./graph-layout.js";
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
const PADDING = 20;
/** A press that moves less than this many pixels is a click, not a drag. */
const CLICK_SLOP = 4;

interface DrawnNode {
  node: GraphNode;
  at: Point;
  /** Half the width, in world units. */
  half: number;
  shape: Shape;
  color: string;
  labelled: boolean;
}

interface DrawnEdge {
  edge: GraphEdge;
  from: DrawnNode;
  to: DrawnNode;
  width: number;
  relation: boolean;
}

export type Hit = { kind: "node" | "edge"; id: string };

/** What the page (and its browser tests) may ask of the canvas. */
export interface NetworkCanvas {
  readonly nodes: readonly GraphNode[];
  /** Marks an actor or a link as chosen ("" for none). */
  select(id: string): void;
  /** Where an actor or the middle of a link is drawn, in the page's client coordinates. */
  clientPoint(id: string): Point | undefined;
  /** The actor, else the link, under a point in client coordinates. */
  hitAt(clientX: number, clientY: number): Hit | undefined;
  destroy(): void;
}

export type NetworkHost = HTMLDivElement & { network?: NetworkCanvas };

/**
 * The network page's canvas: actors where the community layout puts them, one disc and colour per
 * community, one shape per type, sized by the weight of their links; relations in colour with
 * arrows. Wheel zooms, drag pans, a click on an actor or a link calls `on`; the drawing refits
 * when the element changes size.
 */
export function drawNetwork(
  element: NetworkHost,
  nodes: readonly GraphNode[],
  edges: readonly GraphEdge[],
  on: { onEdge: (id: string) => void; onNode: (id: string) => void },
): NetworkCanvas {
  const strength = strengths(edges);
  const layout = communityLayout(nodes, strength);
  const maxStrength = Math.max(1, ...strength.values());
  const maxWeight = Math.max(2, ...edges.map((e) => e.weight));
  const labelled = new Set(
    [...nodes]
      .sort((a, b) => (strength.get(b.id) ?? 0) - (strength.get(a.id) ?? 0))
      .slice(0, LABELLED)
      .map((n) => n.id),
  );
  const drawnNodes = new Map<string, DrawnNode>(
    nodes.map((node) => [
      node.id,
      {
        node,
        at: layout.positions.get(node.id) ?? { x: 0, y: 0 },
        half: (10 + 40 * Math.sqrt((strength.get(node.id) ?? 0) / maxStrength)) / 2,
        shape: SHAPES[node.type] ?? "ellipse",
        color: COMMUNITY_COLORS[node.community] ?? OTHER_COMMUNITY,
        labelled: labelled.has(node.id),
      },
    ]),
  );
  const drawnEdges = new Map<string, DrawnEdge>();
  for (const edge of edges) {
    const from = drawnNodes.get(edge.source);
    const to = drawnNodes.get(edge.target);
    if (!from || !to) continue;
    const width = 1 + (6 * (Math.min(edge.weight, maxWeight) - 1)) / (maxWeight - 1);
    drawnEdges.set(edge.id, { edge, from, to, width, relation: edge.type !== CO_PARTICIPANT });
  }
  const discs = layout.discs.map((d) => ({ ...d, color: COMMUNITY_COLORS[d.community] ?? OTHER_COMMUNITY }));
  const world = worldBox([
    ...[...drawnNodes.values()].map((n) => ({ at: n.at, radius: n.half })),
    ...discs.map((d) => ({ at: d.centre, radius: d.radius })),
  ]);

  const canvas = document.createElement("canvas");
  canvas.style.display = "block";
  canvas.style.touchAction = "none";
  element.replaceChildren(canvas);
  const context = canvas.getContext("2d")!;
  let width = 0;
  let height = 0;
  let view: View = { scale: 1, x: 0, y: 0 };
  let selected = "";
  let hovered: Hit | undefined;
  let frame = 0;

  const resize = () => {
    width = element.clientWidth;
    height = element.clientHeight;
    const ratio = window.devicePixelRatio || 1;
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    canvas.style.width = `${width}px`;
    canvas.style.height = `${height}px`;
    view = fitView(world, width, height, PADDING);
    draw();
  };

  const draw = () => {
    frame = 0;
    const ratio = window.devicePixelRatio || 1;
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.clearRect(0, 0, canvas.width, canvas.height);
    context.setTransform(ratio * view.scale, 0, 0, ratio * view.scale, ratio * view.x, ratio * view.y);
    for (const disc of discs) {
      context.beginPath();
      context.arc(disc.centre.x, disc.centre.y, disc.radius, 0, 2 * Math.PI);
      context.fillStyle = `${disc.color}12`;
      context.fill();
    }
    const highlighted = (id: string) => id === selected || (hovered?.kind === "edge" && hovered.id === id);
    const ordered = [...drawnEdges.values()].sort(
      (a, b) =>
        Number(highlighted(a.edge.id)) - Number(highlighted(b.edge.id)) || Number(a.relation) - Number(b.relation),
    );
    for (const e of ordered) drawEdge(context, e, highlighted(e.edge.id));
    for (const n of drawnNodes.values()) drawNode(context, n, n.node.id === selected);
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.font = "11px system-ui, sans-serif";
    context.textAlign = "center";
    context.textBaseline = "top";
    context.lineJoin = "round";
    for (const n of drawnNodes.values()) {
      const pointed = hovered?.kind === "node" && hovered.id === n.node.id;
      if (!n.labelled && !pointed && n.node.id !== selected) continue;
      const at = toScreen(view, { x: n.at.x, y: n.at.y + n.half });
      context.lineWidth = 4;
      context.strokeStyle = "#ffffff";
      context.strokeText(n.node.name, at.x, at.y + 3);
      context.fillStyle = "#1f2937";
      context.fillText(n.node.name, at.x, at.y + 3);
    }
  };
  const redraw = () => {
    if (frame === 0) frame = requestAnimationFrame(draw);
  };

  const local = (clientX: number, clientY: number): Point => {
    const box = canvas.getBoundingClientRect();
    return { x: clientX - box.left, y: clientY - box.top };
  };
  const hitAt = (clientX: number, clientY: number): Hit | undefined => {
    const p = local(clientX, clientY);
    const w = { x: (p.x - view.x) / view.scale, y: (p.y - view.y) / view.scale };
    const slop = 2 / view.scale;
    const onNode = [...drawnNodes.values()]
      .reverse()
      .find((n) => insideShape(n.shape, w.x - n.at.x, w.y - n.at.y, n.half + slop));
    if (onNode) return { kind: "node", id: onNode.node.id };
    let best: { id: string; distance: number } | undefined;
    for (const e of drawnEdges.values()) {
      const distance = distanceToSegment(p, toScreen(view, e.from.at), toScreen(view, e.to.at));
      if (distance <= Math.max(4, (e.width * view.scale) / 2 + 2) && (!best || distance < best.distance))
        best = { id: e.edge.id, distance };
    }
    return best && { kind: "edge", id: best.id };
  };

  let press: { x: number; y: number; view: View; dragged: boolean } | undefined;
  const listeners: [string, EventListener][] = [
    [
      "wheel",
      ((event: WheelEvent) => {
        event.preventDefault();
        view = zoomAt(view, local(event.clientX, event.clientY), Math.exp(-event.deltaY * 0.0015));
        redraw();
      }) as EventListener,
    ],
    [
      "pointerdown",
      ((event: PointerEvent) => {
        press = { x: event.clientX, y: event.clientY, view, dragged: false };
        canvas.setPointerCapture(event.pointerId);
      }) as EventListener,
    ],
    [
      "pointermove",
      ((event: PointerEvent) => {
        if (press) {
          const dx = event.clientX - press.x;
          const dy = event.clientY - press.y;
          if (press.dragged || Math.hypot(dx, dy) > CLICK_SLOP) {
            press.dragged = true;
            view = { ...press.view, x: press.view.x + dx, y: press.view.y + dy };
            redraw();
          }
          return;
        }
        const hit = hitAt(event.clientX, event.clientY);
        if (hit?.id !== hovered?.id) {
          hovered = hit;
          canvas.style.cursor = hit ? "pointer" : "";
          redraw();
        }
      }) as EventListener,
    ],
    [
      "pointerup",
      ((event: PointerEvent) => {
        const clicked = press && !press.dragged;
        press = undefined;
        if (!clicked) return;
        const hit = hitAt(event.clientX, event.clientY);
        if (hit?.kind === "node") on.onNode(hit.id);
        else if (hit?.kind === "edge") on.onEdge(hit.id);
      }) as EventListener,
    ],
    [
      "pointerleave",
      (() => {
        if (hovered) {
          hovered = undefined;
          canvas.style.cursor = "";
          redraw();
        }
      }) as EventListener,
    ],
  ];
  for (const [type, listener] of listeners) canvas.addEventListener(type, listener, { passive: false });
  const observer = new ResizeObserver(() => {
    if (element.clientWidth !== width || element.clientHeight !== height) resize();
  });
  observer.observe(element);
  resize();

  const network: NetworkCanvas = {
    nodes,
    select(id) {
      selected = id;
      redraw();
    },
    clientPoint(id) {
      const box = canvas.getBoundingClientRect();
      const n = drawnNodes.get(id);
      const e = drawnEdges.get(id);
      const at = n ? n.at : e ? { x: (e.from.at.x + e.to.at.x) / 2, y: (e.from.at.y + e.to.at.y) / 2 } : undefined;
      if (!at) return undefined;
      const p = toScreen(view, at);
      return { x: box.left + p.x, y: box.top + p.y };
    },
    hitAt,
    destroy() {
      observer.disconnect();
      if (frame !== 0) cancelAnimationFrame(frame);
      for (const [type, listener] of listeners) canvas.removeEventListener(type, listener);
      canvas.remove();
      delete element.network;
    },
  };
  element.network = network;
  return network;
}

function drawEdge(context: CanvasRenderingContext2D, e: DrawnEdge, highlighted: boolean): void {
  const color = highlighted ? "#111827" : e.relation ? "#7c3aed" : "#d5dbe3";
  const { from, to } = e;
  const length = Math.hypot(to.at.x - from.at.x, to.at.y - from.at.y) || 1;
  const ux = (to.at.x - from.at.x) / length;
  const uy = (to.at.y - from.at.y) / length;
  const arrow = e.relation ? 4 + 2 * e.width : 0;
  const tip = { x: to.at.x - ux * to.half, y: to.at.y - uy * to.half };
  context.strokeStyle = color;
  context.lineWidth = e.width;
  context.beginPath();
  context.moveTo(from.at.x, from.at.y);
  context.lineTo(tip.x - ux * arrow, tip.y - uy * arrow);
  context.stroke();
  if (!e.relation) return;
  context.fillStyle = color;
  context.beginPath();
  context.moveTo(tip.x, tip.y);
  context.lineTo(tip.x - ux * arrow - uy * arrow * 0.6, tip.y - uy * arrow + ux * arrow * 0.6);
  context.lineTo(tip.x - ux * arrow + uy * arrow * 0.6, tip.y - uy * arrow - ux * arrow * 0.6);
  context.closePath();
  context.fill();
}

function drawNode(context: CanvasRenderingContext2D, n: DrawnNode, selected: boolean): void {
  const { x, y } = n.at;
  const h = n.half;
  context.beginPath();
  if (n.shape === "diamond") {
    context.moveTo(x, y - h);
    context.lineTo(x + h, y);
    context.lineTo(x, y + h);
    context.lineTo(x - h, y);
    context.closePath();
  } else if (n.shape === "round-rectangle") context.roundRect(x - h, y - h, 2 * h, 2 * h, h / 4);
  else context.arc(x, y, h, 0, 2 * Math.PI);
  context.fillStyle = n.color;
  context.fill();
  if (selected) {
    context.lineWidth = 3;
    context.strokeStyle = "#111827";
    context.stroke();
  }
}

/** What the drawing covers: every actor and community disc. */
function worldBox(shapes: readonly { at: Point; radius: number }[]): Box {
  if (shapes.length === 0) return { x1: 0, y1: 0, x2: 1, y2: 1 };
  return {
    x1: Math.min(...shapes.map((s) => s.at.x - s.radius)),
    y1: Math.min(...shapes.map((s) => s.at.y - s.radius)),
    x2: Math.max(...shapes.map((s) => s.at.x + s.radius)),
    y2: Math.max(...shapes.map((s) => s.at.y + s.radius)),
  };
}
