import type { EntityType } from "../annotate/mentions/types.js";
import { countriesOf, unqualified, type Clusters, type NameWords, type Node } from "./entity-clusters.js";
import { allGeneric, compatiblePeriod } from "./entities.js";
import { GENERIC_PLACE_WORDS, GENERIC_WORDS, SUBORDINATE_HEADS } from "./entity-keys.js";
import { countryNamed } from "../annotate/mentions/gazetteer/countries.js";
import { qualifiers } from "./name-qualifiers.js";
import { tokenKey } from "../core/name-key.js";
import { closeSpelling, sameShortWord } from "./spelling.js";

/** Words a longer name may add to a body's name and still name that body ("Arab Socialist Ba'ath Party – Iraq Region"). */
const QUALIFYING_KEYS: ReadonlySet<string> = new Set(
  ["region", "regional", "organization", "organisation"].map(tokenKey),
);

/**
 * An organization or place name inside a longer one names the same body when the longer adds only a
 * national qualifier or generic words ("Iraqi Communist Party" ⊃ "Communist Party"), never a word of
 * its own ("Free Syrian Army" is not the Syrian Army) or a subordinate body ("… Regional Command"). A
 * name made only of generic words ("National Guard"), and one word alone, join only within their document.
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
      shortNode.keys.length < 2 || allGeneric(shortNode)
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
  if (qualifiers(short.words).every((q) => q !== undefined)) return false;
  const extra = extraWords(short, long);
  if (extra === undefined || extra.some((i) => SUBORDINATE_HEADS.has(long.keys[i]!))) return false;
  const [first, last] = matchedEnds(short, long);
  const outside = (i: number) => i < first || i > last;
  // In its own document "Air Force" is the "Russian Air Force", never the "Marine Air-Ground Task Force".
  if (where === "same document" && allGeneric(short)) return extra.every(outside);
  const shortCountries = countriesOf(short);
  const longQualifiers = qualifiers(long.words);
  const ownCountry = (i: number) => shortCountries.has(longQualifiers[i]?.country ?? "");
  return extra.every((i) => {
    // "Syrian Arab Army" is the Syrian Army, "United Arab Nations" not the United Nations; the short
    // name's own country may stand anywhere ("Iraqi Ba'ath Party" in "… Ba'ath Party – Iraq Region").
    if (longQualifiers[i] !== undefined) return outside(i) || nextToQualifier(longQualifiers, i) || ownCountry(i);
    const key = tokenKey(long.words[i]!);
    // "Syrian National Army" is not the Syrian Army: a generic word inside the name makes another body.
    return outside(i) && (GENERIC_WORDS.has(key) || QUALIFYING_KEYS.has(key));
  });
}

function nextToQualifier(qualifying: ReturnType<typeof qualifiers>, i: number): boolean {
  return qualifying[i - 1] !== undefined || qualifying[i + 1] !== undefined;
}

/** Positions in `long` of the first and last of `short`'s words, its national qualifiers included. */
function matchedEnds(short: NameWords, long: NameWords): [number, number] {
  const core = unqualified(short);
  const countries = countriesOf(short);
  const ends = [long.keys.indexOf(core[0]!), long.keys.lastIndexOf(core.at(-1)!)];
  qualifiers(long.words).forEach((q, i) => {
    if (q?.country !== undefined && countries.has(q.country)) ends.push(i);
  });
  return [Math.min(...ends), Math.max(...ends)];
}

/**
 * Positions of the words `long` adds to `short`, when `short`'s words other than national qualifiers
 * appear in it in order and its countries are `long`'s ("Iraqi Ba'ath Party" in "Ba'ath Party of Iraq"); undefined otherwise.
 */
function extraWords(short: NameWords, long: NameWords): number[] | undefined {
  const core = unqualified(short);
  const shortQualifiers = qualifiers(short.words);
  const coreWords = short.words.filter((_, i) => shortQualifiers[i] === undefined);
  const shortCountries = countriesOf(short);
  const longCountries = countriesOf(long);
  if ([...shortCountries].some((c) => !longCountries.has(c))) return undefined;
  const longQualifiers = qualifiers(long.words);
  const extra: number[] = [];
  let j = 0;
  long.keys.forEach((key, i) => {
    const word = long.words[i]!;
    if (
      j < core.length &&
      key === core[j] &&
      longQualifiers[i] === undefined &&
      sameKeyedWord(key, coreWords[j]!, word)
    )
      j++;
    else extra.push(i);
  });
  return j === core.length ? extra : undefined;
}

/** Words of one key are one word when spelled close (Secret is not Security), exactly for short keys (Nusayri is not Nusra). */
function sameKeyedWord(key: string, a: string, b: string): boolean {
  return key.length > 3 ? closeSpelling(a, b) : sameShortWord(a, b);
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
