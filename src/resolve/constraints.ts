import type { EntityType } from "../annotate/mentions/types.js";
import { keyedWords } from "./entity-keys.js";

/** An entity as the resolver keys it: its type and the key string of its name. */
export interface EntityKey {
  type: EntityType;
  key: string;
}

/** The user's word on who is who: joins to make after the resolver's own, and joins never to make. */
export interface ResolutionConstraints {
  sameAs: readonly { pair: readonly [EntityKey, EntityKey]; reason: string }[];
  /** Always wins: no set ever holds names of both keys, whatever join would bring them together. */
  notSameAs: readonly (readonly [EntityKey, EntityKey])[];
}

export const NO_CONSTRAINTS: ResolutionConstraints = { sameAs: [], notSameAs: [] };

/** The key string the resolver gives a name of this type. */
export function nameKey(name: string, type: EntityType): string {
  return keyedWords(name, type)
    .map((part) => part.key)
    .join(" ");
}

/** What constraints need to know of a resolver node. */
interface KeyedNode {
  occurrence: { type: EntityType; count: number };
  keyString: string;
}

const keyOf = (type: EntityType, key: string) => `${type}\u0000${key}`;

/**
 * The not-same-as pairs over union-find sets: each node whose key is named by a pair carries that
 * key's label; each root keeps the labels its set holds; a join of two sets holding labels kept apart is refused.
 */
export class Separations {
  private readonly labelsOfRoot = new Map<number, Set<number>>();
  private readonly forbidden = new Map<number, Set<number>>();

  constructor(nodes: readonly KeyedNode[], notSameAs: ResolutionConstraints["notSameAs"]) {
    if (notSameAs.length === 0) return;
    const labels = new Map<string, number>();
    const labelOf = (k: EntityKey) => {
      const id = keyOf(k.type, k.key);
      let label = labels.get(id);
      if (label === undefined) labels.set(id, (label = labels.size));
      return label;
    };
    for (const [a, b] of notSameAs) {
      const [la, lb] = [labelOf(a), labelOf(b)];
      this.forbid(la, lb);
      this.forbid(lb, la);
    }
    nodes.forEach((node, i) => {
      const label = labels.get(keyOf(node.occurrence.type, node.keyString));
      if (label !== undefined) this.labelsOfRoot.set(i, new Set([label]));
    });
  }

  private forbid(a: number, b: number): void {
    const set = this.forbidden.get(a) ?? new Set<number>();
    set.add(b);
    this.forbidden.set(a, set);
  }

  /** Whether the sets of these two roots may become one. */
  allows(rootA: number, rootB: number): boolean {
    const a = this.labelsOfRoot.get(rootA);
    const b = this.labelsOfRoot.get(rootB);
    if (!a || !b) return true;
    for (const label of a) {
      const apart = this.forbidden.get(label);
      if (apart && [...b].some((other) => apart.has(other))) return false;
    }
    return true;
  }

  /** Records that the sets of `rootA` and `rootB` became the set of `root`. */
  joined(root: number, rootA: number, rootB: number): void {
    const a = this.labelsOfRoot.get(rootA);
    const b = this.labelsOfRoot.get(rootB);
    if (!a && !b) return;
    this.labelsOfRoot.delete(rootA);
    this.labelsOfRoot.delete(rootB);
    this.labelsOfRoot.set(root, new Set([...(a ?? []), ...(b ?? [])]));
  }
}

/**
 * Same-as joins, after the resolver's own: the most cited set holding each key is joined to the
 * other's (a join not-same-as refuses stays undone), with the user's reason.
 */
export function joinSameAs(
  nodes: readonly KeyedNode[],
  sets: { find(i: number): number },
  join: (a: number, b: number, reason: string) => void,
  sameAs: ResolutionConstraints["sameAs"],
): void {
  if (sameAs.length === 0) return;
  const byKey = new Map<string, number[]>();
  nodes.forEach((node, i) => {
    const id = keyOf(node.occurrence.type, node.keyString);
    const list = byKey.get(id);
    if (list) list.push(i);
    else byKey.set(id, [i]);
  });
  const representative = (k: EntityKey): number | undefined => {
    const weight = new Map<number, { node: number; count: number }>();
    for (const i of byKey.get(keyOf(k.type, k.key)) ?? []) {
      const entry = weight.get(sets.find(i)) ?? { node: i, count: 0 };
      entry.count += nodes[i]!.occurrence.count;
      weight.set(sets.find(i), entry);
    }
    return [...weight.values()].sort((x, y) => y.count - x.count)[0]?.node;
  };
  for (const { pair, reason } of sameAs) {
    const [a, b] = [representative(pair[0]), representative(pair[1])];
    if (a !== undefined && b !== undefined) join(a, b, `user: ${reason}`);
  }
}
