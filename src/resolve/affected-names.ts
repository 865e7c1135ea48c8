import { ENTITY_TYPES, type EntityType } from "../core/entity-types.js";
import type { ResolutionConstraints } from "./constraints.js";
import { contains, requiredKeys } from "./entity-containment.js";
import { titleWords } from "./entities.js";
import {
  bearersInCorpus,
  bearersInDocument,
  fullNamesByEnds,
  isGivenNameTitled,
  type FullNamesByEnds,
  type PersonNameFields,
  type ShortFormFields,
} from "./entity-short-names.js";
import { keyedWords, vowelPattern } from "./entity-keys.js";
import { acronymLetters, nameInitials } from "./entity-acronyms.js";
import type { VotedOccurrence } from "./type-vote.js";
import type { NameOccurrence } from "./types.js";
import { UnionFind } from "./union-find.js";

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

type LinkedName = Pick<NameOccurrence, "type" | "name"> &
  Partial<Pick<NameOccurrence, "documentId" | "aliasOf" | "refs" | "roles">>;

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
  // Names recur in many documents: each spelling is keyed once, its entries shared.
  const keyedOnce = new Map<string, KeyedTypes>();
  const keyed = names.map((o, i) => {
    const current = i < voted.length;
    const spelling = `${current ? o.type : ""}\u0000${o.name}`;
    let entry = keyedOnce.get(spelling);
    if (entry === undefined) keyedOnce.set(spelling, (entry = keyedTypes(o, current)));
    return entry;
  });
  const acronyms = new Set(names.flatMap((o) => acronymLetters(o.name) ?? []));
  const linked = names.map((o, i) => links(o, keyed[i]!, acronyms));
  for (const ref of seeds.refs) linked.push([`r:${ref}`]);
  const seededUpTo = linked.length;
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
  linkContained(names, keyed, sets);
  const seededDocuments = new Set([...seeds.occurrences].map((i) => voted[i]!.documentId));
  const shorts = shortForms(names, keyed, sets, seededDocuments);
  const dirty = new Set<number>();
  const direct = [...seeds.occurrences];
  for (let i = voted.length; i < names.length; i++) direct.push(i);
  for (const i of [...direct, ...holdersOfCountedKeys(names, keyed, direct)]) dirty.add(sets.find(i));
  for (let i = names.length; i < seededUpTo; i++) dirty.add(sets.find(i));
  const read = dirtyShortForms(shorts, dirty, sets);
  readJoinedShortForms(shorts, dirty, read, sets, joinedBefore(linked, names.length));
  const affected = new Set<number>();
  const context = new Set<number>();
  for (let i = 0; i < voted.length; i++) {
    const root = sets.find(i);
    if (dirty.has(root) || read.has(root)) affected.add(i);
    if (!dirty.has(root) && read.has(root)) context.add(i);
  }
  return { affected, context };
}

/** A one-word person name and the sets of the full names it may be a short form of. */
interface ShortForm {
  i: number;
  titled: boolean;
  bearers: ReadonlySet<number>;
}

/**
 * The one-word person names whose set holds no full person name, with the sets of their possible
 * bearers: the full names `joinShortNames` may pick for them, in their document, else in the corpus.
 * In a document holding a seed (whose names' types, so its bearers, may have changed since the last
 * stage) and for a removed name, any full name holding its word in the document, and by first and
 * last word in the corpus. One whose set holds a full name (through an identifier, a declared other
 * name or the user's same-as) may join two of them, so it is linked to its bearers, to a fixpoint.
 */
function shortForms(
  names: readonly LinkedName[],
  keyed: readonly KeyedTypes[],
  sets: UnionFind,
  seededDocuments: ReadonlySet<string>,
): ShortForm[] {
  const people = names.map((o, i) => {
    const person = keyed[i]!.find((k) => k.type === "person");
    if (person === undefined) return undefined;
    return {
      keys: person.keys,
      vowels: vowelPattern(o.name),
      partVowels: person.words.map(vowelPattern),
      titles: o.roles === undefined ? undefined : titleWords(o.roles),
      occurrence: o,
    };
  });
  const full = people.flatMap((p, i) => (p !== undefined && p.keys.length >= 2 ? [i] : []));
  // The bearer rules only consider full names holding the short form's word.
  const fullByDocumentKey = new Map<string, number[]>();
  for (const i of full)
    for (const key of new Set(people[i]!.keys)) push(fullByDocumentKey, `${names[i]!.documentId}\u0000${key}`, i);
  const ends = fullNamesByEnds(people, full);
  const short: { i: number; bearers: number[]; titled: boolean }[] = [];
  people.forEach((p, i) => {
    if (p === undefined || p.keys.length !== 1) return;
    const { documentId } = names[i]!;
    const inDocument = fullByDocumentKey.get(`${documentId}\u0000${p.keys[0]!}`) ?? [];
    const { titles } = p;
    const bearers =
      titles === undefined || documentId === undefined || seededDocuments.has(documentId)
        ? anyBearers(p.keys[0]!, titles, inDocument, ends)
        : bearersOf({ ...p, titles }, inDocument, ends, people);
    short.push({ i, bearers, titled: titles === undefined || titles.length > 0 });
  });
  let open = short;
  for (;;) {
    const withFullName = new Set(full.map((i) => sets.find(i)));
    const anchored = open.filter((s) => withFullName.has(sets.find(s.i)));
    if (anchored.length === 0) break;
    for (const s of anchored) for (const j of s.bearers) sets.union(s.i, j);
    open = open.filter((s) => !withFullName.has(sets.find(s.i)));
  }
  return open.map((s) => ({ i: s.i, titled: s.titled, bearers: new Set(s.bearers.map((j) => sets.find(j))) }));
}

/** The full names `joinShortNames` may pick for a one-word name. */
function bearersOf(
  name: ShortFormFields,
  inDocument: readonly number[],
  ends: FullNamesByEnds,
  people: readonly (PersonNameFields | undefined)[],
): number[] {
  const found = bearersInDocument(name, inDocument, people);
  return found.length > 0 ? found : bearersInCorpus(name, ends, people);
}

/**
 * The full names of the document holding `key` (`inDocument`), and the corpus's by their first (not
 * under a surname's title) or last word.
 */
function anyBearers(
  key: string,
  titles: string[] | undefined,
  inDocument: readonly number[],
  ends: FullNamesByEnds,
): number[] {
  const givenName = titles === undefined ? undefined : isGivenNameTitled({ titles });
  return [
    ...inDocument,
    ...(givenName !== false ? (ends.first.get(key) ?? []) : []),
    ...(givenName !== true ? (ends.last.get(key) ?? []) : []),
  ];
}

/**
 * Marks dirty, to a fixpoint, the sets of short forms that read a dirty set of bearers, and of
 * titled short forms sharing a bearer with a dirty titled one. Returns the bearer sets dirty short
 * forms read.
 */
function dirtyShortForms(shorts: readonly ShortForm[], dirty: Set<number>, sets: UnionFind): Set<number> {
  const titledByBearer = new Map<number, ShortForm[]>();
  for (const s of shorts) if (s.titled) for (const b of s.bearers) push(titledByBearer, b, s);
  const done = new Set<ShortForm>();
  for (let changed = true; changed;) {
    changed = false;
    for (const s of shorts) {
      if (done.has(s) || !(dirty.has(sets.find(s.i)) || [...s.bearers].some((b) => dirty.has(b)))) continue;
      done.add(s);
      changed = true;
      dirty.add(sets.find(s.i));
      if (!s.titled) continue;
      for (const b of s.bearers) for (const t of titledByBearer.get(b) ?? []) dirty.add(sets.find(t.i));
    }
  }
  const read = new Set<number>();
  for (const s of done) for (const b of s.bearers) read.add(b);
  return read;
}

/**
 * Adds to the sets resolved again as context those of short forms joined to another name before
 * their turn (by an identifier or a declared other name) that may go to a bearer resolved again, to a
 * fixpoint: the reason of such a short form's join is recorded on its bearer (`Clusters.join`), so it
 * is found again only if the short form is resolved again with it. The bearers of every short form of
 * a set added are read too, so that it resolves as it did.
 */
function readJoinedShortForms(
  shorts: readonly ShortForm[],
  dirty: ReadonlySet<number>,
  read: Set<number>,
  sets: UnionFind,
  joined: (i: number) => boolean,
): void {
  const inSet = new Map<number, ShortForm[]>();
  for (const s of shorts) push(inSet, sets.find(s.i), s);
  const added = new Set<number>();
  const add = (root: number) => {
    if (dirty.has(root) || added.has(root)) return;
    added.add(root);
    read.add(root);
    for (const t of inSet.get(root) ?? []) for (const b of t.bearers) read.add(b);
  };
  let open = shorts.filter((s) => joined(s.i) && !dirty.has(sets.find(s.i)));
  for (let grew = true; grew;) {
    grew = false;
    const still: ShortForm[] = [];
    for (const s of open) {
      if (![...s.bearers].some((b) => read.has(b))) still.push(s);
      else {
        grew = true;
        add(sets.find(s.i));
      }
    }
    open = still;
  }
}

/** Whether a name shares an identifier or a declared other name with another: joined before short forms are. */
function joinedBefore(linked: readonly string[][], names: number): (i: number) => boolean {
  const holders = new Map<string, number>();
  for (const keys of linked) for (const key of keys) holders.set(key, (holders.get(key) ?? 0) + 1);
  return (i) =>
    i < names && linked[i]!.some((key) => (key.startsWith("r:") || key.startsWith("a:")) && holders.get(key)! > 1);
}

/** A name's words and keys under the type it was voted, or, for a removed name, under each type. */
type KeyedTypes = { type: EntityType; words: string[]; keys: string[] }[];

function keyedTypes(o: LinkedName, current: boolean): KeyedTypes {
  return (current ? [o.type] : ENTITY_TYPES).flatMap((type) => {
    const parts = keyedWords(o.name, type);
    return parts.length === 0 ? [] : [{ type, words: parts.map((p) => p.word), keys: parts.map((p) => p.key) }];
  });
}

/**
 * Joins each body or place name with the longer names containing it, as `joinContained` finds them.
 * The occurrences of one spelling are one set already (their keys link them), so each pair of
 * spellings is compared once: anywhere, and in the first document holding both.
 */
function linkContained(names: readonly LinkedName[], keyed: readonly KeyedTypes[], sets: UnionFind): void {
  for (const type of ["organization", "place"] as const) {
    const entries = names.flatMap((o, i) =>
      keyed[i]!.filter((k) => k.type === type).map((k) => ({ i, documentId: o.documentId, ...k, occurrence: o })),
    );
    const spellings = new Map<string, number>();
    const firstOf: number[] = [];
    const spellingOf = entries.map((e, n) => {
      let id = spellings.get(e.occurrence.name);
      if (id === undefined) {
        spellings.set(e.occurrence.name, (id = spellings.size));
        firstOf.push(n);
      }
      return id;
    });
    const link = (
      long: (typeof entries)[number],
      short: (typeof entries)[number],
      where: "anywhere" | "same document",
    ) => {
      if (sets.find(short.i) !== sets.find(long.i) && contains(long, short, type, where)) sets.union(short.i, long.i);
    };
    // A longer name holds every key a name requires: any of them finds all its containers.
    const byKey = new Map<string, number[]>();
    for (const n of firstOf) for (const key of new Set(entries[n]!.keys)) push(byKey, key, n);
    for (const n of firstOf) {
      const short = entries[n]!;
      if (short.keys.length < 2) continue;
      const rarest = requiredKeys(short, type).sort(
        (x, y) => (byKey.get(x)?.length ?? 0) - (byKey.get(y)?.length ?? 0),
      )[0];
      for (const m of rarest === undefined ? [] : (byKey.get(rarest) ?? []))
        if (entries[m]!.keys.length > short.keys.length) link(entries[m]!, short, "anywhere");
    }
    const byDocumentKey = new Map<string, number[]>();
    entries.forEach((e, n) => {
      if (e.documentId !== undefined)
        for (const key of new Set(e.keys)) push(byDocumentKey, `${e.documentId}\u0000${key}`, n);
    });
    const comparedInDocument = new Set<number>();
    entries.forEach((short, n) => {
      if (short.documentId === undefined) return;
      for (const m of byDocumentKey.get(`${short.documentId}\u0000${short.keys[0]!}`) ?? []) {
        if (entries[m]!.keys.length <= short.keys.length) continue;
        const pair = spellingOf[m]! * spellings.size + spellingOf[n]!;
        if (comparedInDocument.has(pair)) continue;
        comparedInDocument.add(pair);
        link(entries[m]!, short, "same document");
      }
    });
  }
}

/**
 * Containment looks the containers of a name of two words or more up under its key fewest names of
 * its type hold: a change of those counts (a seed added, removed, or voted another type) may change
 * what a body or place name holding one of its keys finds, under any type it may have had, unless
 * each of its keys is one its containers all hold (`requiredKeys`), so that any of them finds them all.
 */
function holdersOfCountedKeys(names: readonly LinkedName[], keyed: readonly KeyedTypes[], seeds: number[]): number[] {
  const counted = new Set<string>();
  for (const seed of seeds) {
    for (const type of ["organization", "place"] as const)
      for (const { key } of keyedWords(names[seed]!.name, type)) counted.add(`${type}:${key}`);
  }
  return names.flatMap((_, i) =>
    keyed[i]!.some(
      (entry) =>
        entry.type !== "person" &&
        entry.keys.length >= 2 &&
        requiredKeys(entry, entry.type).length < entry.keys.length &&
        entry.keys.some((key) => counted.has(`${entry.type}:${key}`)),
    )
      ? [i]
      : [],
  );
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * What rules other than short forms compare: identifiers, declared other names, keys, first and last
 * keys, an acronym's letters and the initials of names that spell one of the corpus's acronyms.
 */
function links(o: LinkedName, keyed: KeyedTypes, acronyms: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const ref of o.refs ?? []) out.push(`r:${ref}`);
  const letters = acronymLetters(o.name);
  for (const { type, keys, words } of keyed) {
    out.push(`s:${type}:${keys.join(" ")}`);
    const initials = letters ?? nameInitials(words);
    if (type !== "person" && initials !== undefined && acronyms.has(initials)) out.push(`i:${type}:${initials}`);
    if (o.documentId !== undefined) {
      out.push(`a:${type}:${o.documentId}\u0000${o.name}`);
      if (o.aliasOf) out.push(`a:${type}:${o.documentId}\u0000${o.aliasOf}`);
    }
    if (type === "person" && keys.length >= 2) out.push(`f:${keys[0]!} ${keys.at(-1)!}`);
  }
  return out;
}
