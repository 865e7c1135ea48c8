import { describe, expect, it } from "vitest";
import type { EntityType } from "../../src/annotate/mentions/types.js";
import { nameKey } from "../../src/resolve/constraints.js";
import { resolveEntities } from "../../src/resolve/entities.js";
import type { NameOccurrence, ResolutionDocument } from "../../src/resolve/types.js";

const doc = (id: string): ResolutionDocument => ({ id, path: `${id}.txt`, kind: "other", caseless: false });

function occurrence(documentId: string, type: EntityType, name: string, count = 1): NameOccurrence {
  return { documentId, type, name, count, roles: [], confidence: 0.9, extractors: ["test"] };
}

const key = (name: string, type: EntityType = "person") => ({ type, key: nameKey(name, type) });

const OCCURRENCES = [
  occurrence("d1", "person", "Abd al-Karim Qasim", 3),
  occurrence("d1", "person", "Qasim", 5),
  occurrence("d2", "person", "Abdul-Karim Qasim", 2),
  occurrence("d2", "person", "Nuri Said", 4),
  occurrence("d3", "person", "Salih Mahdi Ammash", 1),
];
const DOCUMENTS = [doc("d1"), doc("d2"), doc("d3")];

function entityOf(result: ReturnType<typeof resolveEntities>, documentId: string, name: string): string {
  return result.assignments.find((a) => a.documentId === documentId && a.name === name)!.entityId;
}

describe("resolution constraints", () => {
  it("without constraints the resolver joins a short form to the full name in its document", () => {
    const result = resolveEntities(OCCURRENCES, DOCUMENTS);
    expect(entityOf(result, "d1", "Qasim")).toBe(entityOf(result, "d1", "Abd al-Karim Qasim"));
  });

  it("not-same-as blocks a join the resolver would make, and keeps the other joins", () => {
    const result = resolveEntities(OCCURRENCES, DOCUMENTS, {
      sameAs: [],
      notSameAs: [[key("Abd al-Karim Qasim"), key("Qasim")]],
    });
    expect(entityOf(result, "d1", "Qasim")).not.toBe(entityOf(result, "d1", "Abd al-Karim Qasim"));
    expect(entityOf(result, "d2", "Abdul-Karim Qasim")).toBe(entityOf(result, "d1", "Abd al-Karim Qasim"));
  });

  it("same-as joins two entities the resolver keeps apart, with the user's reason", () => {
    const result = resolveEntities(OCCURRENCES, DOCUMENTS, {
      sameAs: [{ pair: [key("Nuri Said"), key("Salih Mahdi Ammash")], reason: "one man in these cables" }],
      notSameAs: [],
    });
    const nuri = entityOf(result, "d2", "Nuri Said");
    expect(entityOf(result, "d3", "Salih Mahdi Ammash")).toBe(nuri);
    const reasons = result.entities.find((e) => e.id === nuri)!.mergeReasons.map((r) => r.reason);
    expect(reasons).toContain("user: one man in these cables");
  });

  it("not-same-as wins over a same-as of the same pair, and over a chain of joins", () => {
    const result = resolveEntities(OCCURRENCES, DOCUMENTS, {
      sameAs: [
        { pair: [key("Nuri Said"), key("Qasim")], reason: "a" },
        { pair: [key("Nuri Said"), key("Abd al-Karim Qasim")], reason: "b" },
      ],
      notSameAs: [[key("Qasim"), key("Abd al-Karim Qasim")]],
    });
    expect(entityOf(result, "d1", "Qasim")).not.toBe(entityOf(result, "d1", "Abd al-Karim Qasim"));
  });

  it("a constraint naming keys nobody has changes nothing", () => {
    const plain = resolveEntities(OCCURRENCES, DOCUMENTS);
    const constrained = resolveEntities(OCCURRENCES, DOCUMENTS, {
      sameAs: [{ pair: [key("Nobody Here"), key("Qasim")], reason: "x" }],
      notSameAs: [[key("Nobody Here"), key("Nuri Said")]],
    });
    expect(constrained.assignments).toEqual(plain.assignments);
  });
});
