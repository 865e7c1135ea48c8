import { createHash } from "node:crypto";
import type { EntityType } from "../annotate/mentions/types.js";
import type { EntityRecord, NameAssignment, NameOccurrence, ResolutionDocument } from "../store/knowledge.js";
import {
  keyedWords,
  GENERIC_PLACE_WORDS,
  GENERIC_WORDS,
  isContiguousRun,
  isSubsequence,
  SUBORDINATE_HEADS,
  vowelPattern,
} from "./entity-keys.js";
import { UnionFind } from "./union-find.js";
import { joinSameAs, NO_CONSTRAINTS, Separations, type ResolutionConstraints } from "./constraints.js";

/** One (document, type, name) with what resolution compares. */
interface Node {
  occurrence: NameOccurrence;
  keys: string[];
  /** `keys` joined by spaces. */
  keyString: string;
  /** The vowel pattern of a person's last name, "" for other types. */
  vowels: string;
  /** The vowel pattern of each keyed word of a person's name, [] for other types. */
  partVowels: string[];
  year?: number;
  reason?: string;
}

/**
 * Mentions → entities. Names become nodes per document; nodes are joined, each join recording why:
 * equal transliteration keys; one full name's keys inside another's with the same first and last
 * name; a declared alias ("ICP", "Abu Salam"); a short form resolved first inside its own document
 * ("Habib" → Muhammad Habib), then in the corpus only when one candidate dominates; an organization
 * name inside a longer one unless the longer adds a body of its own ("… Regional Command") or the
 * name is generic and the documents are years apart. The user's `constraints` come last: same-as
 * joins after these, and no join puts two names kept apart by not-same-as in one entity.
 */
export function resolveEntities(
  occurrences: readonly NameOccurrence[],
  documents: readonly ResolutionDocument[],
  constraints: ResolutionConstraints = NO_CONSTRAINTS,
): { entities: EntityRecord[]; assignments: NameAssignment[] } {
  const years = new Map(documents.map((d) => [d.id, yearOf(d.date ?? d.referenceDate)]));
  const nodes: Node[] = occurrences.map((occurrence) => {
    const year = years.get(occurrence.documentId);
    const parts = keyedWords(occurrence.name, occurrence.type);
    const keys = parts.map((part) => part.key);
    const person = occurrence.type === "person";
    return {
      occurrence,
      keys,
      keyString: keys.join(" "),
      vowels: person ? vowelPattern(occurrence.name) : "",
      partVowels: person ? parts.map((part) => vowelPattern(part.word)) : [],
      ...(year === undefined ? {} : { year }),
    };
  });
  const sets = new UnionFind(nodes.length);
  const separations = new Separations(nodes, constraints.notSameAs);
  const join = (a: number, b: number, reason: string) => {
    const [rootA, rootB] = [sets.find(a), sets.find(b)];
    if (!separations.allows(rootA, rootB) || !sets.union(a, b)) return;
    separations.joined(sets.find(a), rootA, rootB);
    const joined = nodes[b]!.reason === undefined ? b : a;
    nodes[joined]!.reason ??= reason;
  };
  for (const type of ["person", "organization", "place"] as const) {
    const ofType = nodes
      .map((_, i) => i)
      .filter((i) => nodes[i]!.occurrence.type === type && nodes[i]!.keys.length > 0);
    joinEqualKeys(nodes, ofType, join, type === "person" ? samePersonSpelling : () => true);
    joinAliases(nodes, ofType, join);
    if (type === "person") joinPersons(nodes, ofType, sets, join);
    else joinContained(nodes, ofType, sets, join, type);
  }
  joinSameAs(nodes, sets, join, constraints.sameAs);
  return buildEntities(nodes, sets);
}

type Join = (a: number, b: number, reason: string) => void;

/** People's names with equal keys must also share their vowel pattern (Saud and Said do not). */
function samePersonSpelling(a: Node, b: Node): boolean {
  return a.vowels === b.vowels;
}

function joinEqualKeys(nodes: Node[], indices: number[], join: Join, compatible: (a: Node, b: Node) => boolean): void {
  const representatives = new Map<string, number[]>();
  for (const i of indices) {
    const key = nodes[i]!.keyString;
    const existing = representatives.get(key) ?? [];
    const first = existing.find((r) => compatiblePeriod(nodes[i]!, nodes[r]!) && compatible(nodes[i]!, nodes[r]!));
    if (first === undefined) representatives.set(key, [...existing, i]);
    else join(first, i, `same name key "${key}" as ${nodes[first]!.occurrence.name}`);
  }
}

function joinAliases(nodes: Node[], indices: number[], join: Join): void {
  const byDocumentName = new Map<string, number>();
  for (const i of indices)
    byDocumentName.set(`${nodes[i]!.occurrence.documentId}\u0000${nodes[i]!.occurrence.name}`, i);
  for (const i of indices) {
    const { aliasOf, documentId, name } = nodes[i]!.occurrence;
    if (!aliasOf) continue;
    const target = byDocumentName.get(`${documentId}\u0000${aliasOf}`);
    if (target !== undefined) join(target, i, `declared as another name of ${aliasOf} ("${name}")`);
  }
}

function joinPersons(nodes: Node[], indices: number[], sets: UnionFind, join: Join): void {
  const full = indices.filter((i) => nodes[i]!.keys.length >= 2);
  const short = indices.filter((i) => nodes[i]!.keys.length === 1);
  const byEnds = group(full, (i) => `${nodes[i]!.keys[0]} ${nodes[i]!.keys.at(-1)}`);
  for (const members of byEnds.values()) {
    const spellings = [...group(members, (i) => nodes[i]!.keyString).values()];
    for (const shorter of spellings) {
      for (const longer of spellings) {
        const [a, b] = [nodes[shorter[0]!]!, nodes[longer[0]!]!];
        if (a.keys.length >= b.keys.length || !isSubsequence(a.keys, b.keys)) continue;
        for (const i of shorter)
          join(longer[0]!, i, `same first and last name as ${b.occurrence.name}, every part of it included`);
        for (const j of longer.slice(1))
          join(shorter[0]!, j, `same first and last name as ${b.occurrence.name}, every part of it included`);
      }
    }
  }
  const fullByDocument = group(full, (i) => nodes[i]!.occurrence.documentId);
  const unresolved: number[] = [];
  for (const i of short) {
    const key = nodes[i]!.keys[0]!;
    // "Nuri" is Nuri Said's first name, not Nir Rosen's: the word whose key matched must share its vowels.
    const vowels = nodes[i]!.vowels;
    const sameDocument = (fullByDocument.get(nodes[i]!.occurrence.documentId) ?? []).filter((j) =>
      nodes[j]!.keys.some((k, part) => k === key && nodes[j]!.partVowels[part] === vowels),
    );
    const candidate =
      pickDominant(
        sameDocument.filter((j) => nodes[j]!.keys.at(-1) === key && samePersonSpelling(nodes[i]!, nodes[j]!)),
        nodes,
        sets,
        1,
      ) ??
      pickDominant(
        sameDocument.filter((j) => nodes[j]!.keys.includes(key)),
        nodes,
        sets,
        1,
      );
    if (candidate !== undefined)
      join(candidate, i, `short form of ${nodes[candidate]!.occurrence.name} in the same document`);
    else unresolved.push(i);
  }
  const fullByLastKey = group(full, (i) => nodes[i]!.keys.at(-1)!);
  for (const i of unresolved) {
    const candidates = (fullByLastKey.get(nodes[i]!.keys[0]!) ?? []).filter((j) =>
      samePersonSpelling(nodes[i]!, nodes[j]!),
    );
    const candidate = pickDominant(candidates, nodes, sets, 2);
    if (candidate !== undefined) {
      join(candidate, i, `short form of ${nodes[candidate]!.occurrence.name}, the most cited person of that name`);
    }
  }
}

/** The candidate whose entity is cited most, if it is cited `ratio` times more than any other entity. */
function pickDominant(candidates: number[], nodes: Node[], sets: UnionFind, ratio: number): number | undefined {
  const weight = new Map<number, { node: number; count: number }>();
  for (const j of candidates) {
    const root = sets.find(j);
    const entry = weight.get(root) ?? { node: j, count: 0 };
    entry.count += nodes[j]!.occurrence.count;
    weight.set(root, entry);
  }
  const ranked = [...weight.values()].sort((a, b) => b.count - a.count);
  if (ranked.length === 0) return undefined;
  if (ranked.length > 1 && ranked[0]!.count < ratio * ranked[1]!.count)
    return ratio === 1 ? ranked[0]!.node : undefined;
  return ranked[0]!.node;
}

function joinContained(nodes: Node[], indices: number[], sets: UnionFind, join: Join, type: EntityType): void {
  const byLength = [...indices].sort((a, b) => nodes[a]!.keys.length - nodes[b]!.keys.length);
  const byKey = postings(nodes, indices, (n) => n.keys);
  const containing = perSpelling((shortNode) => {
    const rarest = [...shortNode.keys].sort((x, y) => (byKey.get(x)?.length ?? 0) - (byKey.get(y)?.length ?? 0))[0]!;
    return (byKey.get(rarest) ?? []).filter((j) => contains(nodes[j]!, shortNode, type));
  });
  for (const i of byLength) {
    const shortNode = nodes[i]!;
    const containers = containing(shortNode).filter((j) => j !== i);
    if (containers.length === 0) continue;
    const sameDocument = containers.filter((j) => nodes[j]!.occurrence.documentId === shortNode.occurrence.documentId);
    const pool =
      sameDocument.length > 0 ? sameDocument : containers.filter((j) => compatiblePeriod(shortNode, nodes[j]!));
    const target = pickDominant(pool, nodes, sets, sameDocument.length > 0 ? 1 : 2);
    if (target !== undefined)
      join(target, i, `"${shortNode.occurrence.name}" is part of ${nodes[target]!.occurrence.name}`);
  }
  joinLongNames(nodes, indices, sets, join, type);
}

/**
 * An entity whose shortest name is still long joins the entity of the longest name it contains:
 * "Arab Socialist Ba'ath Party – Iraq Region" is the Ba'ath Party, whichever expansion took "Ba'ath Party".
 */
function joinLongNames(nodes: Node[], indices: number[], sets: UnionFind, join: Join, type: EntityType): void {
  const shortest = new Map<number, number>();
  for (const i of indices) {
    const root = sets.find(i);
    const current = shortest.get(root);
    if (current === undefined || nodes[i]!.keys.length < nodes[current]!.keys.length) shortest.set(root, i);
  }
  const byFirstKey = postings(nodes, indices, (n) => n.keys.slice(0, 1));
  const containedBy = perSpelling((long) =>
    [...new Set(long.keys.flatMap((k) => byFirstKey.get(k) ?? []))].filter((j) => contains(long, nodes[j]!, type)),
  );
  for (const i of shortest.values()) {
    const long = nodes[i]!;
    const contained = containedBy(long).filter(
      (j) => sets.find(j) !== sets.find(i) && compatiblePeriod(nodes[j]!, long),
    );
    if (contained.length === 0) continue;
    const longest = Math.max(...contained.map((j) => nodes[j]!.keys.length));
    const target = pickDominant(
      contained.filter((j) => nodes[j]!.keys.length === longest),
      nodes,
      sets,
      2,
    );
    if (target !== undefined) join(target, i, `contains ${nodes[target]!.occurrence.name}, adding no body of its own`);
  }
}

/** `compute` run once per spelling (key string): nodes spelled alike get the same answer. */
function perSpelling(compute: (node: Node) => number[]): (node: Node) => number[] {
  const answers = new Map<string, number[]>();
  return (node) => {
    let answer = answers.get(node.keyString);
    if (answer === undefined) answers.set(node.keyString, (answer = compute(node)));
    return answer;
  };
}

function contains(long: Node, short: Node, type: EntityType): boolean {
  if (long.keys.length <= short.keys.length) return false;
  if (type === "place") {
    const distinctive = (keys: string[]) => keys.filter((k) => !GENERIC_PLACE_WORDS.has(k)).join(" ");
    return distinctive(short.keys) !== "" && distinctive(short.keys) === distinctive(long.keys);
  }
  const at = isContiguousRun(short.keys, long.keys);
  if (at < 0) return false;
  const extra = [...long.keys.slice(0, at), ...long.keys.slice(at + short.keys.length)];
  return !extra.some((k) => SUBORDINATE_HEADS.has(k));
}

/** A generic name ("National Guard") only joins a body known from documents within three years of it. */
function compatiblePeriod(short: Node, long: Node): boolean {
  if (!short.keys.every((k) => GENERIC_WORDS.has(k))) return true;
  if (short.year === undefined || long.year === undefined) return true;
  return Math.abs(short.year - long.year) <= 3;
}

/** Node indices by each key they hold, so containment is only tested between names sharing a word. */
function postings(nodes: Node[], indices: number[], keysOf: (n: Node) => string[]): Map<string, number[]> {
  const map = new Map<string, number[]>();
  for (const i of indices) {
    for (const key of new Set(keysOf(nodes[i]!))) {
      const list = map.get(key);
      if (list) list.push(i);
      else map.set(key, [i]);
    }
  }
  return map;
}

function group(indices: number[], keyOf: (i: number) => string): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  for (const i of indices) {
    const key = keyOf(i);
    const list = groups.get(key);
    if (list) list.push(i);
    else groups.set(key, [i]);
  }
  return groups;
}

function buildEntities(nodes: Node[], sets: UnionFind): { entities: EntityRecord[]; assignments: NameAssignment[] } {
  const clusters = group(
    nodes.map((_, i) => i).filter((i) => nodes[i]!.keys.length > 0),
    (i) => String(sets.find(i)),
  );
  const entities: EntityRecord[] = [];
  const assignments: NameAssignment[] = [];
  const usedIds = new Set<string>();
  for (const members of clusters.values()) {
    const canonical = canonicalNode(members, nodes);
    const type = canonical.occurrence.type;
    let id = entityId(type, canonical.keyString);
    for (let n = 2; usedIds.has(id); n++) id = entityId(type, `${canonical.keyString}#${n}`);
    usedIds.add(id);
    const mergeReasons = members
      .filter((i) => nodes[i]!.reason !== undefined)
      .map((i) => ({ alias: nodes[i]!.occurrence.name, reason: nodes[i]!.reason! }));
    entities.push({ id, type, name: canonical.occurrence.name, mergeReasons });
    for (const i of members) {
      const { documentId, name } = nodes[i]!.occurrence;
      assignments.push({ documentId, type, name, entityId: id });
    }
  }
  return { entities, assignments };
}

/**
 * The name an entity goes by: its most cited name (for people, its most cited full name), or a
 * longer name that adds one word to it and is used by more than one document ("Iraqi Communist Party" for
 * "Communist Party"), cased as written.
 */
function canonicalNode(members: number[], nodes: Node[]): Node {
  const all = members.map((i) => nodes[i]!);
  const named = all.filter((n) => !n.occurrence.aliasOf);
  const multi = named.filter((n) => n.keys.length >= 2);
  const pool = all[0]!.occurrence.type === "person" && multi.length > 0 ? multi : named.length > 0 ? named : all;
  const totals = new Map<string, number>();
  const documents = new Map<string, number>();
  const spellings = new Map<string, number>();
  for (const n of pool) {
    totals.set(n.keyString, (totals.get(n.keyString) ?? 0) + n.occurrence.count);
    documents.set(n.keyString, (documents.get(n.keyString) ?? 0) + 1);
    spellings.set(n.occurrence.name, (spellings.get(n.occurrence.name) ?? 0) + n.occurrence.count);
  }
  const total = (n: Node) => totals.get(n.keyString)!;
  const documentsOf = (n: Node) => documents.get(n.keyString)!;
  const cased = (n: Node) => (n.occurrence.name === n.occurrence.name.toLowerCase() ? 0 : 1);
  const rank = (n: Node) => total(n) * 1e6 + cased(n) * 1e5 + spellings.get(n.occurrence.name)!;
  const most = pool.reduce((best, n) => (rank(n) > rank(best) ? n : best));
  const expansion = pool.find(
    (n) =>
      n.keys.length === most.keys.length + 1 &&
      documentsOf(n) >= 2 &&
      isContiguousRun(most.keys, n.keys) >= 0 &&
      cased(n) === 1,
  );
  return expansion ?? most;
}

function entityId(type: EntityType, key: string): string {
  return `${type[0]}-${createHash("sha1").update(`${type}|${key}`).digest("hex").slice(0, 12)}`;
}

function yearOf(date: string | undefined): number | undefined {
  const match = date ? /^(\d{4})/.exec(date) : null;
  return match ? Number(match[1]) : undefined;
}
