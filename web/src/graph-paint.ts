/** Paints a network scene on a 2D canvas: discs, then links (relations in colour with arrows), actors, labels. */

import { toScreen, type View } from "./graph-geometry.js";
import type { DrawnEdge, DrawnNode, Hit, Scene } from "./graph-scene.js";

/** What the user chose (an actor's or a link's id, "" for none) and what the pointer is over. */
export interface Marks {
  selected: string;
  hovered: Hit | undefined;
}

/** The whole scene in `view`, on a canvas of `ratio` device pixels per CSS pixel. */
export function paintScene(context: CanvasRenderingContext2D, scene: Scene, view: View, ratio: number, marks: Marks) {
  context.setTransform(1, 0, 0, 1, 0, 0);
  context.clearRect(0, 0, context.canvas.width, context.canvas.height);
  context.setTransform(ratio * view.scale, 0, 0, ratio * view.scale, ratio * view.x, ratio * view.y);
  for (const disc of scene.discs) {
    context.beginPath();
    context.arc(disc.centre.x, disc.centre.y, disc.radius, 0, 2 * Math.PI);
    context.fillStyle = `${disc.color}12`;
    context.fill();
  }
  const highlighted = (id: string) =>
    id === marks.selected || (marks.hovered?.kind === "edge" && marks.hovered.id === id);
  // The highlighted links last, over the others; relations over co-participation.
  const ordered = [...scene.edges.values()].sort(
    (a, b) =>
      Number(highlighted(a.edge.id)) - Number(highlighted(b.edge.id)) || Number(a.relation) - Number(b.relation),
  );
  for (const e of ordered) paintEdge(context, e, highlighted(e.edge.id));
  for (const n of scene.nodes.values()) paintNode(context, n, n.node.id === marks.selected);
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  paintLabels(context, scene, view, marks);
}

function paintEdge(context: CanvasRenderingContext2D, e: DrawnEdge, highlighted: boolean): void {
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

function paintNode(context: CanvasRenderingContext2D, n: DrawnNode, selected: boolean): void {
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

/** Labels in screen pixels, so they keep their size at any zoom: the most tied actors', the pointed and chosen one's. */
function paintLabels(context: CanvasRenderingContext2D, scene: Scene, view: View, marks: Marks): void {
  context.font = "11px system-ui, sans-serif";
  context.textAlign = "center";
  context.textBaseline = "top";
  context.lineJoin = "round";
  for (const n of scene.nodes.values()) {
    const pointed = marks.hovered?.kind === "node" && marks.hovered.id === n.node.id;
    if (!n.labelled && !pointed && n.node.id !== marks.selected) continue;
    const at = toScreen(view, { x: n.at.x, y: n.at.y + n.half });
    context.lineWidth = 4;
    context.strokeStyle = "#ffffff";
    context.strokeText(n.node.name, at.x, at.y + 3);
    context.fillStyle = "#1f2937";
    context.fillText(n.node.name, at.x, at.y + 3);
  }
}
