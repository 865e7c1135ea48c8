import { fitView, toScreen, zoomAt, type View } from "./graph-geometry.js";
import type { Point } from "./graph-layout.js";
import { paintScene, type Marks } from "./graph-paint.js";
import { buildScene, hitTest, pointOf, type Hit, type Scene } from "./graph-scene.js";
import type { GraphEdge, GraphNode } from "./types.js";

export type { Hit } from "./graph-scene.js";

const PADDING = 20;
/** A press that moves less than this many pixels is a click, not a drag. */
const CLICK_SLOP = 4;

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

interface Handlers {
  onEdge: (id: string) => void;
  onNode: (id: string) => void;
}

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
  on: Handlers,
): NetworkCanvas {
  const network = new CanvasNetwork(element, nodes, buildScene(nodes, edges), on);
  element.network = network;
  return network;
}

class CanvasNetwork implements NetworkCanvas {
  private readonly canvas = document.createElement("canvas");
  private readonly context: CanvasRenderingContext2D;
  private readonly observer: ResizeObserver;
  private width = 0;
  private height = 0;
  private view: View = { scale: 1, x: 0, y: 0 };
  private readonly marks: Marks = { selected: "", hovered: undefined };
  /** The pending animation frame's id, 0 when none is. */
  private frame = 0;
  private press: { x: number; y: number; view: View; dragged: boolean } | undefined;
  private readonly listeners: [string, EventListener][];

  constructor(
    private readonly element: NetworkHost,
    readonly nodes: readonly GraphNode[],
    private readonly scene: Scene,
    private readonly on: Handlers,
  ) {
    this.canvas.style.display = "block";
    this.canvas.style.touchAction = "none";
    element.replaceChildren(this.canvas);
    this.context = this.canvas.getContext("2d")!;
    this.listeners = [
      ["wheel", this.onWheel as EventListener],
      ["pointerdown", this.onPointerDown as EventListener],
      ["pointermove", this.onPointerMove as EventListener],
      ["pointerup", this.onPointerUp as EventListener],
      ["pointerleave", this.onPointerLeave],
    ];
    for (const [type, listener] of this.listeners) this.canvas.addEventListener(type, listener, { passive: false });
    this.observer = new ResizeObserver(() => {
      if (element.clientWidth !== this.width || element.clientHeight !== this.height) this.resize();
    });
    this.observer.observe(element);
    this.resize();
  }

  select(id: string): void {
    this.marks.selected = id;
    this.redraw();
  }

  clientPoint(id: string): Point | undefined {
    const at = pointOf(this.scene, id);
    if (!at) return undefined;
    const box = this.canvas.getBoundingClientRect();
    const p = toScreen(this.view, at);
    return { x: box.left + p.x, y: box.top + p.y };
  }

  hitAt(clientX: number, clientY: number): Hit | undefined {
    return hitTest(this.scene, this.view, this.local(clientX, clientY));
  }

  destroy(): void {
    this.observer.disconnect();
    if (this.frame !== 0) cancelAnimationFrame(this.frame);
    for (const [type, listener] of this.listeners) this.canvas.removeEventListener(type, listener);
    this.canvas.remove();
    delete this.element.network;
  }

  /** Sizes the canvas to its element, in device pixels, and fits the whole scene in it. */
  private resize(): void {
    this.width = this.element.clientWidth;
    this.height = this.element.clientHeight;
    const ratio = window.devicePixelRatio || 1;
    this.canvas.width = Math.round(this.width * ratio);
    this.canvas.height = Math.round(this.height * ratio);
    this.canvas.style.width = `${this.width}px`;
    this.canvas.style.height = `${this.height}px`;
    this.view = fitView(this.scene.world, this.width, this.height, PADDING);
    this.draw();
  }

  private readonly draw = () => {
    this.frame = 0;
    paintScene(this.context, this.scene, this.view, window.devicePixelRatio || 1, this.marks);
  };

  private redraw(): void {
    if (this.frame === 0) this.frame = requestAnimationFrame(this.draw);
  }

  private local(clientX: number, clientY: number): Point {
    const box = this.canvas.getBoundingClientRect();
    return { x: clientX - box.left, y: clientY - box.top };
  }

  private readonly onWheel = (event: WheelEvent) => {
    event.preventDefault();
    this.view = zoomAt(this.view, this.local(event.clientX, event.clientY), Math.exp(-event.deltaY * 0.0015));
    this.redraw();
  };

  private readonly onPointerDown = (event: PointerEvent) => {
    this.press = { x: event.clientX, y: event.clientY, view: this.view, dragged: false };
    this.canvas.setPointerCapture(event.pointerId);
  };

  /** Pans while pressed (once past the click slop), else tracks what the pointer is over. */
  private readonly onPointerMove = (event: PointerEvent) => {
    const press = this.press;
    if (press) {
      const dx = event.clientX - press.x;
      const dy = event.clientY - press.y;
      if (press.dragged || Math.hypot(dx, dy) > CLICK_SLOP) {
        press.dragged = true;
        this.view = { ...press.view, x: press.view.x + dx, y: press.view.y + dy };
        this.redraw();
      }
      return;
    }
    const hit = this.hitAt(event.clientX, event.clientY);
    if (hit?.id !== this.marks.hovered?.id) this.hover(hit);
  };

  private readonly onPointerUp = (event: PointerEvent) => {
    const clicked = this.press && !this.press.dragged;
    this.press = undefined;
    if (!clicked) return;
    const hit = this.hitAt(event.clientX, event.clientY);
    if (hit?.kind === "node") this.on.onNode(hit.id);
    else if (hit?.kind === "edge") this.on.onEdge(hit.id);
  };

  private readonly onPointerLeave = () => {
    if (this.marks.hovered) this.hover(undefined);
  };

  private hover(hit: Hit | undefined): void {
    this.marks.hovered = hit;
    this.canvas.style.cursor = hit ? "pointer" : "";
    this.redraw();
  }
}
