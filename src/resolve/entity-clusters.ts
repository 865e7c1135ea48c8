import type { EntityType } from "../annotate/mentions/types.js";
import { GENERIC_PLACE_WORDS, isSubsequence } from "./entity-keys.js";
import type { Separations } from "./constraints.js";
import { qualifiers } from "./name-qualifiers.js";
import type { VotedOccurrence } from "./type-vote.js";
import { UnionFind } from "./union-find.js";

/** One (document, type, name) with what resolution compares. */
export interface Node {
  occurrence: VotedOccurrence;
  /** The words the keys were made from, one per key. */
  words: string[];
  keys: string[];
  /** `keys` joined by spaces. */
  keyString: string;
  /** The vowel pattern of the name's last word. */
  vowels: string;
  /** The vowel pattern of each keyed word of a person's name, [] for other types. */
  partVowels: string[];
  /** Lower-case words of the title or rank the name was written with ("secretary", "colonel"). */
  titles: string[];
  /** Acronyms ("CIA", "SDF") compare as letters, not as names of several words. */
  acronym: boolean;
  /** For a place, the country the gazetteer puts it in (undefined when unknown or not a place). */
  country: string | undefined;
  year?: number;
  reason?: string;
}

/** What containment compares of a name. */
export type NameWords = Pick<Node, "keys" | "words"> & { occurrence: Pick<Node["occurrence"], "name"> };

/** What a set of joined names already says about its bearer, so that a join never makes it two. */
interface Profile {
  /** Distinct spellings (key strings) of full names: people's names of two words or more, bodies' names of two words or more. */
  fullNames: Map<string, Node>;
  /** Markup identifiers (TEI persName@corresp) of the names. */
  refs: Set<string>;
  titles: Set<string>;
}

/**
 * Union-find over name nodes that refuses a join making one entity of two: people whose full names
 * differ in a given name (Bashar / Hafez al-Assad, Allen / John Foster Dulles), bodies whose names of
 * several words are not one inside the other (Free Syrian Army / Syrian Democratic Forces), names the
 * markup identifies as different people. Each accepted join records why on the node it brought in.
 */
export class Clusters {
  private readonly sets: UnionFind;
  /** By root, made when first asked for and dropped when the root joins another: most names join early. */
  private readonly profiles: (Profile | undefined)[];
  /** Names declared anywhere as another name of someone ("Muhammad Habib (Abu Salam)"): no full names to compare. */
  private readonly declared: Set<string>;

  constructor(
    readonly nodes: readonly Node[],
    private readonly separations: Separations,
  ) {
    this.declared = new Set(
      nodes.filter((n) => n.occurrence.aliasOf).map((n) => `${n.occurrence.type}|${n.keyString}`),
    );
    this.sets = new UnionFind(nodes.length);
    this.profiles = new Array<Profile | undefined>(nodes.length);
  }

  private profile(root: number): Profile {
    let profile = this.profiles[root];
    if (profile === undefined) {
      const node = this.nodes[root]!;
      const full =
        node.keys.length >= 2 && !node.acronym && !this.declared.has(`${node.occurrence.type}|${node.keyString}`);
      profile = {
        fullNames: full ? new Map([[node.keyString, node]]) : new Map<string, Node>(),
        refs: new Set(node.occurrence.refs ?? []),
        titles: new Set(node.titles),
      };
      this.profiles[root] = profile;
    }
    return profile;
  }

  find(i: number): number {
    return this.sets.find(i);
  }

  same(a: number, b: number): boolean {
    return this.sets.find(a) === this.sets.find(b);
  }

  /** True when the set of `i` holds a full name (two words or more), not only short forms. */
  hasFullName(i: number): boolean {
    return this.profile(this.sets.find(i)).fullNames.size > 0;
  }

  titlesOf(i: number): ReadonlySet<string> {
    return this.profile(this.sets.find(i)).titles;
  }

  /**
   * Joins the sets of `a` and `b` unless that would make one entity of two; true when they are (now)
   * one. A join the user asked for overrides the resolver's doubts, never the user's not-same-as.
   */
  join(a: number, b: number, reason: string, by: "resolver" | "user" = "resolver"): boolean {
    const [ra, rb] = [this.sets.find(a), this.sets.find(b)];
    if (ra === rb) return true;
    if (!this.separations.allows(ra, rb) || (by === "resolver" && !this.compatible(ra, rb))) return false;
    this.sets.union(ra, rb);
    const root = this.sets.find(ra);
    this.separations.joined(root, ra, rb);
    const [kept, merged] = root === ra ? [ra, rb] : [rb, ra];
    const into = this.profile(kept);
    const from = this.profile(merged);
    for (const [key, node] of from.fullNames) into.fullNames.set(key, node);
    for (const ref of from.refs) into.refs.add(ref);
    for (const title of from.titles) into.titles.add(title);
    this.profiles[merged] = undefined;
    const joined = this.nodes[b]!.reason === undefined ? b : a;
    this.nodes[joined]!.reason ??= reason;
    return true;
  }

  private compatible(ra: number, rb: number): boolean {
    const [pa, pb] = [this.profile(ra), this.profile(rb)];
    if (pa.refs.size > 0 && pb.refs.size > 0 && ![...pa.refs].some((ref) => pb.refs.has(ref))) return false;
    if ([...pa.refs].some((ref) => pb.refs.has(ref))) return true;
    const type = this.nodes[ra]!.occurrence.type;
    for (const x of pa.fullNames.values()) {
      for (const y of pb.fullNames.values()) {
        if (!sameBearer(type, x, y)) return false;
      }
    }
    return true;
  }
}

/**
 * Two full names can be one person's when they end alike and the shorter is the longer with words
 * left out, keeping its given name or being its tail: Abdul Salam Mohammed Arif / Abdul Salam Arif,
 * Gamal Abdel Nasser / Abdel Nasser — never Abdul Rahman Arif / Abdul Salam Arif.
 */
export function samePersonFullName(a: readonly string[], b: readonly string[]): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.at(-1) !== long.at(-1) || !isSubsequence(short, long)) return false;
  if (short[0] === long[0]) return true;
  return long.slice(long.length - short.length).every((key, i) => key === short[i]);
}

function sameBearer(type: EntityType, a: Node, b: Node): boolean {
  if (type === "person") return samePersonFullName(a.keys, b.keys);
  if (type === "place") return oneNameInOther(distinctive(a.keys), distinctive(b.keys));
  // "Iraqi Ba'ath Party" and "Arab Socialist Ba'ath Party of Iraq": qualifiers may stand anywhere, but must
  // agree ("Russian Air Force" is not the "United States Air Force", "Manbij Military Council" not Damascus's).
  const [qa, qb] = [identities(a), identities(b)];
  if (qa.size > 0 && qb.size > 0 && ![...qa].some((q) => qb.has(q))) return false;
  return oneNameInOther(unqualified(a), unqualified(b));
}

function identities(node: Pick<Node, "words">): Set<string> {
  return new Set(qualifiers(node.words).flatMap((q) => (q?.identity === undefined ? [] : [q.identity])));
}

export function countriesOf(node: Pick<Node, "words">): Set<string> {
  return new Set(qualifiers(node.words).flatMap((q) => (q?.country === undefined ? [] : [q.country])));
}

export function unqualified(node: Pick<Node, "keys" | "words">): string[] {
  const qualifying = qualifiers(node.words);
  return node.keys.filter((_, i) => qualifying[i] === undefined);
}

/** Two names of several words can name one body or place only when one is the other with words added. */
function oneNameInOther(a: readonly string[], b: readonly string[]): boolean {
  return a.length <= b.length ? isSubsequence(a, b) : isSubsequence(b, a);
}

/** A place's words without the generic ones, in a fixed order: "Camp Rashid" and "Ar-Rashid army camp" agree. */
function distinctive(keys: readonly string[]): string[] {
  return keys.filter((k) => !GENERIC_PLACE_WORDS.has(k)).sort();
}
