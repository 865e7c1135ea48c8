import type { Clusters, Node } from "./entity-clusters.js";
import { pickDominant } from "./entity-containment.js";
import { group } from "./entities.js";

/** An acronym's letters: "U.S." → "US"; undefined for a name that is not one. */
export function acronymLetters(name: string): string | undefined {
  const letters = name.replace(/[.\s]/g, "");
  return /^[A-Z]{2,6}$/.test(letters) ? letters : undefined;
}

/** The initials of a name of several keyed words ("Islamic State of Iraq" → "ISI"), upper-cased. */
export function nameInitials(words: readonly string[]): string | undefined {
  if (words.length < 2 || words.length > 6) return undefined;
  return words.map((word) => word.charAt(0).toUpperCase()).join("");
}

/**
 * An acronym nobody declared ("U.S." beside "United States") joins the name of its type whose words'
 * initials spell it: the one in its own document, else the corpus's, when one entity holds most of those
 * names' mentions (as containment picks).
 */
export function joinAcronyms(nodes: Node[], indices: number[], clusters: Clusters): void {
  const initialsOf = (i: number) => (nodes[i]!.acronym ? undefined : nameInitials(nodes[i]!.words));
  const byInitials = group(
    indices.filter((i) => initialsOf(i) !== undefined),
    (i) => initialsOf(i)!,
  );
  for (const i of indices) {
    const { name, documentId, aliasOf } = nodes[i]!.occurrence;
    const letters = aliasOf === undefined ? acronymLetters(name) : undefined;
    const candidates = letters === undefined ? [] : (byInitials.get(letters) ?? []);
    if (candidates.length === 0) continue;
    const sameDocument = candidates.filter((j) => nodes[j]!.occurrence.documentId === documentId);
    const target = pickDominant(sameDocument.length > 0 ? sameDocument : candidates, nodes, clusters, 2);
    if (target !== undefined)
      clusters.join(target, i, `"${name}" is the initials of ${nodes[target]!.occurrence.name}`);
  }
}
