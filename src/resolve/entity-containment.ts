import type { EntityType } from "../annotate/mentions/types.js";
import { countriesOf, unqualified, type Clusters, type NameWords, type Node } from "./entity-clusters.js";
import { allGeneric, compatiblePeriod } from "./entities.js";
import { GENERIC_PLACE_WORDS, GENERIC_WORDS, SUBORDINATE_HEADS } from "./entity-keys.js";
import { countryNamed, countryOfWord, isNationalQualifier } from "../annotate/mentions/gazetteer/countries.js";
import { tokenKey } from "../core/name-key.js";
import { sameShortWord } from "./spelling.js";

/** Words a longer name may add to a body's name and still name that body ("Arab Socialist Ba'ath Party – Iraq Region"). */
const QUALIFYING_KEYS: ReadonlySet<string> = new Set(
  ["region", "regional", "organization", "organisation"].map(tokenKey),
);

/**
 * An organization or place name inside a longer one names the same body when the longer adds only a
 * national qualifier or generic words ("Iraqi Communist Party" ⊃ "Communist Party"), never a word of
 * its own ("Free Syrian Army" is not the Syrian Army) or a subordinate body ("… Regional Command"). A
 * name made only of generic words ("National Guard") joins the longer name of its own document. One
 * word alone joins only within its document.
 */
export function joinContained(
  nodes: Node[],
  indices: number[],
  clusters: Clusters,
  type: EntityType,
  corpusCounts?: ReadonlyMap<string, number>,
): void {
  const byLength = [...indices].sort((a, b) => nodes[a]!.keys.length - nodes[b]!.keys.length);
  const byKey = postings(nodes, indices, (n) => n.keys);
  const byDocumentKey = postings(nodes, indices, (n) => n.keys.map((k) => `${n.occurrence.documentId}\u0000${k}`));
  const containing = perSpelling((shortNode) => {
    const count = (key: string) => corpusCounts?.get(key) ?? byKey.get(key)?.length ?? 0;
    const rarest = [...shortNode.keys].sort((x, y) => count(x) - count(y))[0]!;
    return (byKey.get(rarest) ?? []).filter((j) => contains(nodes[j]!, shortNode, type, "anywhere"));
  });
  for (const i of byLength) {
    const shortNode = nodes[i]!;
    const sameDocument = (
      byDocumentKey.get(`${shortNode.occurrence.documentId}\u0000${shortNode.keys[0]!}`) ?? []
    ).filter((j) => j !== i && contains(nodes[j]!, shortNode, type, "same document"));
    const elsewhere =
      shortNode.keys.length < 2
        ? []
        : containing(shortNode).filter((j) => j !== i && compatiblePeriod(shortNode, nodes[j]!));
    const pool = sameDocument.length > 0 ? sameDocument : elsewhere;
    const target = pickDominant(pool, nodes, clusters, sameDocument.length > 0 ? 1 : 2);
    if (target !== undefined)
      clusters.join(target, i, `"${shortNode.occurrence.name}" is part of ${nodes[target]!.occurrence.name}`);
  }
}

/**
 * The keys every longer name containing this one holds: a place's words other than generic ones,
 * a body's words other than national qualifiers (which a longer name may spell another way).
 */
export function requiredKeys(node: Pick<Node, "keys" | "words">, type: EntityType): string[] {
  if (type === "place") return node.keys.filter((k) => !GENERIC_PLACE_WORDS.has(k));
  return unqualified(node);
}

/** Does `long` name the body or place `short` names, with words added? */
export function contains(
  long: NameWords,
  short: NameWords,
  type: EntityType,
  where: "anywhere" | "same document",
): boolean {
  if (long.keys.length <= short.keys.length) return false;
  if (type === "place") {
    // A country's name inside a longer place name is not that place: Jordan is not the Jordan River.
    const country = countryNamed(short.occurrence.name);
    if (country !== undefined && countryNamed(long.occurrence.name) !== country) return false;
    const distinctive = (node: NameWords) => node.keys.flatMap((k, i) => (GENERIC_PLACE_WORDS.has(k) ? [] : [i]));
    const [mine, theirs] = [distinctive(short), distinctive(long)];
    return (
      mine.length > 0 &&
      mine.length === theirs.length &&
      mine.every((i, n) => {
        const j = theirs[n]!;
        if (short.keys[i] !== long.keys[j]) return false;
        return short.keys[i]!.length > 3 || sameShortWord(short.words[i]!, long.words[j]!);
      })
    );
  }
  if (short.words.every(isNationalQualifier)) return false;
  const extra = extraWords(short, long);
  if (extra === undefined || extra.some((i) => SUBORDINATE_HEADS.has(long.keys[i]!))) return false;
  if (where === "same document" && allGeneric(short)) return true;
  const [first, last] = matchedEnds(short, long);
  const outside = (i: number) => i < first || i > last;
  const shortCountries = countriesOf(short);
  const ownCountry = (i: number) => shortCountries.has(countryOfWord(long.words[i]!) ?? "");
  return extra.every((i) => {
    // "Syrian Arab Army" is the Syrian Army, "United Arab Nations" not the United Nations; the short
    // name's own country may stand anywhere ("Iraqi Ba'ath Party" in "… Ba'ath Party – Iraq Region").
    if (isNationalQualifier(long.words[i]!)) return outside(i) || nextToQualifier(long, i) || ownCountry(i);
    const key = tokenKey(long.words[i]!);
    // "Syrian National Army" is not the Syrian Army: a generic word inside the name makes another body.
    return outside(i) && (GENERIC_WORDS.has(key) || QUALIFYING_KEYS.has(key));
  });
}

function nextToQualifier(name: NameWords, i: number): boolean {
  return [name.words[i - 1], name.words[i + 1]].some((word) => word !== undefined && isNationalQualifier(word));
}

/** Positions in `long` of the first and last of `short`'s words, its national qualifiers included. */
function matchedEnds(short: NameWords, long: NameWords): [number, number] {
  const core = unqualified(short);
  const countries = countriesOf(short);
  const ends = [long.keys.indexOf(core[0]!), long.keys.lastIndexOf(core.at(-1)!)];
  long.words.forEach((word, i) => {
    const country = countryOfWord(word);
    if (country !== undefined && countries.has(country)) ends.push(i);
  });
  return [Math.min(...ends), Math.max(...ends)];
}

/**
 * Positions of the words `long` adds to `short`, when `short`'s words other than national qualifiers
 * appear in it in order and its countries are `long`'s ("Iraqi Ba'ath Party" in "Ba'ath Party of Iraq"); undefined otherwise.
 */
function extraWords(short: NameWords, long: NameWords): number[] | undefined {
  const core = unqualified(short);
  const coreWords = short.words.filter((word) => !isNationalQualifier(word));
  const shortCountries = countriesOf(short);
  const longCountries = countriesOf(long);
  if ([...shortCountries].some((c) => !longCountries.has(c))) return undefined;
  const extra: number[] = [];
  let j = 0;
  long.keys.forEach((key, i) => {
    const word = long.words[i]!;
    if (j < core.length && key === core[j] && !isNationalQualifier(word) && sameKeyedWord(key, coreWords[j]!, word))
      j++;
    else extra.push(i);
  });
  return j === core.length ? extra : undefined;
}

/** A key of three letters or fewer is shared by unrelated words (Nusayri, Nusra): their spellings must agree too. */
function sameKeyedWord(key: string, a: string, b: string): boolean {
  return key.length > 3 || sameShortWord(a, b);
}

/** The candidate whose entity is cited most, if it is cited `ratio` times more than any other entity. */
export function pickDominant(
  candidates: number[],
  nodes: Node[],
  clusters: Clusters,
  ratio: number,
): number | undefined {
  const weight = new Map<number, { node: number; count: number }>();
  for (const j of candidates) {
    const root = clusters.find(j);
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

/** `compute` run once per spelling (key string): nodes spelled alike get the same answer. */
function perSpelling(compute: (node: Node) => number[]): (node: Node) => number[] {
  const answers = new Map<string, number[]>();
  return (node) => {
    let answer = answers.get(node.keyString);
    if (answer === undefined) answers.set(node.keyString, (answer = compute(node)));
    return answer;
  };
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
