import type { EntityType } from "../core/entity-types.js";
import { contains, requiredKeys } from "./entity-containment.js";
import { titleWords } from "./entities.js";
import {
  bearersInCorpus,
  bearersInDocument,
  isGivenNameTitled,
  type FullNamesByEnds,
  type PersonNameFields,
} from "./entity-short-names.js";
import { vowelPattern } from "./entity-keys.js";
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

/** The names of one type and document, as containment within a document looks them up. */
type DocumentEntry = Spelling & { spelling: Spelling };

const CONTAINED_TYPES = ["organization", "place"] as const;

/**
 * The names of the corpus as the rules of "Incremental corpus stage" (docs/design.md) link them,
 * searched outward from the names asked about: `component` is the set a name is linked to by keys,
 * identifiers, declared other names and containment (a base set), `linkedSet` the base sets a
 * short form whose base set holds a full name joins with its bearers'. Only the sets asked for are
 * ever built; every index is one pass over the names.
 */
export class NameGraph {
  private readonly holders = new Map<string, number[]>();
  private readonly expandedKeys = new Set<string>();
  private readonly baseOf: Int32Array;
  private readonly members: number[][] = [];
  private readonly finalOf: number[] = [];
  readonly finalMembers: number[][] = [];
  private readonly spellings = new Map<EntityType, Map<string, Spelling>>();
  private readonly byKey = new Map<EntityType, Map<string, Spelling[]>>();
  private readonly byDocument = new Map<EntityType, Map<string, DocumentEntry[]>>();
  private readonly rarest = new Map<Spelling, string | undefined>();
  private readonly comparedInDocument = new Map<string, boolean>();
  private readonly expandedSpellings = new Set<Spelling>();
  private readonly expandedInDocument = new Set<string>();
  private readonly people: (Person | undefined)[] = [];
  private readonly fullInDocument = new Map<string | undefined, number[]>();
  private readonly ends: { first: Map<string, number[]>; last: Map<string, number[]> } = {
    first: new Map(),
    last: new Map(),
  };
  private readonly shortsByKey = new Map<string, number[]>();
  private readonly bearerMemo = new Map<number, number[]>();
  private readonly readers = new Map<number, number[]>();
  private readonly expandedBearerKeys = new Set<string>();
  private readonly openReadersMemo = new Map<number, number[]>();

  constructor(
    private readonly names: readonly LinkedName[],
    private readonly keyed: readonly KeyedTypes[],
    /** Per name, then per extra entry (removed identifiers, the user's pairs): what rules compare. */
    private readonly linked: readonly string[][],
    /** Documents holding a seed: their short forms may go to any full name holding their word. */
    private readonly seededDocuments: ReadonlySet<string>,
  ) {
    this.baseOf = new Int32Array(linked.length).fill(-1);
    linked.forEach((keys, i) => {
      for (const key of keys) push(this.holders, key, i);
    });
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

  /** How many entries hold a rule's key. */
  holderCount(key: string): number {
    return this.holders.get(key)?.length ?? 0;
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

  /** The full names `joinShortNames` may pick for a one-word name (see `shortForms` in affected-names). */
  bearers(s: number): number[] {
    const known = this.bearerMemo.get(s);
    if (known) return known;
    const p = this.person(s);
    const key = p.keys[0]!;
    const { documentId } = this.names[s]!;
    const inDocument = (this.fullInDocument.get(documentId) ?? []).filter((j) => this.person(j).keys.includes(key));
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
    return this.members[c]!.some((m) => this.isFull(m));
  }

  private neighbours(i: number): number[] {
    const out: number[] = [];
    for (const key of this.linked[i]!) {
      if (this.expandedKeys.has(key)) continue;
      this.expandedKeys.add(key);
      out.push(...this.holders.get(key)!);
    }
    if (i >= this.names.length) return out;
    for (const type of CONTAINED_TYPES) {
      const spelling = this.spellings.get(type)!.get(this.names[i]!.name);
      if (spelling === undefined || !this.keyed[i]!.some((k) => k.type === type)) continue;
      if (!this.expandedSpellings.has(spelling)) {
        this.expandedSpellings.add(spelling);
        for (const s of this.containedAnywhere(type, spelling)) out.push(s.i);
      }
      const { documentId } = this.names[i]!;
      if (documentId === undefined) continue;
      const visit = `${type}\u0000${documentId}\u0000${spelling.occurrence.name}`;
      if (this.expandedInDocument.has(visit)) continue;
      this.expandedInDocument.add(visit);
      for (const e of this.byDocument.get(type)!.get(documentId) ?? []) {
        const [long, short] = e.keys.length > spelling.keys.length ? [e, spelling] : [spelling, e];
        if (long.keys.length > short.keys.length && long.keys.includes(short.keys[0]!))
          if (this.containsInDocument(type, long, short)) out.push(e.i);
      }
    }
    return out;
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
    const byDocument = new Map<string, DocumentEntry[]>();
    this.names.forEach((o, i) => {
      const k = this.keyed[i]!.find((entry) => entry.type === type);
      if (k === undefined) return;
      let spelling = spellings.get(o.name);
      if (spelling === undefined) {
        spellings.set(o.name, (spelling = { i, keys: k.keys, words: k.words, occurrence: { name: o.name } }));
        for (const key of new Set(k.keys)) push(byKey, key, spelling);
      }
      if (o.documentId !== undefined) push(byDocument, o.documentId, { ...spelling, i, spelling });
    });
    this.spellings.set(type, spellings);
    this.byKey.set(type, byKey);
    this.byDocument.set(type, byDocument);
  }

  private personKeys(i: number): string[] | undefined {
    return this.keyed[i]!.find((k) => k.type === "person")?.keys;
  }

  private person(i: number): Person {
    let p = this.people[i];
    if (p === undefined) {
      const entry = this.keyed[i]!.find((k) => k.type === "person")!;
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

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
