/** Where the network page draws each actor: one disc per community, computed at once (no force simulation). */

export interface Point {
  x: number;
  y: number;
}

/** The type of the edges between actors of one event (the others are relations, with a direction). */
export const CO_PARTICIPANT = "co-participant";

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

export interface Disc {
  community: number;
  centre: Point;
  radius: number;
}

export interface Layout {
  positions: Map<string, Point>;
  discs: Disc[];
}

/**
 * Each community a disc of its members on a sunflower spiral, the most tied (highest `strength`) at
 * its centre; the discs in rows, largest community first, so the strongest ties sit top left and
 * near each other. `spacing` is the distance between neighbouring actors.
 */
export function communityLayout(
  nodes: readonly { id: string; community: number }[],
  strength: ReadonlyMap<string, number>,
  spacing = 34,
): Layout {
  const communities = new Map<number, string[]>();
  for (const node of nodes) communities.set(node.community, [...(communities.get(node.community) ?? []), node.id]);
  const discs = [...communities]
    .map(([community, ids]) => {
      const members = [...ids].sort((a, b) => (strength.get(b) ?? 0) - (strength.get(a) ?? 0) || a.localeCompare(b));
      return { community, members, radius: spacing * (Math.sqrt(members.length) + 0.6) };
    })
    .sort((a, b) => b.members.length - a.members.length);
  const area = discs.reduce((sum, d) => sum + (2 * d.radius) ** 2, 0);
  const rowWidth = Math.max(Math.sqrt(area) * 1.4, 2 * (discs[0]?.radius ?? 0));
  const positions = new Map<string, Point>();
  const placed: Disc[] = [];
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  for (const disc of discs) {
    if (x > 0 && x + 2 * disc.radius > rowWidth) {
      x = 0;
      y += rowHeight;
      rowHeight = 0;
    }
    const centre = { x: x + disc.radius, y: y + disc.radius };
    placed.push({ community: disc.community, centre, radius: disc.radius });
    disc.members.forEach((id, i) => {
      const r = spacing * Math.sqrt(i);
      positions.set(id, { x: centre.x + r * Math.cos(i * GOLDEN_ANGLE), y: centre.y + r * Math.sin(i * GOLDEN_ANGLE) });
    });
    x += 2 * disc.radius;
    rowHeight = Math.max(rowHeight, 2 * disc.radius);
  }
  return { positions, discs: placed };
}

/** Each actor's strength: the summed weight of its edges. */
export function strengths(edges: readonly { source: string; target: string; weight: number }[]): Map<string, number> {
  const sums = new Map<string, number>();
  for (const e of edges) for (const id of [e.source, e.target]) sums.set(id, (sums.get(id) ?? 0) + e.weight);
  return sums;
}
