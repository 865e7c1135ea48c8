import type { Clusters, Node } from "./entity-clusters.js";
import { group } from "./entities.js";
import { closeSpelling } from "./spelling.js";

/**
 * A one-word person name ("Habib", "Arif", "Nuri") goes to a bearer of it: first to the bearer its own
 * document names — the only one, else the one whose title it carries, else one cited at least twice as
 * often as any other — and, when its document names none, to the corpus's only bearer of it as a
 * surname spelled close to it ("Nasir" for Nasser, not "Al-Nasiriya"), else the only one with its
 * title, else one cited three times more often in twice as many documents as any other. A name under a title that goes with a given name ("King Hussein", "Imam
 * Ali") goes only to bearers whose first name it is. An ambiguous name stays unresolved rather than guessed.
 */
export function joinShortNames(nodes: Node[], indices: number[], clusters: Clusters): void {
  const full = indices.filter((i) => nodes[i]!.keys.length >= 2);
  const short = indices.filter((i) => nodes[i]!.keys.length === 1);
  const fullByDocument = group(full, (i) => nodes[i]!.occurrence.documentId);
  const fullNames = fullNamesByEnds(nodes, full);
  const unnamedInDocument: number[] = [];
  for (const i of short) {
    const bearers = bearersInDocument(nodes[i]!, fullByDocument.get(nodes[i]!.occurrence.documentId) ?? [], nodes);
    if (bearers.length === 0) {
      unnamedInDocument.push(i);
      continue;
    }
    const target = pickBearer(i, bearers, nodes, clusters, 2, 1);
    if (target !== undefined)
      clusters.join(target, i, `short form of ${nodes[target]!.occurrence.name} in the same document`);
  }
  for (const i of unnamedInDocument) {
    const target = pickBearer(i, bearersInCorpus(nodes[i]!, fullNames, nodes), nodes, clusters, 3, 2);
    if (target !== undefined)
      clusters.join(target, i, `short form of ${nodes[target]!.occurrence.name}, the corpus's bearer of the name`);
  }
}

/** What the bearer rules read of a person's name. */
export type PersonNameFields = Pick<Node, "keys" | "vowels" | "partVowels"> & {
  occurrence: Pick<Node["occurrence"], "name">;
};

/** What they read of a one-word name, its titles too. */
export type ShortFormFields = PersonNameFields & Pick<Node, "titles">;

/** Full names by first key and by last key, for `bearersInCorpus`. */
export interface FullNamesByEnds {
  first: ReadonlyMap<string, number[]>;
  last: ReadonlyMap<string, number[]>;
}

export function fullNamesByEnds(nodes: readonly (PersonNameFields | undefined)[], full: number[]): FullNamesByEnds {
  return { first: group(full, (i) => nodes[i]!.keys[0]!), last: group(full, (i) => nodes[i]!.keys.at(-1)!) };
}

/** The full names among `inDocument` (those of its document) a one-word name may be a short form of. */
export function bearersInDocument(
  node: ShortFormFields,
  inDocument: readonly number[],
  nodes: readonly (PersonNameFields | undefined)[],
): number[] {
  const key = node.keys[0]!;
  if (isGivenNameTitled(node))
    return inDocument.filter((j) => nodes[j]!.keys[0] === key && nodes[j]!.partVowels[0] === node.vowels);
  return (
    [
      inDocument.filter((j) => nodes[j]!.keys.at(-1) === key && nodes[j]!.vowels === node.vowels),
      inDocument.filter((j) =>
        nodes[j]!.keys.some((k, part) => k === key && nodes[j]!.partVowels[part] === node.vowels),
      ),
    ].find((list) => list.length > 0) ?? []
  );
}

/** The corpus's full names a one-word name may be a short form of, when its own document names none. */
export function bearersInCorpus(
  node: ShortFormFields,
  full: FullNamesByEnds,
  nodes: readonly (PersonNameFields | undefined)[],
): number[] {
  const key = node.keys[0]!;
  return isGivenNameTitled(node)
    ? (full.first.get(key) ?? []).filter((j) => nodes[j]!.partVowels[0] === node.vowels)
    : (full.last.get(key) ?? []).filter(
        (j) => nodes[j]!.vowels === node.vowels && closeSpelling(node.occurrence.name, lastWord(nodes[j]!)),
      );
}

function lastWord(node: PersonNameFields): string {
  return node.occurrence.name.split(/[\s]+/).at(-1)!;
}

/** Titles that go with a given name, not a surname: "King Hussein", "Sultan Qaboos", "Imam Ali". */
const GIVEN_NAME_TITLES = new Set(
  "king queen prince princess emir amir sultan shah emperor empress caliph imam pope saint sharif".split(" "),
);

export function isGivenNameTitled(node: Pick<Node, "titles">): boolean {
  return node.titles.some((title) => GIVEN_NAME_TITLES.has(title));
}

/**
 * The node of the one entity among `candidates` the name belongs to: the only one, else the only one
 * whose titles the name shares, else one cited `ratio` times more often and in `documentRatio` times
 * more documents than every other; undefined otherwise.
 */
function pickBearer(
  i: number,
  candidates: number[],
  nodes: Node[],
  clusters: Clusters,
  ratio: number,
  documentRatio: number,
): number | undefined {
  const byEntity = new Map<number, { node: number; count: number; documents: Set<string> }>();
  for (const j of candidates) {
    const root = clusters.find(j);
    const entry = byEntity.get(root) ?? { node: j, count: 0, documents: new Set<string>() };
    entry.count += nodes[j]!.occurrence.count;
    entry.documents.add(nodes[j]!.occurrence.documentId);
    byEntity.set(root, entry);
  }
  let entities = [...byEntity.values()];
  if (entities.length > 1 && nodes[i]!.titles.length > 0) {
    const titled = entities.filter((e) => nodes[i]!.titles.some((t) => clusters.titlesOf(e.node).has(t)));
    if (titled.length > 0) entities = titled;
  }
  // "King Hussein" is not Saddam Hussein, whose titles are others: a lone candidate must not contradict the name's title.
  if (entities.length === 1)
    return contradictsTitles(i, entities[0]!.node, nodes, clusters) ? undefined : entities[0]!.node;
  const ranked = entities.sort((a, b) => b.count - a.count);
  const [first, second] = ranked;
  if (!first || !second) return undefined;
  if (first.count >= ratio * second.count && first.documents.size >= documentRatio * second.documents.size)
    return first.node;
  return undefined;
}

function contradictsTitles(i: number, j: number, nodes: Node[], clusters: Clusters): boolean {
  const titles = nodes[i]!.titles;
  const theirs = clusters.titlesOf(j);
  return titles.length > 0 && theirs.size > 0 && !titles.some((t) => theirs.has(t));
}
