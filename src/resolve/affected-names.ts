import type { EntityType } from "../core/entity-types.js";
import type { ResolutionConstraints } from "./constraints.js";
import { requiredKeys } from "./entity-containment.js";
import { keyedWords } from "./entity-keys.js";
import { NameGraph, type LinkedName } from "./name-graph.js";
import type { VotedOccurrence } from "./type-vote.js";

/** What changed since the last corpus stage, as resolution sees it. */
export interface NameSeeds {
  /** Indices of current occurrences that are new or changed, voted another type, or belong to an entity that changed. */
  occurrences: ReadonlySet<number>;
  /** Names that no longer occur (removed documents, names gone from a document). */
  removed: readonly { type: EntityType; name: string }[];
  /** Markup identifiers removed documents gave their names. */
  refs: readonly string[];
}

export interface AffectedNames {
  /** Occurrences to resolve again: those linked to a seed, and `context`. */
  affected: Set<number>;
  /**
   * Full person names resolved again only because a short form to resolve again may go to them:
   * nothing they are linked to changed, so only the short forms their entities hold may differ.
   */
  context: Set<number>;
}

/**
 * The occurrences whose resolution may differ from the last corpus stage's (see "Incremental corpus
 * stage" in docs/design.md): names are linked through anything a rule compares, and a linked set
 * holding a seed is resolved again. A one-word person name is not linked to the full names it may
 * be a short form of: it reads them (their sets, counts and titles) but they never read it, so it is
 * resolved again when they may have changed, and they are resolved with it, as context, when it is.
 * The titles it brings its bearer are read by the other titled short forms of that bearer.
 */
export function affectedNames(
  voted: readonly VotedOccurrence[],
  seeds: NameSeeds,
  constraints: ResolutionConstraints,
): AffectedNames {
  const names: LinkedName[] = [...voted, ...seeds.removed];
  const graph = new NameGraph({
    names,
    current: voted.length,
    refs: seeds.refs,
    pairs: [...constraints.sameAs.map((s) => s.pair), ...constraints.notSameAs].map(
      ([a, b]) => [`s:${a.type}:${a.key}`, `s:${b.type}:${b.key}`] as const,
    ),
    seededDocuments: new Set([...seeds.occurrences].map((i) => voted[i]!.documentId)),
  });
  const direct = [...seeds.occurrences];
  for (let i = voted.length; i < names.length; i++) direct.push(i);
  const dirty = new Set<number>();
  for (const i of [...direct, ...holdersOfCountedKeys(names, graph, direct)]) dirty.add(graph.linkedSet(i));
  seeds.refs.forEach((_, k) => dirty.add(graph.linkedSet(graph.refNode(k))));
  const read = dirtyShortForms(graph, dirty);
  readJoinedShortForms(graph, dirty, read);
  const affected = new Set<number>();
  const context = new Set<number>();
  for (const set of [...dirty, ...read])
    for (const i of graph.finalMembers[set]!) {
      if (i >= voted.length) continue;
      affected.add(i);
      if (!dirty.has(set)) context.add(i);
    }
  return { affected, context };
}

/**
 * Marks dirty, to a fixpoint, the sets of one-word person names whose set holds no full name
 * ("open": never joined to their bearers) that read a dirty set of bearers (`NameGraph.bearers`),
 * and of titled ones sharing a set of bearers with a dirty titled one. Returns the bearer sets dirty
 * short forms read.
 */
function dirtyShortForms(graph: NameGraph, dirty: Set<number>): Set<number> {
  const done = new Set<number>();
  const read = new Set<number>();
  const queue = [...dirty];
  const markDirty = (set: number) => {
    if (dirty.has(set)) return;
    dirty.add(set);
    queue.push(set);
  };
  const process = (s: number) => {
    if (done.has(s)) return;
    done.add(s);
    markDirty(graph.linkedSet(s));
    const bearerSets = new Set(graph.bearers(s).map((b) => graph.linkedSet(b)));
    for (const set of bearerSets) read.add(set);
    if (!graph.titled(s)) return;
    for (const set of bearerSets)
      for (const t of graph.openReaders(set)) if (graph.titled(t)) markDirty(graph.linkedSet(t));
  };
  for (let q = 0; q < queue.length; q++) {
    const set = queue[q]!;
    for (const i of graph.finalMembers[set]!) if (graph.isOpenShort(i)) process(i);
    for (const s of graph.openReaders(set)) process(s);
  }
  return read;
}

/**
 * Adds to the sets resolved again as context those of short forms joined to another name before
 * their turn (by an identifier or a declared other name) that may go to a bearer resolved again, to a
 * fixpoint: the reason of such a short form's join is recorded on its bearer (`Clusters.join`), so it
 * is found again only if the short form is resolved again with it. The bearers of every short form of
 * a set added are read too, so that it resolves as it did.
 */
function readJoinedShortForms(graph: NameGraph, dirty: ReadonlySet<number>, read: Set<number>): void {
  const added = new Set<number>();
  const queue = [...read];
  const markRead = (set: number) => {
    if (read.has(set)) return;
    read.add(set);
    queue.push(set);
  };
  for (let q = 0; q < queue.length; q++) {
    for (const s of graph.openReaders(queue[q]!)) {
      const set = graph.linkedSet(s);
      if (!graph.joinedBefore(s) || dirty.has(set) || added.has(set)) continue;
      added.add(set);
      markRead(set);
      for (const t of graph.finalMembers[set]!)
        if (graph.isOpenShort(t)) for (const b of graph.bearers(t)) markRead(graph.linkedSet(b));
    }
  }
}

/**
 * Containment looks the containers of a name of two words or more up under its key fewest names of
 * its type hold: a change of those counts (a seed added, removed, or voted another type) may change
 * what a body or place name holding one of its keys finds, under any type it may have had, unless
 * each of its keys is one its containers all hold (`requiredKeys`), so that any of them finds them all.
 */
function holdersOfCountedKeys(names: readonly LinkedName[], graph: NameGraph, seeds: number[]): number[] {
  const holders: number[] = [];
  for (const type of ["organization", "place"] as const) {
    const counted = new Set(seeds.flatMap((seed) => keyedWords(names[seed]!.name, type).map((part) => part.key)));
    for (const key of counted)
      for (const spelling of graph.spellingsHolding(type, key))
        if (spelling.keys.length >= 2 && requiredKeys(spelling, type).length < spelling.keys.length)
          holders.push(spelling.i);
  }
  return holders;
}
