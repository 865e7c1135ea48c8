import { describe, expect, it } from "vitest";
import { entityScope, scopedEntities } from "../../src/ingest/entity-scope.js";
import { affectedNames } from "../../src/resolve/affected-names.js";
import { nameKey, NO_CONSTRAINTS } from "../../src/resolve/constraints.js";
import { corpusKeyCounts, resolveEntities, resolveVoted } from "../../src/resolve/entities.js";
import { voteTypes } from "../../src/resolve/type-vote.js";
import {
  entitiesByName,
  nameInDocument,
  type NameOccurrence,
  type ResolutionDocument,
} from "../../src/resolve/types.js";

function person(documentId: string, name: string, extra: Partial<NameOccurrence> = {}): NameOccurrence {
  return { documentId, type: "person", name, count: 1, roles: [], confidence: 0.9, extractors: ["test"], ...extra };
}

const body = (documentId: string, name: string) => person(documentId, name, { type: "organization" });

const documents = (occurrences: readonly NameOccurrence[]): ResolutionDocument[] =>
  [...new Set(occurrences.map((o) => o.documentId))].map((id) => ({ id, path: id, kind: "other", caseless: false }));

/** The names `added` reaches when it joins `before`, each with its entity before and after a rebuild. */
function afterAdding(before: NameOccurrence[], added: NameOccurrence[]) {
  const all = [...before, ...added];
  const seeds = new Set(added.map((_, n) => before.length + n));
  const { affected } = affectedNames(voteTypes(all), { occurrences: seeds, removed: [], refs: [] }, NO_CONSTRAINTS);
  const entities = (occurrences: NameOccurrence[]) =>
    new Map(
      resolveEntities(occurrences, documents(occurrences)).assignments.map((a) => [nameInDocument(a), a.entityId]),
    );
  const [was, is] = [entities(before), entities(all)];
  const reached = all.flatMap((o, i) => (affected.has(i) ? [`${o.documentId}|${o.name}`] : []));
  const moved = before.filter((o, i) => !affected.has(i) && was.get(nameInDocument(o)) !== is.get(nameInDocument(o)));
  return { reached, moved };
}

describe("affectedNames", () => {
  it("links a short form with a full name of its set only to the bearers joinShortNames may pick", () => {
    // "Ibid" is declared for Hassan Ibid, so its set holds a full name; "Abdul" shares its key ("abd")
    // but not its vowels, and its document names a bearer, so no other document's bearer is read.
    const before = [
      person("d1", "Abdul Karim Qasim"),
      person("d1", "Hassan Ibid"),
      person("d1", "Ibid", { aliasOf: "Hassan Ibid" }),
      person("d2", "Hassan Ibid"),
      person("d2", "Ebid Ali"),
    ];
    const { reached, moved } = afterAdding(before, [person("d3", "Abdul Karim Qasim")]);
    expect(reached).toEqual(["d1|Abdul Karim Qasim", "d3|Abdul Karim Qasim"]);
    expect(moved).toEqual([]);
  });

  it("still links such a short form to the corpus's bearers when its document names none", () => {
    const before = [
      person("d1", "Ibid", { aliasOf: "Omar Khalil" }),
      person("d1", "Omar Khalil"),
      person("d2", "Yusuf Ibid"),
      person("d2", "Abdul Karim Qasim"),
    ];
    const { reached, moved } = afterAdding(before, [person("d3", "Yusuf Ibid")]);
    expect(reached).toEqual(["d1|Ibid", "d1|Omar Khalil", "d2|Yusuf Ibid", "d3|Yusuf Ibid"]);
    expect(moved).toEqual([]);
  });

  it("reaches the bodies holding a key whose count changed only when some of their keys are not required", () => {
    // Containment looks containers up under a name's rarest key; a qualifier ("Iraqi") is a key its
    // containers may lack, so the count of "revolutionary" may change what the second name finds.
    const before = [body("d1", "Revolutionary Command Council"), body("d2", "Iraqi Revolutionary Army")];
    const { reached, moved } = afterAdding(before, [body("d3", "Revolutionary Guard")]);
    expect(reached).toEqual(["d2|Iraqi Revolutionary Army", "d3|Revolutionary Guard"]);
    expect(moved).toEqual([]);
  });

  it("resolves again a short form joined before its turn whose bearer is resolved again: its join's reason is on the bearer", () => {
    // "Kennedy" is declared for "Jack", so its join to John Kennedy records its reason on John
    // Kennedy; "King John" reads John Kennedy, which is resolved again as context.
    const before = [person("d1", "John Kennedy"), person("d2", "Jack"), person("d2", "Kennedy", { aliasOf: "Jack" })];
    const all = [...before, person("d3", "John", { roles: ["King"] })];
    const last = resolveEntities(before, documents(before));
    const stored = last.entities.map((e) => ({ ...e, key: nameKey(e.name, e.type) }));
    const voted = voteTypes(all);
    const entityTypes = new Map(stored.map((e) => [e.id, e.type]));
    const removed = { names: [], entityIds: [], refs: [] };
    const scope = entityScope(
      all,
      voted,
      { assignments: last.assignments, entityOf: entitiesByName(last.assignments), entityTypes },
      removed,
      NO_CONSTRAINTS,
      1,
    )!;
    const partial = resolveVoted(scope.occurrences, documents(all), NO_CONSTRAINTS, corpusKeyCounts(voted));
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    expect(scopedEntities(scope, partial, stored)?.sort(byId)).toEqual(
      resolveEntities(all, documents(all)).entities.sort(byId),
    );
  });

  it("follows every link it looks up apart: identifiers, removed ones too, declared other names either way, the user's pairs, containment either way", () => {
    const voted = voteTypes([
      person("d1", "Faisal", { refs: ["king-faisal"] }),
      person("d2", "Faisal", { refs: ["king-faisal"] }),
      person("d3", "Ghazi", { refs: ["king-ghazi"] }),
      person("d4", "Pasha", { aliasOf: "Nuri al-Said" }),
      person("d4", "Nuri al-Said"),
      person("d5", "Salih Jabr", { aliasOf: "Premier" }),
      person("d5", "Premier"),
      person("d6", "Tawfiq Suwaidi"),
      person("d7", "Arshad Umari"),
      body("d8", "Communist Party"),
      body("d9", "Iraqi Communist Party"),
      person("d10", "Basra", { type: "place" }),
      person("d10", "Basra Province", { type: "place" }),
    ]);
    const reached = (seeds: number[], refs: string[] = [], constraints = NO_CONSTRAINTS) => {
      const { affected } = affectedNames(voted, { occurrences: new Set(seeds), removed: [], refs }, constraints);
      return [...affected].sort((a, b) => a - b).map((i) => `${voted[i]!.documentId}|${voted[i]!.name}`);
    };
    expect(reached([0])).toEqual(["d1|Faisal", "d2|Faisal"]);
    expect(reached([], ["king-ghazi"])).toEqual(["d3|Ghazi"]);
    expect(reached([4])).toEqual(["d4|Pasha", "d4|Nuri al-Said"]);
    expect(reached([6])).toEqual(["d5|Salih Jabr", "d5|Premier"]);
    const pair = [
      { type: "person", key: nameKey("Tawfiq Suwaidi", "person") },
      { type: "person", key: nameKey("Arshad Umari", "person") },
    ] as const;
    expect(reached([7], [], { sameAs: [], notSameAs: [pair] })).toEqual(["d6|Tawfiq Suwaidi", "d7|Arshad Umari"]);
    // A name it contains is reached from a container, anywhere and in its document.
    expect(reached([10])).toEqual(["d8|Communist Party", "d9|Iraqi Communist Party"]);
    expect(reached([12])).toEqual(["d10|Basra", "d10|Basra Province"]);
  });
});
