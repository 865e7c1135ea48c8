import { ENTITY_TYPES, type EntityType } from "../core/entity-types.js";
import { acronymLetters, nameInitials } from "./entity-acronyms.js";
import { contains, requiredKeys } from "./entity-containment.js";
import { titleWords } from "./entities.js";
import {
  bearersInCorpus,
  bearersInDocument,
  isGivenNameTitled,
  type FullNamesByEnds,
  type PersonNameFields,
} from "./entity-short-names.js";
import { keyedWords, vowelPattern } from "./entity-keys.js";
import type { NameOccurrence } from "./types.js";

export type LinkedName = Pick<NameOccurrence, "type" | "name"> &
  Partial<Pick<NameOccurrence, "documentId" | "aliasOf" | "refs" | "roles">>;

/** A name's words and keys under the type it was voted, or, for a removed name, under each type. */
export type KeyedTypes = { type: EntityType; words: string[]; keys: string[] }[];

type Person = PersonNameFields & { titles: string[] | undefined };

/** A body or place spelling, as containment compares it. */
interface Spelling {
  /** The first name of that spelling and type. */
  i: number;
  keys: string[];
  words: string[];
  occurrence: { name: string };
}

const CONTAINED_TYPES = ["organization", "place"] as const;

/** What the graph is asked about: the current names, the removed ones, and what else links them. */
export interface GraphNames {
  /** The current names (voted), then the removed ones (`current` of them are current). */
  names: readonly LinkedName[];
  current: number;
  /** Markup identifiers removed documents gave their names: each an entry of its own. */
  refs: readonly string[];
  /** The user's same-as and not-same-as pairs, as the keys (`s:type:key`) of their two names. */
  pairs: readonly (readonly [string, string])[];
  /** Documents holding a seed: their short forms may go to any full name holding their word. */
  seededDocuments: ReadonlySet<string>;
}

/**
 * The names of the corpus as the rules of "Incremental corpus stage" (docs/design.md) link them,
 * searched outward from the names asked about: `component` is the set a name is linked to by keys,
 * identifiers, declared other names and containment (a base set), `linkedSet` the base sets a
 * short form whose base set holds a full name joins with its bearers'. Only the sets asked for are
 * ever built. Nodes are the names, then one per removed identifier, then one per pair. What depends
 * on the spelling alone (keys, initials, first and last keys) is made once a spelling.
 */
export class NameGraph {
  private readonly names: readonly LinkedName[];
  private readonly current: number;
  private readonly refs: readonly string[];
  private readonly pairs: readonly (readonly [string, string])[];
  private readonly seededDocuments: ReadonlySet<string>;
  /** A spelling is a current name's type and name, or a removed name (keyed under every type). */
  private readonly spellingIds = new Map<string, number>();
  private readonly spellingOf: Int32Array;
  private readonly keyedOf: KeyedTypes[] = [];
  /** What rules compare of each spelling: its keys, initials, first and last keys. */
  private readonly keysOf: string[][] = [];
  private readonly namesOf: number[][] = [];
  private readonly spellingHolders = new Map<string, number[]>();
  private readonly pairHolders = new Map<string, number[]>();
  private readonly refHolders = new Map<string, number[]>();
  /** Current names by document and spelling, and those declaring another name by type, document and either name. */
  private readonly inDocument = new Map<string, Map<number, number[]>>();
  private readonly declared = new Map<string, number[]>();
  private readonly expandedKeys = new Set<string>();
  private readonly expandedSpellingNames = new Set<number>();
  private readonly baseOf: Int32Array;
  private readonly members: number[][] = [];
  private readonly holdsFull: boolean[] = [];
  private readonly finalOf: number[] = [];
  readonly finalMembers: number[][] = [];
  private readonly spellings = new Map<EntityType, Map<string, Spelling>>();
  private readonly byKey = new Map<EntityType, Map<string, Spelling[]>>();
  private readonly byDocument = new Map<EntityType, Map<string, number[]>>();
  private readonly rarest = new Map<Spelling, string | undefined>();
  private readonly comparedInDocument = new Map<string, boolean>();
  private readonly expandedSpellings = new Set<Spelling>();
  private readonly expandedInDocument = new Set<string>();
  private readonly people: (Person | undefined)[] = [];
  private readonly fullInDocument = new Map<string | undefined, number[]>();
  private readonly fullByDocumentKey = new Map<string | undefined, Map<string, number[]>>();
  private readonly ends: { first: Map<string, number[]>; last: Map<string, number[]> } = {
    first: new Map(),
    last: new Map(),
  };
  private readonly shortsByKey = new Map<string, number[]>();
  private readonly bearerMemo = new Map<number, number[]>();
  private readonly readers = new Map<number, number[]>();
  private readonly expandedBearerKeys = new Set<string>();
  private readonly openReadersMemo = new Map<number, number[]>();

  constructor(graph: GraphNames) {
    ({ names: this.names, current: this.current, refs: this.refs, pairs: this.pairs } = graph);
    this.seededDocuments = graph.seededDocuments;
    const { names } = this;
    this.spellingOf = new Int32Array(names.length);
    const spellingNames: string[] = [];
    names.forEach((o, i) => {
      const current = i < this.current;
      const tag = `${current ? o.type : ""}\u0000${o.name}`;
      let id = this.spellingIds.get(tag);
      if (id === undefined) {
        this.spellingIds.set(tag, (id = this.keyedOf.length));
        this.keyedOf.push(keyedTypes(o, current));
        this.keysOf.push([]);
        this.namesOf.push([]);
        spellingNames.push(o.name);
      }
      this.spellingOf[i] = id;
      this.namesOf[id]!.push(i);
      for (const ref of o.refs ?? []) push(this.refHolders, ref, i);
      if (o.documentId === undefined || this.keyedOf[id]!.length === 0) return;
      let spellingsHere = this.inDocument.get(o.documentId);
      if (spellingsHere === undefined) this.inDocument.set(o.documentId, (spellingsHere = new Map()));
      push(spellingsHere, id, i);
      if (o.aliasOf)
        for (const other of [o.name, o.aliasOf]) push(this.declared, `${o.type}\u0000${o.documentId}\u0000${other}`, i);
    });
    const acronyms = new Set(spellingNames.flatMap((name) => acronymLetters(name) ?? []));
    this.keyedOf.forEach((keyed, id) => {
      this.keysOf[id] = spellingLinks(spellingNames[id]!, keyed, acronyms);
      for (const key of this.keysOf[id]!) push(this.spellingHolders, key, id);
    });
    this.refs.forEach((ref, k) => push(this.refHolders, ref, names.length + k));
    this.pairs.forEach((keys, k) => {
      for (const key of keys) push(this.pairHolders, key, names.length + this.refs.length + k);
    });
    this.baseOf = new Int32Array(names.length + this.refs.length + this.pairs.length).fill(-1);
    for (const type of CONTAINED_TYPES) this.indexContained(type);
    names.forEach((o, i) => {
      const person = this.personKeys(i);
      if (person === undefined) return;
      if (person.length === 1) push(this.shortsByKey, person[0]!, i);
      else if (person.length >= 2) {
        push(this.fullInDocument, o.documentId, i);
        push(this.ends.first, person[0]!, i);
        push(this.ends.last, person.at(-1)!, i);
      }
    });
  }

  /** The entry of the `k`-th removed identifier. */
  refNode(k: number): number {
    return this.names.length + k;
  }

  /** Whether a name shares an identifier or a declared other name with another: joined before short forms are. */
  joinedBefore(i: number): boolean {
    if (i >= this.names.length) return false;
    if ((this.names[i]!.refs ?? []).some((ref) => this.refHolders.get(ref)!.length > 1)) return true;
    return this.declaredWith(i).some((j) => j !== i);
  }

  /** The first names of the body or place spellings of `type` holding `key`. */
  spellingsHolding(type: EntityType, key: string): readonly { i: number; keys: string[]; words: string[] }[] {
    return this.byKey.get(type)?.get(key) ?? [];
  }

  /** The set of `i` once short forms whose set holds a full name joined their bearers. */
  linkedSet(i: number): number {
    const base = this.component(i);
    const known = this.finalOf[base];
    if (known !== undefined) return known;
    const id = this.finalMembers.length;
    const all: number[] = [];
    this.finalMembers.push(all);
    const queue = [base];
    this.finalOf[base] = id;
    for (let q = 0; q < queue.length; q++) {
      const c = queue[q]!;
      all.push(...this.members[c]!);
      if (!this.holdsFullName(c)) continue;
      const next: number[] = [];
      for (const m of this.members[c]!) {
        if (this.isShort(m)) next.push(...this.bearers(m));
        if (this.isFull(m)) for (const s of this.readersOf(m)) if (this.holdsFullName(this.component(s))) next.push(s);
      }
      for (const n of next) {
        const b = this.component(n);
        if (this.finalOf[b] === undefined) {
          this.finalOf[b] = id;
          queue.push(b);
        }
      }
    }
    return id;
  }

  /** One-word person names whose base set holds no full name: they are never joined to their bearers here. */
  isOpenShort(i: number): boolean {
    return this.isShort(i) && !this.holdsFullName(this.component(i));
  }

  isShort(i: number): boolean {
    return i < this.names.length && this.personKeys(i)?.length === 1;
  }

  isFull(i: number): boolean {
    return i < this.names.length && (this.personKeys(i)?.length ?? 0) >= 2;
  }

  /** Whether a short form may go to no bearer but those of its title ("titled", or a removed name). */
  titled(i: number): boolean {
    const titles = this.person(i).titles;
    return titles === undefined || titles.length > 0;
  }

  /**
   * The full names `joinShortNames` may pick for a one-word name: in its document, else in the
   * corpus; in a document holding a seed and for a removed name, any full name holding its word in
   * the document, and by first and last word in the corpus.
   */
  bearers(s: number): number[] {
    const known = this.bearerMemo.get(s);
    if (known) return known;
    const p = this.person(s);
    const key = p.keys[0]!;
    const { documentId } = this.names[s]!;
    const inDocument = this.fullHolding(documentId, key);
    for (const j of inDocument) this.person(j);
    let found: number[];
    if (p.titles === undefined || documentId === undefined || this.seededDocuments.has(documentId)) {
      const givenName = p.titles === undefined ? undefined : isGivenNameTitled({ titles: p.titles });
      found = [
        ...inDocument,
        ...(givenName !== false ? (this.ends.first.get(key) ?? []) : []),
        ...(givenName !== true ? (this.ends.last.get(key) ?? []) : []),
      ];
    } else {
      const name = { ...p, titles: p.titles };
      found = bearersInDocument(name, inDocument, this.people);
      if (found.length === 0) {
        for (const j of this.ends.first.get(key) ?? []) this.person(j);
        for (const j of this.ends.last.get(key) ?? []) this.person(j);
        found = bearersInCorpus(name, this.ends as FullNamesByEnds, this.people);
      }
    }
    this.bearerMemo.set(s, found);
    return found;
  }

  /** The full person names of a document holding `key`, in the order of the names. */
  private fullHolding(documentId: string | undefined, key: string): readonly number[] {
    let byKey = this.fullByDocumentKey.get(documentId);
    if (byKey === undefined) {
      this.fullByDocumentKey.set(documentId, (byKey = new Map()));
      for (const j of this.fullInDocument.get(documentId) ?? [])
        for (const k of new Set(this.personKeys(j))) push(byKey, k, j);
    }
    return byKey.get(key) ?? [];
  }

  /** The one-word names that may go to the full name `b`. */
  readersOf(b: number): readonly number[] {
    for (const key of new Set(this.personKeys(b))) {
      if (this.expandedBearerKeys.has(key)) continue;
      this.expandedBearerKeys.add(key);
      for (const s of this.shortsByKey.get(key) ?? [])
        for (const j of new Set(this.bearers(s))) push(this.readers, j, s);
    }
    return this.readers.get(b) ?? [];
  }

  /** The open short forms with a bearer in the set `linkedSet` numbered. */
  openReaders(set: number): readonly number[] {
    let out = this.openReadersMemo.get(set);
    if (out) return out;
    out = [];
    for (const b of this.finalMembers[set]!)
      if (this.isFull(b)) for (const s of this.readersOf(b)) if (this.isOpenShort(s)) out.push(s);
    this.openReadersMemo.set(set, out);
    return out;
  }

  /** The base set of `i`: names linked by what rules other than short forms compare. */
  component(i: number): number {
    const known = this.baseOf[i]!;
    if (known >= 0) return known;
    const id = this.members.length;
    const all = [i];
    this.members.push(all);
    this.baseOf[i] = id;
    for (let q = 0; q < all.length; q++) {
      for (const n of this.neighbours(all[q]!)) {
        if (this.baseOf[n]! >= 0) continue;
        this.baseOf[n] = id;
        all.push(n);
      }
    }
    return id;
  }

  private holdsFullName(c: number): boolean {
    let holds = this.holdsFull[c];
    if (holds === undefined) this.holdsFull[c] = holds = this.members[c]!.some((m) => this.isFull(m));
    return holds;
  }

  private neighbours(i: number): number[] {
    const out: number[] = [];
    const { length } = this.names;
    if (i >= length + this.refs.length) {
      for (const key of this.pairs[i - length - this.refs.length]!) this.expandKey(key, out);
      return out;
    }
    if (i >= length) {
      this.expandRef(this.refs[i - length]!, out);
      return out;
    }
    const spelling = this.spellingOf[i]!;
    if (!this.expandedSpellingNames.has(spelling)) {
      this.expandedSpellingNames.add(spelling);
      out.push(...this.namesOf[spelling]!);
      for (const key of this.keysOf[spelling]!) this.expandKey(key, out);
    }
    for (const ref of this.names[i]!.refs ?? []) this.expandRef(ref, out);
    out.push(...this.declaredWith(i));
    for (const type of CONTAINED_TYPES) this.containing(i, type, out);
    return out;
  }

  private expandKey(key: string, out: number[]): void {
    if (this.expandedKeys.has(key)) return;
    this.expandedKeys.add(key);
    for (const spelling of this.spellingHolders.get(key) ?? []) out.push(...this.namesOf[spelling]!);
    out.push(...(this.pairHolders.get(key) ?? []));
  }

  private expandRef(ref: string, out: number[]): void {
    if (this.expandedKeys.has(`r:${ref}`)) return;
    this.expandedKeys.add(`r:${ref}`);
    out.push(...this.refHolders.get(ref)!);
  }

  /** The names sharing a declared other name with `i` in its document (`joinAliases`), `i` among them. */
  private declaredWith(i: number): number[] {
    const o = this.names[i]!;
    if (o.documentId === undefined || this.keyed(i).length === 0) return [];
    const here = this.inDocument.get(o.documentId)!;
    const found = [...here.get(this.spellingOf[i]!)!];
    for (const other of o.aliasOf ? [o.name, o.aliasOf] : [o.name])
      found.push(...(this.declared.get(`${o.type}\u0000${o.documentId}\u0000${other}`) ?? []));
    const aliasSpelling = o.aliasOf ? this.spellingIds.get(`${o.type}\u0000${o.aliasOf}`) : undefined;
    if (aliasSpelling !== undefined) found.push(...(here.get(aliasSpelling) ?? []));
    return found;
  }

  /** The names of `type` containing `i`, or contained in it, anywhere or in its document. */
  private containing(i: number, type: EntityType, out: number[]): void {
    const spelling = this.spellings.get(type)!.get(this.names[i]!.name);
    if (spelling === undefined || !this.keyed(i).some((k) => k.type === type)) return;
    if (!this.expandedSpellings.has(spelling)) {
      this.expandedSpellings.add(spelling);
      for (const s of this.containedAnywhere(type, spelling)) out.push(s.i);
    }
    const { documentId } = this.names[i]!;
    if (documentId === undefined) return;
    const visit = `${type}\u0000${documentId}\u0000${spelling.occurrence.name}`;
    if (this.expandedInDocument.has(visit)) return;
    this.expandedInDocument.add(visit);
    const spellings = this.spellings.get(type)!;
    for (const j of this.byDocument.get(type)!.get(documentId) ?? []) {
      const e = spellings.get(this.names[j]!.name)!;
      const [long, short] = e.keys.length > spelling.keys.length ? [e, spelling] : [spelling, e];
      if (long.keys.length > short.keys.length && long.keys.includes(short.keys[0]!))
        if (this.containsInDocument(type, long, short)) out.push(j);
    }
  }

  /** Spellings containing this one anywhere (found under its rarest required key), and those it contains. */
  private containedAnywhere(type: EntityType, spelling: Spelling): Spelling[] {
    const byKey = this.byKey.get(type)!;
    const out: Spelling[] = [];
    const rarest = this.rarestKey(type, spelling);
    for (const long of rarest === undefined ? [] : (byKey.get(rarest) ?? []))
      if (long.keys.length > spelling.keys.length && contains(long, spelling, type, "anywhere")) out.push(long);
    for (const key of new Set(spelling.keys))
      for (const short of byKey.get(key) ?? [])
        if (
          short.keys.length < spelling.keys.length &&
          this.rarestKey(type, short) === key &&
          contains(spelling, short, type, "anywhere")
        )
          out.push(short);
    return out;
  }

  private rarestKey(type: EntityType, spelling: Spelling): string | undefined {
    if (spelling.keys.length < 2) return undefined;
    if (this.rarest.has(spelling)) return this.rarest.get(spelling);
    const byKey = this.byKey.get(type)!;
    const key = requiredKeys(spelling, type).sort(
      (x, y) => (byKey.get(x)?.length ?? 0) - (byKey.get(y)?.length ?? 0),
    )[0];
    this.rarest.set(spelling, key);
    return key;
  }

  private containsInDocument(type: EntityType, long: Spelling, short: Spelling): boolean {
    const pair = `${type}\u0000${long.occurrence.name}\u0000${short.occurrence.name}`;
    let found = this.comparedInDocument.get(pair);
    if (found === undefined) this.comparedInDocument.set(pair, (found = contains(long, short, type, "same document")));
    return found;
  }

  private indexContained(type: EntityType): void {
    const spellings = new Map<string, Spelling>();
    const byKey = new Map<string, Spelling[]>();
    const byDocument = new Map<string, number[]>();
    this.names.forEach((o, i) => {
      const k = this.keyed(i).find((entry) => entry.type === type);
      if (k === undefined) return;
      if (!spellings.has(o.name)) {
        const spelling = { i, keys: k.keys, words: k.words, occurrence: { name: o.name } };
        spellings.set(o.name, spelling);
        for (const key of new Set(k.keys)) push(byKey, key, spelling);
      }
      if (o.documentId !== undefined) push(byDocument, o.documentId, i);
    });
    this.spellings.set(type, spellings);
    this.byKey.set(type, byKey);
    this.byDocument.set(type, byDocument);
  }

  private keyed(i: number): KeyedTypes {
    return this.keyedOf[this.spellingOf[i]!]!;
  }

  private personKeys(i: number): string[] | undefined {
    return this.keyed(i).find((k) => k.type === "person")?.keys;
  }

  private person(i: number): Person {
    let p = this.people[i];
    if (p === undefined) {
      const entry = this.keyed(i).find((k) => k.type === "person")!;
      const o = this.names[i]!;
      p = this.people[i] = {
        keys: entry.keys,
        vowels: vowelPattern(o.name),
        partVowels: entry.words.map(vowelPattern),
        titles: o.roles === undefined ? undefined : titleWords(o.roles),
        occurrence: o,
      };
    }
    return p;
  }
}

function keyedTypes(o: LinkedName, current: boolean): KeyedTypes {
  return (current ? [o.type] : ENTITY_TYPES).flatMap((type) => {
    const parts = keyedWords(o.name, type);
    return parts.length === 0 ? [] : [{ type, words: parts.map((p) => p.word), keys: parts.map((p) => p.key) }];
  });
}

/**
 * What rules other than short forms compare of a spelling: its keys under each type, first and last
 * keys, an acronym's letters and the initials of names that spell one of the corpus's acronyms.
 * Identifiers and declared other names, which belong to a name in its document, are looked up apart.
 */
function spellingLinks(name: string, keyed: KeyedTypes, acronyms: ReadonlySet<string>): string[] {
  const out: string[] = [];
  const letters = acronymLetters(name);
  for (const { type, keys, words } of keyed) {
    out.push(`s:${type}:${keys.join(" ")}`);
    const initials = letters ?? nameInitials(words);
    if (type !== "person" && initials !== undefined && acronyms.has(initials)) out.push(`i:${type}:${initials}`);
    if (type === "person" && keys.length >= 2) out.push(`f:${keys[0]!} ${keys.at(-1)!}`);
  }
  return out;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
