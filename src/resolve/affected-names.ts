import type { EntityType } from "../annotate/mentions/types.js";
import type { ResolutionConstraints } from "./constraints.js";
import { keyedWords } from "./entity-keys.js";
import type { NameOccurrence } from "./types.js";
import { UnionFind } from "./union-find.js";

/** What changed since the last corpus stage, as resolution sees it. */
export interface NameSeeds {
  /** Indices of current occurrences that are new or changed, or belong to an entity that changed. */
  occurrences: ReadonlySet<number>;
  /** Names that no longer occur (removed documents, names gone from a document). */
  removed: readonly { type: EntityType; name: string }[];
  /** Markup identifiers removed documents gave their names. */
  refs: readonly string[];
}

type LinkedName = Pick<NameOccurrence, "type" | "name"> &
  Partial<Pick<NameOccurrence, "documentId" | "aliasOf" | "refs">>;

/**
 * The occurrences whose resolution may differ from the last corpus stage's: those linked to a seed
 * through anything a rule compares (see "Incremental corpus stage" in docs/design.md). Every rule
 * only ever looks at names sharing one of these links, so names of a linked set that holds no seed
 * resolve as they did.
 */
export function affectedNames(
  occurrences: readonly NameOccurrence[],
  seeds: NameSeeds,
  constraints: ResolutionConstraints,
): Set<number> {
  const typesOfName = new Map<string, Set<EntityType>>();
  for (const o of occurrences) {
    const lower = o.name.toLowerCase();
    const types = typesOfName.get(lower) ?? new Set<EntityType>();
    types.add(o.type);
    typesOfName.set(lower, types);
  }
  const linked: string[][] = occurrences.map((o) => links(o, typesOfName));
  const removedFrom = linked.length;
  for (const name of seeds.removed) linked.push(links(name, typesOfName));
  for (const ref of seeds.refs) linked.push([`r:${ref}`]);
  for (const [a, b] of [...constraints.sameAs.map((s) => s.pair), ...constraints.notSameAs])
    linked.push([`s:${a.type}:${a.key}`, `s:${b.type}:${b.key}`]);
  const sets = new UnionFind(linked.length);
  const holder = new Map<string, number>();
  linked.forEach((keys, i) => {
    for (const key of keys) {
      const j = holder.get(key);
      if (j === undefined) holder.set(key, i);
      else sets.union(i, j);
    }
  });
  const seeded = new Set<number>();
  for (const i of seeds.occurrences) seeded.add(sets.find(i));
  for (let i = removedFrom; i < removedFrom + seeds.removed.length + seeds.refs.length; i++) seeded.add(sets.find(i));
  const affected = new Set<number>();
  for (let i = 0; i < occurrences.length; i++) if (seeded.has(sets.find(i))) affected.add(i);
  return affected;
}

/** The links of a name under every type it may be voted (its own and those its spelling has elsewhere). */
function links(o: LinkedName, typesOfName: ReadonlyMap<string, ReadonlySet<EntityType>>): string[] {
  const lower = o.name.toLowerCase();
  const words = lower.split(/\s+/);
  const out = [`n:${lower}`, `n:${words.at(-1)!}`];
  for (const ref of o.refs ?? []) out.push(`r:${ref}`);
  if (o.documentId !== undefined) {
    out.push(`a:${o.documentId}\u0000${o.name}`);
    if (o.aliasOf) out.push(`a:${o.documentId}\u0000${o.aliasOf}`);
  }
  for (const type of new Set([o.type, ...(typesOfName.get(lower) ?? [])])) {
    const keys = keyedWords(o.name, type).map((part) => part.key);
    if (keys.length === 0) continue;
    out.push(`s:${type}:${keys.join(" ")}`);
    if (type !== "person") {
      for (const key of keys) out.push(`k:${type}:${key}`);
      continue;
    }
    out.push(`t:${keys[0]!}`, `t:${keys.at(-1)!}`);
    if (o.documentId !== undefined) for (const key of keys) out.push(`d:${o.documentId}\u0000${key}`);
  }
  return out;
}
