/** The network canvas's geometry: where the graph sits on screen, zoom, and what a pointer is over. */

import type { Point } from "./graph-layout.js";

/** Screen point = world point × scale + (x, y). */
export interface View {
  scale: number;
  x: number;
  y: number;
}

export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export type Shape = "ellipse" | "round-rectangle" | "diamond";

export const MIN_ZOOM = 0.1;
export const MAX_ZOOM = 3;

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/** The view that shows all of `world` centred in a `width` × `height` screen, `padding` pixels from each side. */
export function fitView(world: Box, width: number, height: number, padding: number): View {
  const w = Math.max(world.x2 - world.x1, 1);
  const h = Math.max(world.y2 - world.y1, 1);
  const scale = clamp(Math.min((width - 2 * padding) / w, (height - 2 * padding) / h), MIN_ZOOM, MAX_ZOOM);
  return {
    scale,
    x: width / 2 - ((world.x1 + world.x2) / 2) * scale,
    y: height / 2 - ((world.y1 + world.y2) / 2) * scale,
  };
}

/** `view` zoomed by `factor` about the screen point `at`, which stays where it is (within the zoom limits). */
export function zoomAt(view: View, at: Point, factor: number): View {
  const scale = clamp(view.scale * factor, MIN_ZOOM, MAX_ZOOM);
  const ratio = scale / view.scale;
  return { scale, x: at.x - (at.x - view.x) * ratio, y: at.y - (at.y - view.y) * ratio };
}

export function toScreen(view: View, p: Point): Point {
  return { x: p.x * view.scale + view.x, y: p.y * view.scale + view.y };
}

/** Distance from `p` to the segment from `a` to `b`. */
export function distanceToSegment(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / length2, 0, 1);
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

/** Whether the offset (dx, dy) from a shape's centre falls inside it, `half` being half its width. */
export function insideShape(shape: Shape, dx: number, dy: number, half: number): boolean {
  if (shape === "diamond") return Math.abs(dx) + Math.abs(dy) <= half;
  if (shape === "round-rectangle") return Math.abs(dx) <= half && Math.abs(dy) <= half;
  return dx * dx + dy * dy <= half * half;
}
