import { createHash } from "node:crypto";
import type { EntityType } from "../annotate/mentions/types.js";
import type { EntityRecord, NameAssignment, NameOccurrence, ResolutionDocument } from "./types.js";
import { Clusters, type Node } from "./entity-clusters.js";
import { keyedWords, GENERIC_WORDS, isContiguousRun, isSubsequence, vowelPattern } from "./entity-keys.js";
import { joinContained } from "./entity-containment.js";
import { joinShortNames } from "./entity-short-names.js";
import { acronymLetters, joinAcronyms } from "./entity-acronyms.js";
import { tokenKey } from "../core/name-key.js";
import { countryOfPlace } from "../annotate/mentions/gazetteer/countries.js";
import { sameSpelling } from "./spelling.js";
import { voteTypes, type VotedOccurrence } from "./type-vote.js";
import { joinSameAs, NO_CONSTRAINTS, Separations, type ResolutionConstraints } from "./constraints.js";

/**
 * Mentions → entities, preferring to keep names apart. Names become nodes per document; nodes are
 * joined, each join recording why, and a join that would make one entity of two bearers is refused
 * (see `Clusters`): the same markup identifier; equal transliteration keys of names spelled alike; one
 * full name inside another with the same given and last name; a declared alias ("ICP"); a short form
 * resolved in its own document, else to the corpus's only bearer of it; an organization or place
 * name inside a longer one that adds only a national qualifier or generic words; an acronym to the
 * name whose initials it spells. The user's
 * `constraints` come last: same-as joins after these, and no join ever puts two names kept apart by
 * not-same-as in one entity.
 */
export function resolveEntities(
  occurrences: readonly NameOccurrence[],
  documents: readonly ResolutionDocument[],
  constraints: ResolutionConstraints = NO_CONSTRAINTS,
): { entities: EntityRecord[]; assignments: NameAssignment[] } {
  return resolveVoted(voteTypes(occurrences), documents, constraints);
}

/**
 * `resolveEntities` of names typed beforehand: a part of the corpus (see `affectedNames`) typed as
 * the whole corpus votes, its containment ranking keys by the whole corpus's counts.
 */
export function resolveVoted(
  voted: readonly VotedOccurrence[],
  documents: readonly ResolutionDocument[],
  constraints: ResolutionConstraints,
  corpusKeyCounts?: KeyCounts,
): { entities: EntityRecord[]; assignments: NameAssignment[] } {
  const years = new Map(documents.map((d) => [d.id, yearOf(d.date ?? d.referenceDate)]));
  const nodes: Node[] = voted.map((occurrence) => {
    const year = years.get(occurrence.documentId);
    const parts = keyedWords(occurrence.name, occurrence.type);
    const keys = parts.map((part) => part.key);
    const person = occurrence.type === "person";
    return {
      occurrence,
      words: parts.map((part) => part.word),
      keys,
      keyString: keys.join(" "),
      vowels: vowelPattern(occurrence.name),
      partVowels: person ? parts.map((part) => vowelPattern(part.word)) : [],
      titles: titleWords(occurrence.roles),
      acronym: acronymLetters(occurrence.name) !== undefined,
      country: occurrence.type === "place" ? countryOfPlace(occurrence.name) : undefined,
      ...(year === undefined ? {} : { year }),
    };
  });
  const clusters = new Clusters(nodes, new Separations(nodes, constraints.notSameAs));
  for (const type of ["person", "organization", "place"] as const) {
    const ofType = nodes
      .map((_, i) => i)
      .filter((i) => nodes[i]!.occurrence.type === type && nodes[i]!.keys.length > 0);
    joinByReference(nodes, ofType, clusters);
    if (type === "person") {
      // A bare "Assad" of one document and of another may be two men: short forms are resolved per
      // document first, and only those left unresolved are joined by their keys.
      joinEqualKeys(
        nodes,
        ofType.filter((i) => nodes[i]!.keys.length >= 2),
        clusters,
      );
      joinAliases(nodes, ofType, clusters);
      joinFullNames(nodes, ofType, clusters);
      joinShortNames(nodes, ofType, clusters);
      joinEqualKeys(
        nodes,
        ofType.filter((i) => nodes[i]!.keys.length === 1 && !clusters.hasFullName(i)),
        clusters,
      );
    } else {
      // "Air Force" of one document may be Russia's and of another the United States': a body's name of
      // generic words alone goes to its own document's longer name, and only those left are joined by keys.
      const isGeneric = (i: number) => type === "organization" && allGeneric(nodes[i]!);
      const [generic, distinctive] = [ofType.filter(isGeneric), ofType.filter((i) => !isGeneric(i))];
      joinEqualKeys(nodes, distinctive, clusters);
      joinAliases(nodes, ofType, clusters);
      joinContained(nodes, ofType, clusters, type, corpusKeyCounts?.get(type));
      joinAcronyms(nodes, ofType, clusters);
      const named = new Set(distinctive.map((i) => clusters.find(i)));
      joinEqualKeys(
        nodes,
        generic.filter((i) => !named.has(clusters.find(i))),
        clusters,
      );
    }
  }
  joinSameAs(nodes, clusters, (a, b, reason) => clusters.join(a, b, reason, "user"), constraints.sameAs);
  return buildEntities(nodes, clusters);
}

/** How many names of each type hold each key: what containment ranks a name's keys by. */
export type KeyCounts = Map<EntityType, Map<string, number>>;

/**
 * The key counts of the whole corpus, for resolving a part of it (see `affectedNames`) as the
 * whole would be resolved.
 */
export function corpusKeyCounts(voted: readonly VotedOccurrence[]): KeyCounts {
  const counts: KeyCounts = new Map();
  const keysOf = new Map<string, string[]>();
  for (const o of voted) {
    const spelling = `${o.type}\u0000${o.name}`;
    let keys = keysOf.get(spelling);
    if (keys === undefined) keysOf.set(spelling, (keys = [...new Set(keyedWords(o.name, o.type).map((p) => p.key))]));
    const ofType = counts.get(o.type) ?? new Map<string, number>();
    for (const key of keys) ofType.set(key, (ofType.get(key) ?? 0) + 1);
    counts.set(o.type, ofType);
  }
  return counts;
}

/** Names the markup gives one identifier are one bearer, whatever their spelling. */
function joinByReference(nodes: Node[], indices: number[], clusters: Clusters): void {
  const first = new Map<string, number>();
  for (const i of indices) {
    for (const ref of nodes[i]!.occurrence.refs ?? []) {
      const j = first.get(ref);
      if (j === undefined) first.set(ref, i);
      else clusters.join(j, i, `the source's markup identifies it as ${ref}, like ${nodes[j]!.occurrence.name}`);
    }
  }
}

function joinEqualKeys(nodes: Node[], indices: number[], clusters: Clusters): void {
  const representatives = new Map<string, number[]>();
  for (const i of indices) {
    const key = nodes[i]!.keyString;
    const existing = representatives.get(key) ?? [];
    const first = existing.find(
      (r) =>
        compatiblePeriod(nodes[i]!, nodes[r]!) &&
        sameSpelling(nodes[i]!, nodes[r]!) &&
        clusters.join(r, i, `same name key "${key}" as ${nodes[r]!.occurrence.name}`),
    );
    if (first === undefined) representatives.set(key, [...existing, i]);
  }
}

function joinAliases(nodes: Node[], indices: number[], clusters: Clusters): void {
  const byDocumentName = new Map<string, number>();
  for (const i of indices)
    byDocumentName.set(`${nodes[i]!.occurrence.documentId}\u0000${nodes[i]!.occurrence.name}`, i);
  for (const i of indices) {
    const { aliasOf, documentId, name } = nodes[i]!.occurrence;
    if (!aliasOf) continue;
    const target = byDocumentName.get(`${documentId}\u0000${aliasOf}`);
    if (target !== undefined) clusters.join(target, i, `declared as another name of ${aliasOf} ("${name}")`);
  }
}

/**
 * "Abdul Salam Arif" is "Abdul Salam Mohammed Arif": same first and last name, every part of the shorter
 * included. Middle initials are given whole, so "George W. Bush" is not "George H. W. Bush".
 */
function joinFullNames(nodes: Node[], indices: number[], clusters: Clusters): void {
  const full = indices.filter((i) => nodes[i]!.keys.length >= 2);
  const byEnds = group(full, (i) => `${nodes[i]!.keys[0]} ${nodes[i]!.keys.at(-1)}`);
  for (const members of byEnds.values()) {
    const spellings = [...group(members, (i) => nodes[i]!.keyString).values()];
    for (const shorter of spellings) {
      for (const longer of spellings) {
        const [a, b] = [nodes[shorter[0]!]!, nodes[longer[0]!]!];
        if (a.keys.length >= b.keys.length || !isSubsequence(a.keys, b.keys) || a.vowels !== b.vowels) continue;
        if (middleInitials(a) > 0 && middleInitials(a) !== middleInitials(b)) continue;
        const reason = `same first and last name as ${b.occurrence.name}, every part of it included`;
        for (const i of shorter) clusters.join(longer[0]!, i, reason);
      }
    }
  }
}

function middleInitials(node: Node): number {
  return node.keys.slice(1, -1).filter((key) => key.length === 1).length;
}

/** A generic name ("National Guard") only joins a body known from documents within three years of it. */
export function compatiblePeriod(short: Node, long: Node): boolean {
  if (!allGeneric(short)) return true;
  if (short.year === undefined || long.year === undefined) return true;
  return Math.abs(short.year - long.year) <= 3;
}

/** A name made only of words many bodies share ("National Guard", "Communist Party"). */
export function allGeneric(node: Pick<Node, "words">): boolean {
  // An acronym is no generic word, whatever its key ("UN" keys as "union" does).
  return node.words.every((word) => GENERIC_WORDS.has(tokenKey(word)) && acronymLetters(word) === undefined);
}

/** Titles and ranks that tell bearers of one surname apart: "Secretary Dulles" is not "Director Dulles". */
export function titleWords(roles: readonly string[]): string[] {
  const words = new Set<string>();
  for (const role of roles) {
    for (const word of role.toLowerCase().split(/[\s.]+/)) {
      if (word.length > 2 && !COURTESY.has(word)) words.add(word);
    }
  }
  return [...words];
}

const COURTESY = new Set(["mr", "mrs", "ms", "miss", "sir", "dr", "the", "his", "her", "excellency", "comrade"]);

export function group(indices: number[], keyOf: (i: number) => string): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  for (const i of indices) {
    const key = keyOf(i);
    const list = groups.get(key);
    if (list) list.push(i);
    else groups.set(key, [i]);
  }
  return groups;
}

function buildEntities(nodes: Node[], clusters: Clusters): { entities: EntityRecord[]; assignments: NameAssignment[] } {
  const members = group(
    nodes.map((_, i) => i).filter((i) => nodes[i]!.keys.length > 0),
    (i) => String(clusters.find(i)),
  );
  const entities: EntityRecord[] = [];
  const assignments: NameAssignment[] = [];
  const usedIds = new Set<string>();
  for (const cluster of members.values()) {
    const canonical = canonicalNode(cluster, nodes);
    const type = canonical.occurrence.type;
    let id = entityId(type, canonical.keyString);
    for (let n = 2; usedIds.has(id); n++) id = entityId(type, `${canonical.keyString}#${n}`);
    usedIds.add(id);
    const mergeReasons = sortReasons(
      cluster
        .filter((i) => nodes[i]!.reason !== undefined)
        .map((i) => ({ alias: nodes[i]!.occurrence.name, reason: nodes[i]!.reason! })),
    );
    entities.push({ id, type, name: canonical.occurrence.name, mergeReasons });
    for (const i of cluster) {
      const { documentId, name, writtenAs } = nodes[i]!.occurrence;
      assignments.push({ documentId, type: writtenAs, name, entityId: id });
    }
  }
  return { entities, assignments };
}

/**
 * An entity's merge reasons by name, then reason: an order that does not depend on which of its
 * names were resolved in the same run (see `scopedEntities`).
 */
export function sortReasons(reasons: EntityRecord["mergeReasons"]): EntityRecord["mergeReasons"] {
  const text = (r: { alias: string; reason: string }) => `${r.alias}\u0000${r.reason}`;
  return reasons.sort((a, b) => (text(a) < text(b) ? -1 : text(a) > text(b) ? 1 : 0));
}

/**
 * The name an entity goes by: its most cited name other than an acronym (for people, its most cited
 * full name), or a longer name that adds one word to it, is used by more than one document and cited
 * at least a quarter as often ("Iraqi Communist Party" for "Communist Party", not "United Nations
 * Force" for the United Nations), cased as written.
 */
const EXPANSION_SHARE = 4;

function canonicalNode(members: number[], nodes: Node[]): Node {
  const all = members.map((i) => nodes[i]!);
  const declared = all.filter((n) => !n.occurrence.aliasOf);
  const spelledOut = declared.filter((n) => !n.acronym);
  const named = spelledOut.length > 0 ? spelledOut : declared;
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
      total(n) * EXPANSION_SHARE >= total(most) &&
      isContiguousRun(most.keys, n.keys) >= 0 &&
      cased(n) === 1,
  );
  return expansion ?? most;
}

/** An entity's id: its type and the key of its canonical name, stable across re-ingests. */
export function entityId(type: EntityType, key: string): string {
  return `${type[0]}-${createHash("sha1").update(`${type}|${key}`).digest("hex").slice(0, 12)}`;
}

function yearOf(date: string | undefined): number | undefined {
  const match = date ? /^(\d{4})/.exec(date) : null;
  return match ? Number(match[1]) : undefined;
}
