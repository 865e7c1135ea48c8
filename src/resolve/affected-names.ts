import type { EntityType } from "../annotate/mentions/types.js";
import type { ResolutionConstraints } from "./constraints.js";
import { contains, requiredKeys } from "./entity-containment.js";
import { titleWords } from "./entities.js";
import { isGivenNameTitled } from "./entity-short-names.js";
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
  Partial<Pick<NameOccurrence, "documentId" | "aliasOf" | "refs" | "roles">>;

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
    // A gazetteer's reading of a name the form made a person's is a vote for place (see voteTypes).
    if (o.extractors.some((e) => e.startsWith("gazetteer+"))) types.add("place");
    typesOfName.set(lower, types);
  }
  const names: LinkedName[] = [...occurrences, ...seeds.removed];
  // Names recur in many documents: each spelling is keyed once, its entries shared.
  const keyedOnce = new Map<string, KeyedTypes>();
  const keyed = names.map((o) => {
    const spelling = `${o.documentId === undefined ? "" : o.type}\u0000${o.name}`;
    let entry = keyedOnce.get(spelling);
    if (entry === undefined) keyedOnce.set(spelling, (entry = keyedTypes(o, typesOfName)));
    return entry;
  });
  const consulted = consultedKeys(names, keyed);
  const linked = names.map((o, i) => links(o, keyed[i]!, consulted));
  for (const ref of seeds.refs) linked.push([`r:${ref}`]);
  const seededUpTo = linked.length;
  for (const [a, b] of [...constraints.sameAs.map((s) => s.pair), ...constraints.notSameAs])
    linked.push([`s:${a.type}:${a.key}`, `s:${b.type}:${b.key}`]);
  const sets = new UnionFind(linked.length);
  linkContained(names, keyed, sets);
  const holder = new Map<string, number>();
  linked.forEach((keys, i) => {
    for (const key of keys) {
      const j = holder.get(key);
      if (j === undefined) holder.set(key, i);
      else sets.union(i, j);
    }
  });
  const seeded = new Set<number>();
  const direct = [...seeds.occurrences];
  for (let i = occurrences.length; i < names.length; i++) direct.push(i);
  for (const i of [...direct, ...holdersOfCountedKeys(names, keyed, direct)]) seeded.add(sets.find(i));
  for (let i = names.length; i < seededUpTo; i++) seeded.add(sets.find(i));
  const affected = new Set<number>();
  for (let i = 0; i < occurrences.length; i++) if (seeded.has(sets.find(i))) affected.add(i);
  return affected;
}

const ENTITY_TYPES: readonly EntityType[] = ["person", "organization", "place"];

/** A name's words and keys under each type it may be voted: its own and those its spelling has elsewhere. */
type KeyedTypes = { type: EntityType; words: string[]; keys: string[] }[];

function keyedTypes(o: LinkedName, typesOfName: ReadonlyMap<string, ReadonlySet<EntityType>>): KeyedTypes {
  const types = new Set(
    o.documentId === undefined ? ENTITY_TYPES : [o.type, ...(typesOfName.get(o.name.toLowerCase()) ?? [])],
  );
  return [...types].flatMap((type) => {
    const parts = keyedWords(o.name, type);
    return parts.length === 0 ? [] : [{ type, words: parts.map((p) => p.word), keys: parts.map((p) => p.key) }];
  });
}

/**
 * Keys short forms of person names look up (by last name, or first name under a title that goes
 * with one; by any word in their document): a full name holding one is linked to them.
 */
function consultedKeys(names: readonly LinkedName[], keyed: readonly KeyedTypes[]): Set<string> {
  const consulted = new Set<string>();
  names.forEach((o, i) => {
    for (const { type, keys } of keyed[i]!) {
      if (type !== "person" || keys.length !== 1) continue;
      const titled = o.roles === undefined ? undefined : isGivenNameTitled({ titles: titleWords(o.roles) });
      if (titled !== false) consulted.add(`tf:${keys[0]!}`);
      if (titled !== true) consulted.add(`tl:${keys[0]!}`);
      consulted.add(`d:${o.documentId}\u0000${keys[0]!}`);
    }
  });
  return consulted;
}

/** Joins each body or place name with the longer names containing it, as `joinContained` finds them. */
function linkContained(names: readonly LinkedName[], keyed: readonly KeyedTypes[], sets: UnionFind): void {
  for (const type of ["organization", "place"] as const) {
    const entries = names.flatMap((o, i) =>
      keyed[i]!.filter((k) => k.type === type).map((k) => ({ i, documentId: o.documentId, ...k, occurrence: o })),
    );
    const byKey = new Map<string, number[]>();
    const byDocumentKey = new Map<string, number[]>();
    entries.forEach((e, n) => {
      for (const key of new Set(e.keys)) {
        push(byKey, key, n);
        if (e.documentId !== undefined) push(byDocumentKey, `${e.documentId}\u0000${key}`, n);
      }
    });
    const containers = new Map<string, number[]>();
    const contained = new Map<string, boolean>();
    const inDocument = (long: (typeof entries)[number], short: (typeof entries)[number]) => {
      const pair = `${long.occurrence.name}\u0000${short.occurrence.name}`;
      let answer = contained.get(pair);
      if (answer === undefined) contained.set(pair, (answer = contains(long, short, type, "same document")));
      return answer;
    };
    entries.forEach((short, n) => {
      let anywhere = containers.get(short.occurrence.name);
      if (anywhere === undefined) {
        const rarest = requiredKeys(short, type).sort(
          (x, y) => (byKey.get(x)?.length ?? 0) - (byKey.get(y)?.length ?? 0),
        )[0];
        const candidates = short.keys.length < 2 || rarest === undefined ? [] : (byKey.get(rarest) ?? []);
        anywhere = candidates.filter((m) => contains(entries[m]!, short, type, "anywhere"));
        containers.set(short.occurrence.name, anywhere);
      }
      for (const m of anywhere) sets.union(short.i, entries[m]!.i);
      if (short.documentId === undefined) return;
      for (const m of byDocumentKey.get(`${short.documentId}\u0000${short.keys[0]!}`) ?? [])
        if (m !== n && inDocument(entries[m]!, short)) sets.union(short.i, entries[m]!.i);
    });
  }
}

/**
 * Containment looks a name's containers up under its key fewest names of its type hold: a change of
 * those counts (names added, removed, or voted another type: those spelled like a seed, or like a
 * seed person's last word) may change what any body or place name holding one of their keys finds.
 */
function holdersOfCountedKeys(names: readonly LinkedName[], keyed: readonly KeyedTypes[], seeds: number[]): number[] {
  const spelled = new Map<string, number[]>();
  names.forEach((o, i) => push(spelled, o.name.toLowerCase(), i));
  const counted = new Set<string>();
  for (const seed of seeds) {
    const words = names[seed]!.name.toLowerCase().split(/\s+/);
    const alike = [...(spelled.get(words.join(" ")) ?? []), ...(spelled.get(words.at(-1)!) ?? [])];
    for (const i of [seed, ...alike]) {
      for (const { type, keys } of keyed[i]!)
        if (type !== "person") for (const key of keys) counted.add(`${type}:${key}`);
    }
  }
  return names.flatMap((_, i) =>
    keyed[i]!.some(({ type, keys }) => type !== "person" && keys.some((key) => counted.has(`${type}:${key}`)))
      ? [i]
      : [],
  );
}

function push(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function links(o: LinkedName, keyed: KeyedTypes, consulted: ReadonlySet<string>): string[] {
  const lower = o.name.toLowerCase();
  const words = lower.split(/\s+/);
  const out = [`n:${lower}`];
  if (o.type === "person" && words.length > 1) out.push(`n:${words.at(-1)!}`);
  for (const ref of o.refs ?? []) out.push(`r:${ref}`);
  if (o.documentId !== undefined) {
    out.push(`a:${o.documentId}\u0000${o.name}`);
    if (o.aliasOf) out.push(`a:${o.documentId}\u0000${o.aliasOf}`);
  }
  const ifConsulted = (key: string) => {
    if (consulted.has(key)) out.push(key);
  };
  for (const { type, keys } of keyed) {
    out.push(`s:${type}:${keys.join(" ")}`);
    if (type !== "person") continue;
    if (keys.length >= 2) out.push(`f:${keys[0]!} ${keys.at(-1)!}`);
    ifConsulted(`tf:${keys[0]!}`);
    ifConsulted(`tl:${keys.at(-1)!}`);
    for (const key of keys) ifConsulted(`d:${o.documentId}\u0000${key}`);
  }
  return out;
}
