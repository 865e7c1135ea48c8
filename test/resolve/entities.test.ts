import { describe, expect, it } from "vitest";
import { resolveEntities } from "../../src/resolve/entities.js";
import type { NameOccurrence, ResolutionDocument } from "../../src/resolve/types.js";
import type { EntityType } from "../../src/annotate/mentions/types.js";

const doc = (id: string, date?: string): ResolutionDocument => ({
  id,
  path: `${id}.txt`,
  kind: "other",
  caseless: false,
  ...(date ? { date } : {}),
});

function occurrence(documentId: string, type: EntityType, name: string, count = 1, aliasOf?: string): NameOccurrence {
  return {
    documentId,
    type,
    name,
    count,
    roles: [],
    confidence: 0.9,
    extractors: ["test"],
    ...(aliasOf ? { aliasOf } : {}),
  };
}

function entityOf(result: ReturnType<typeof resolveEntities>, documentId: string, name: string): string | undefined {
  return result.assignments.find((a) => a.documentId === documentId && a.name === name)?.entityId;
}

describe("resolveEntities", () => {
  it("joins spellings of one name and keeps different given names apart", () => {
    const result = resolveEntities(
      [
        occurrence("001", "person", "Abd al-Karim Qasim"),
        occurrence("003", "person", "Abdul-Karim Qasim"),
        occurrence("frus", "person", "Abdul Karim Qassim"),
        occurrence("001", "person", "Abdul Salam Arif", 3),
        occurrence("003", "person", "Abdul Salam Arif", 5),
        occurrence("003", "person", "Abdul Rahman Arif", 2),
        occurrence("frus", "person", "Abdul Salam Mohammed Arif"),
      ],
      [doc("001"), doc("003"), doc("frus")],
    );
    const qasim = entityOf(result, "001", "Abd al-Karim Qasim");
    expect(entityOf(result, "003", "Abdul-Karim Qasim")).toBe(qasim);
    expect(entityOf(result, "frus", "Abdul Karim Qassim")).toBe(qasim);
    const salam = entityOf(result, "001", "Abdul Salam Arif");
    expect(entityOf(result, "003", "Abdul Salam Arif")).toBe(salam);
    expect(entityOf(result, "frus", "Abdul Salam Mohammed Arif")).toBe(salam);
    expect(entityOf(result, "003", "Abdul Rahman Arif")).not.toBe(salam);
    const reasons = result.entities.find((e) => e.id === qasim)!.mergeReasons;
    expect(reasons.map((r) => r.reason).join(" ")).toMatch(/same name key/);
  });

  it("keeps apart names whose keys agree but whose vowels do not (Saud, Said)", () => {
    const result = resolveEntities(
      [
        occurrence("d1", "person", "Nuri Said", 3),
        occurrence("d2", "person", "Saud", 2),
        occurrence("d2", "person", "Nuri Said"),
      ],
      [doc("d1"), doc("d2")],
    );
    expect(entityOf(result, "d2", "Saud")).not.toBe(entityOf(result, "d1", "Nuri Said"));
    expect(entityOf(result, "d2", "Nuri Said")).toBe(entityOf(result, "d1", "Nuri Said"));
  });

  it("joins a first name to the full name whose first word it spells, not to one whose last word shares its vowels", () => {
    const result = resolveEntities(
      [
        occurrence("a", "person", "Nir Rosen", 3),
        occurrence("a", "person", "Nuri Said"),
        occurrence("a", "person", "Nuri", 4),
      ],
      [doc("a")],
    );
    expect(entityOf(result, "a", "Nuri")).toBe(entityOf(result, "a", "Nuri Said"));
    expect(entityOf(result, "a", "Nuri")).not.toBe(entityOf(result, "a", "Nir Rosen"));
  });

  it("resolves a short form inside its document first, then to the corpus bearer with its title", () => {
    const result = resolveEntities(
      [
        occurrence("001", "person", "Ibrahim Muhammad Ali"),
        occurrence("001", "person", "Ali", 4),
        occurrence("001", "person", "Muhammad Habib"),
        occurrence("001", "person", "Habib", 6),
        occurrence("003", "person", "Ali Salih al-Sa'di"),
        occurrence("003", "person", "al-Sadi", 5),
        occurrence("003", "person", "Abdul Salam Arif", 5),
        occurrence("003", "person", "Abdul Rahman Arif", 2),
        occurrence("003", "person", "Arif", 1),
        occurrence("001", "person", "Abdul Salam Arif"),
        { ...occurrence("001", "person", "Arif", 3), roles: ["Colonel"] },
        { ...occurrence("002", "person", "Arif", 2), roles: ["Colonel"] },
      ],
      [doc("001"), doc("002"), doc("003")],
    );
    expect(entityOf(result, "001", "Ali")).toBe(entityOf(result, "001", "Ibrahim Muhammad Ali"));
    expect(entityOf(result, "001", "Ali")).not.toBe(entityOf(result, "003", "Ali Salih al-Sa'di"));
    expect(entityOf(result, "001", "Habib")).toBe(entityOf(result, "001", "Muhammad Habib"));
    expect(entityOf(result, "003", "al-Sadi")).toBe(entityOf(result, "003", "Ali Salih al-Sa'di"));
    expect(entityOf(result, "003", "Arif")).toBe(entityOf(result, "003", "Abdul Salam Arif"));
    expect(entityOf(result, "002", "Arif")).toBe(entityOf(result, "003", "Abdul Salam Arif"));
  });

  it("joins declared aliases and organizations inside longer names, but not subordinate bodies", () => {
    const result = resolveEntities(
      [
        occurrence("001", "organization", "Iraqi Communist Party", 2),
        occurrence("002", "organization", "Iraqi Communist Party"),
        occurrence("001", "organization", "ICP", 1, "Iraqi Communist Party"),
        occurrence("001", "organization", "Communist Party", 9),
        occurrence("001", "organization", "Ba'ath Party", 3),
        occurrence("001", "organization", "Ba'ath Party Regional Command"),
        occurrence("003", "organization", "Arab Socialist Ba'ath Party – Iraq Region"),
        occurrence("003", "organization", "Baath Party", 2),
      ],
      [doc("001"), doc("002"), doc("003")],
    );
    const icp = entityOf(result, "001", "Iraqi Communist Party");
    expect(entityOf(result, "001", "ICP")).toBe(icp);
    expect(entityOf(result, "001", "Communist Party")).toBe(icp);
    expect(result.entities.find((e) => e.id === icp)!.name).toBe("Iraqi Communist Party");
    const baath = entityOf(result, "001", "Ba'ath Party");
    expect(entityOf(result, "003", "Baath Party")).toBe(baath);
    expect(entityOf(result, "003", "Arab Socialist Ba'ath Party – Iraq Region")).toBe(baath);
    expect(entityOf(result, "001", "Ba'ath Party Regional Command")).not.toBe(baath);
  });

  it("splits a generic name used years apart", () => {
    const result = resolveEntities(
      [
        occurrence("003", "organization", "Ba'ath National Guard Militia", 3),
        occurrence("003", "organization", "National Guard", 2),
        occurrence("001", "organization", "Ba'ath National Guard Militia", 2),
        occurrence("002", "organization", "National Guard", 1),
      ],
      [doc("001", "1963"), doc("002", "1958-12-18"), doc("003", "1963")],
    );
    const militia = entityOf(result, "003", "Ba'ath National Guard Militia");
    expect(entityOf(result, "003", "National Guard")).toBe(militia);
    expect(entityOf(result, "002", "National Guard")).not.toBe(militia);
  });

  it("joins places by their distinctive words", () => {
    const result = resolveEntities(
      [
        occurrence("001", "place", "Ar-Rashid army camp"),
        occurrence("001", "place", "Camp Rashid"),
        occurrence("001", "place", "Iraq", 4),
        occurrence("001", "place", "Republic of Iraq"),
        occurrence("001", "place", "Baghdad", 5),
      ],
      [doc("001")],
    );
    expect(entityOf(result, "001", "Camp Rashid")).toBe(entityOf(result, "001", "Ar-Rashid army camp"));
    expect(entityOf(result, "001", "Republic of Iraq")).toBe(entityOf(result, "001", "Iraq"));
    expect(entityOf(result, "001", "Baghdad")).not.toBe(entityOf(result, "001", "Iraq"));
  });
});

describe("resolveEntities keeps different bearers apart", () => {
  it("never joins people whose full names differ in a given name, whatever joins a surname", () => {
    const result = resolveEntities(
      [
        occurrence("a", "person", "Bashar al-Assad", 5),
        occurrence("a", "person", "Hafez al-Assad", 2),
        occurrence("a", "person", "Assad", 9),
        occurrence("b", "person", "Hafez al-Assad", 3),
        occurrence("b", "person", "Assad", 4),
        occurrence("c", "person", "Bashar al-Assad", 3),
      ],
      [doc("a"), doc("b"), doc("c")],
    );
    expect(entityOf(result, "a", "Hafez al-Assad")).not.toBe(entityOf(result, "a", "Bashar al-Assad"));
    expect(entityOf(result, "b", "Hafez al-Assad")).toBe(entityOf(result, "a", "Hafez al-Assad"));
    expect(entityOf(result, "b", "Assad")).toBe(entityOf(result, "b", "Hafez al-Assad"));
    // Document a names both men: its bare "Assad" goes to the one it cites far more often.
    expect(entityOf(result, "a", "Assad")).toBe(entityOf(result, "a", "Bashar al-Assad"));
  });

  it("keeps apart full names whose middle initials differ in number (father and son)", () => {
    const result = resolveEntities(
      [
        occurrence("a", "person", "George W. Bush", 5),
        occurrence("b", "person", "George H. W. Bush", 2),
        occurrence("c", "person", "George H.W. Bush", 1),
        occurrence("d", "person", "Abdul Salam Arif", 3),
        occurrence("e", "person", "Abdul Salam Mohammed Arif", 1),
      ],
      [doc("a"), doc("b"), doc("c"), doc("d"), doc("e")],
    );
    expect(entityOf(result, "a", "George W. Bush")).not.toBe(entityOf(result, "b", "George H. W. Bush"));
    expect(entityOf(result, "c", "George H.W. Bush")).toBe(entityOf(result, "b", "George H. W. Bush"));
    expect(entityOf(result, "e", "Abdul Salam Mohammed Arif")).toBe(entityOf(result, "d", "Abdul Salam Arif"));
  });

  it("gives a one-word name to the corpus's bearer only when spelled close to the bearer's surname", () => {
    const result = resolveEntities(
      [
        occurrence("a", "person", "Gamal Abdel Nasser", 9),
        occurrence("b", "person", "Nasir", 2),
        occurrence("c", "person", "Al-Nasiriya", 1),
        occurrence("d", "person", "Qasem Soleimani", 6),
        occurrence("e", "person", "Suleimani", 2),
      ],
      [doc("a"), doc("b"), doc("c"), doc("d"), doc("e")],
    );
    expect(entityOf(result, "b", "Nasir")).toBe(entityOf(result, "a", "Gamal Abdel Nasser"));
    expect(entityOf(result, "c", "Al-Nasiriya")).not.toBe(entityOf(result, "a", "Gamal Abdel Nasser"));
    expect(entityOf(result, "e", "Suleimani")).toBe(entityOf(result, "d", "Qasem Soleimani"));
  });

  it("leaves a bare surname unresolved when two bearers of it are cited and its own document names neither", () => {
    const result = resolveEntities(
      [
        occurrence("d1", "person", "Allen Dulles", 4),
        occurrence("d2", "person", "John Foster Dulles", 2),
        occurrence("d3", "person", "Dulles", 6),
        occurrence("d4", "person", "John Eisenhower"),
        occurrence("d5", "person", "Dwight D. Eisenhower", 2),
        occurrence("d6", "person", "Eisenhower", 5),
      ],
      [doc("d1"), doc("d2"), doc("d3"), doc("d4"), doc("d5"), doc("d6")],
    );
    const ids = (name: string) => result.assignments.filter((a) => a.name === name).map((a) => a.entityId);
    expect(entityOf(result, "d1", "Allen Dulles")).not.toBe(entityOf(result, "d2", "John Foster Dulles"));
    expect(ids("Dulles")).not.toContain(entityOf(result, "d1", "Allen Dulles"));
    expect(ids("Dulles")).not.toContain(entityOf(result, "d2", "John Foster Dulles"));
    expect(ids("Eisenhower")).not.toContain(entityOf(result, "d4", "John Eisenhower"));
  });

  it("does not give a titled surname to the document's only bearer when that bearer's titles are others", () => {
    const result = resolveEntities(
      [
        { ...occurrence("a", "person", "Saddam Hussein", 4), roles: ["President"] },
        { ...occurrence("a", "person", "Hussein", 2), roles: ["King"] },
      ],
      [doc("a")],
    );
    expect(entityOf(result, "a", "Hussein")).not.toBe(entityOf(result, "a", "Saddam Hussein"));
  });

  it("gives a name under a royal or religious title to a bearer whose first name it is, never to a surname", () => {
    const result = resolveEntities(
      [
        occurrence("a", "person", "Saddam Hussein", 9),
        { ...occurrence("a", "person", "Hussein", 2), roles: ["King"] },
        { ...occurrence("b", "person", "Hussein", 3), roles: ["King"] },
        occurrence("c", "person", "Saddam Hussein", 6),
        occurrence("d", "person", "Hussein bin Talal"),
        { ...occurrence("d", "person", "Hussein", 2), roles: ["King"] },
      ],
      [doc("a"), doc("b"), doc("c"), doc("d")],
    );
    const saddam = entityOf(result, "a", "Saddam Hussein");
    expect(entityOf(result, "a", "Hussein")).not.toBe(saddam);
    expect(entityOf(result, "b", "Hussein")).not.toBe(saddam);
    expect(entityOf(result, "d", "Hussein")).toBe(entityOf(result, "d", "Hussein bin Talal"));
    expect(entityOf(result, "b", "Hussein")).toBe(entityOf(result, "d", "Hussein bin Talal"));
  });

  it("gives a titled surname to the bearer of that title, and a surname to the corpus's only bearer", () => {
    const result = resolveEntities(
      [
        { ...occurrence("d1", "person", "Dulles", 2), roles: ["Secretary"] },
        occurrence("d1", "person", "John Foster Dulles"),
        occurrence("d2", "person", "Allen Dulles", 5),
        { ...occurrence("d3", "person", "Dulles", 3), roles: ["Secretary"] },
        occurrence("d4", "person", "Frederick Reinhardt"),
        occurrence("d5", "person", "Reinhardt", 6),
      ],
      [doc("d1"), doc("d2"), doc("d3"), doc("d4"), doc("d5")],
    );
    expect(entityOf(result, "d3", "Dulles")).toBe(entityOf(result, "d1", "John Foster Dulles"));
    expect(entityOf(result, "d5", "Reinhardt")).toBe(entityOf(result, "d4", "Frederick Reinhardt"));
  });

  it("never joins two bodies whose names are not one inside the other, even through a shared short name", () => {
    const result = resolveEntities(
      [
        occurrence("a", "organization", "Free Syrian Army", 4),
        occurrence("a", "organization", "Syrian Army", 2),
        occurrence("b", "organization", "Syrian Democratic Forces", 3),
        occurrence("b", "organization", "SDF", 5, "Syrian Democratic Forces"),
        occurrence("c", "organization", "Syrian National Army", 2),
        occurrence("c", "organization", "Syrian Army", 3),
        occurrence("d", "organization", "Iraqi Army"),
        occurrence("d", "organization", "Turkish Army"),
        occurrence("d", "organization", "Army", 4),
      ],
      [doc("a"), doc("b"), doc("c"), doc("d")],
    );
    const fsa = entityOf(result, "a", "Free Syrian Army");
    expect(entityOf(result, "a", "Syrian Army")).not.toBe(fsa);
    expect(entityOf(result, "b", "SDF")).toBe(entityOf(result, "b", "Syrian Democratic Forces"));
    expect(entityOf(result, "b", "SDF")).not.toBe(fsa);
    expect(entityOf(result, "c", "Syrian Army")).not.toBe(entityOf(result, "c", "Syrian National Army"));
    expect(entityOf(result, "d", "Iraqi Army")).not.toBe(entityOf(result, "d", "Turkish Army"));
  });

  it("gives a body's name of generic words to its own document's body, never a bridge between two countries' or two towns'", () => {
    const result = resolveEntities(
      [
        occurrence("moscow", "organization", "Russian Air Force", 5),
        occurrence("moscow", "organization", "Air Force", 3),
        occurrence("washington", "organization", "United States Air Force", 2),
        occurrence("washington", "organization", "Air Force", 4),
        occurrence("washington", "organization", "Marine Air-Ground Task Force"),
        occurrence("manbij", "organization", "Manbij Military Council", 4),
        occurrence("manbij", "organization", "Military Council", 2),
        occurrence("damascus", "organization", "Damascus Military Council", 2),
        occurrence("damascus", "organization", "Military Council", 1),
        occurrence("elsewhere", "organization", "Military Council", 1),
        occurrence("later", "organization", "Military Council", 1),
      ],
      ["moscow", "washington", "manbij", "damascus", "elsewhere", "later"].map((id) => doc(id)),
    );
    const russian = entityOf(result, "moscow", "Russian Air Force");
    const american = entityOf(result, "washington", "United States Air Force");
    expect(american).not.toBe(russian);
    expect(entityOf(result, "moscow", "Air Force")).toBe(russian);
    expect(entityOf(result, "washington", "Air Force")).toBe(american);
    expect(entityOf(result, "washington", "Marine Air-Ground Task Force")).not.toBe(american);
    const manbij = entityOf(result, "manbij", "Manbij Military Council");
    const damascus = entityOf(result, "damascus", "Damascus Military Council");
    expect(damascus).not.toBe(manbij);
    expect(entityOf(result, "manbij", "Military Council")).toBe(manbij);
    expect(entityOf(result, "damascus", "Military Council")).toBe(damascus);
    const unresolved = entityOf(result, "elsewhere", "Military Council");
    expect([manbij, damascus]).not.toContain(unresolved);
    expect(entityOf(result, "later", "Military Council")).toBe(unresolved);
  });

  it("reads a country named in several words as one qualifier, and an acronym as no generic word", () => {
    const result = resolveEntities(
      [
        occurrence("a", "organization", "United States Department of State", 2),
        occurrence("b", "organization", "Department of State", 3),
        occurrence("c", "organization", "Saudi Arabia National Guard", 2),
        occurrence("c", "organization", "Iraqi National Guard", 2),
        occurrence("d", "organization", "New Zealand Security Intelligence Service", 2),
        occurrence("e", "organization", "Secret Intelligence Service", 3),
        occurrence("f", "organization", "United Nations", 5),
        occurrence("f", "organization", "UN", 2, "United Nations"),
        occurrence("g", "organization", "UN", 3),
      ],
      ["a", "b", "c", "d", "e", "f", "g"].map((id) => doc(id)),
    );
    expect(entityOf(result, "a", "United States Department of State")).toBe(
      entityOf(result, "b", "Department of State"),
    );
    expect(entityOf(result, "c", "Saudi Arabia National Guard")).not.toBe(
      entityOf(result, "c", "Iraqi National Guard"),
    );
    expect(entityOf(result, "e", "Secret Intelligence Service")).not.toBe(
      entityOf(result, "d", "New Zealand Security Intelligence Service"),
    );
    expect(entityOf(result, "g", "UN")).toBe(entityOf(result, "f", "United Nations"));
  });

  it("keeps names apart whose keys collide but whose spellings do not (York / Iraq, Oman / Amman, Bab / Baba)", () => {
    const result = resolveEntities(
      [
        occurrence("a", "place", "Iraq", 9),
        occurrence("b", "place", "York", 2),
        occurrence("a", "place", "Oman"),
        occurrence("b", "place", "Amman"),
        occurrence("a", "place", "al-Bab"),
        occurrence("b", "place", "Baba"),
        occurrence("a", "place", "Kirkuk"),
        occurrence("b", "place", "Karkuk"),
      ],
      [doc("a"), doc("b")],
    );
    expect(entityOf(result, "b", "York")).not.toBe(entityOf(result, "a", "Iraq"));
    expect(entityOf(result, "b", "Amman")).not.toBe(entityOf(result, "a", "Oman"));
    expect(entityOf(result, "b", "Baba")).not.toBe(entityOf(result, "a", "al-Bab"));
    expect(entityOf(result, "b", "Karkuk")).toBe(entityOf(result, "a", "Kirkuk"));
  });

  it("does not make a country the longer place named after it (Jordan / Jordan River)", () => {
    const result = resolveEntities(
      [
        occurrence("a", "place", "Jordan", 5),
        occurrence("a", "place", "Jordan River"),
        occurrence("a", "place", "Hashemite Kingdom of Jordan"),
      ],
      [doc("a")],
    );
    expect(entityOf(result, "a", "Jordan River")).not.toBe(entityOf(result, "a", "Jordan"));
  });

  it("keeps apart places the gazetteer puts in different countries, however alike their keys (Iraq / Arak)", () => {
    const result = resolveEntities(
      [occurrence("a", "place", "Iraq", 9), occurrence("b", "place", "Arak"), occurrence("c", "place", "Irak")],
      [doc("a"), doc("b"), doc("c")],
    );
    expect(entityOf(result, "b", "Arak")).not.toBe(entityOf(result, "a", "Iraq"));
    expect(entityOf(result, "c", "Irak")).toBe(entityOf(result, "a", "Iraq"));
  });

  it("does not join a body to a longer name through a common word, a short key spelled otherwise or a word inserted", () => {
    const result = resolveEntities(
      [
        occurrence("a", "organization", "Free Syrian Army", 5),
        occurrence("a", "organization", "Free Police", 2),
        occurrence("b", "organization", "al-Nusra Front", 5),
        occurrence("b", "organization", "Nusayri"),
        occurrence("b", "organization", "Nusra", 2),
        occurrence("c", "organization", "United Nations", 9),
        occurrence("c", "organization", "United Arab Nations"),
        occurrence("d", "organization", "Syrian Arab Army", 3),
        occurrence("d", "organization", "Syrian Army", 2),
      ],
      [doc("a"), doc("b"), doc("c"), doc("d")],
    );
    expect(entityOf(result, "a", "Free Police")).not.toBe(entityOf(result, "a", "Free Syrian Army"));
    expect(entityOf(result, "b", "Nusayri")).not.toBe(entityOf(result, "b", "al-Nusra Front"));
    expect(entityOf(result, "b", "Nusra")).toBe(entityOf(result, "b", "al-Nusra Front"));
    expect(entityOf(result, "c", "United Arab Nations")).not.toBe(entityOf(result, "c", "United Nations"));
    expect(entityOf(result, "d", "Syrian Army")).toBe(entityOf(result, "d", "Syrian Arab Army"));
  });

  it("joins an acronym nobody declared to the name whose initials it spells: its document's, else the corpus's only clear one", () => {
    const result = resolveEntities(
      [
        occurrence("a", "place", "United States", 9),
        occurrence("b", "place", "U.S.", 4),
        occurrence("c", "organization", "Syrian National Council", 3),
        occurrence("c", "organization", "SNC"),
        occurrence("d", "organization", "Syrian National Coalition", 20),
        occurrence("e", "organization", "Palestine Liberation Organization", 3),
        occurrence("f", "organization", "Popular Liberation Organization", 2),
        occurrence("g", "organization", "PLO"),
      ],
      [doc("a"), doc("b"), doc("c"), doc("d"), doc("e"), doc("f"), doc("g")],
    );
    const unitedStates = entityOf(result, "a", "United States");
    expect(entityOf(result, "b", "U.S.")).toBe(unitedStates);
    const reasons = result.entities.find((e) => e.id === unitedStates)!.mergeReasons;
    expect(reasons.map((r) => r.reason)).toContain('"U.S." is the initials of United States');
    expect(entityOf(result, "c", "SNC")).toBe(entityOf(result, "c", "Syrian National Council"));
    const plo = entityOf(result, "g", "PLO");
    expect(plo).not.toBe(entityOf(result, "e", "Palestine Liberation Organization"));
    expect(plo).not.toBe(entityOf(result, "f", "Popular Liberation Organization"));
  });

  it("names an entity by its most cited name, not by a longer one cited far less (United Nations Force)", () => {
    const result = resolveEntities(
      [
        occurrence("a", "organization", "United Nations", 40),
        occurrence("a", "organization", "United Nations Force", 2),
        occurrence("b", "organization", "United Nations", 30),
        occurrence("b", "organization", "United Nations Force"),
      ],
      [doc("a"), doc("b")],
    );
    const un = entityOf(result, "a", "United Nations");
    expect(result.entities.find((e) => e.id === un)!.name).toBe("United Nations");
  });

  it("names an entity by its spelled-out name rather than an acronym cited more", () => {
    const result = resolveEntities(
      [occurrence("a", "organization", "Hayat Tahrir al-Sham", 2), occurrence("a", "organization", "HTS", 30)],
      [doc("a")],
    );
    const hts = entityOf(result, "a", "HTS");
    expect(entityOf(result, "a", "Hayat Tahrir al-Sham")).toBe(hts);
    expect(result.entities.find((e) => e.id === hts)!.name).toBe("Hayat Tahrir al-Sham");
  });

  it("takes markup identifiers as hard evidence, joining and separating", () => {
    const result = resolveEntities(
      [
        { ...occurrence("a", "person", "Nuri", 3), refs: ["p_alSN1"] },
        { ...occurrence("b", "person", "Nuri Said"), refs: ["p_alSN1"] },
        { ...occurrence("c", "person", "Abdul Karim Qassim"), refs: ["p_QGAK1"] },
        { ...occurrence("d", "person", "Abd al-Karim Qasim"), refs: ["p_other"] },
      ],
      [doc("a"), doc("b"), doc("c"), doc("d")],
    );
    expect(entityOf(result, "a", "Nuri")).toBe(entityOf(result, "b", "Nuri Said"));
    expect(entityOf(result, "c", "Abdul Karim Qassim")).not.toBe(entityOf(result, "d", "Abd al-Karim Qasim"));
  });

  it("gives a name that is a person only by its form the type a rule or the gazetteer gave it elsewhere", () => {
    const byForm = (documentId: string, name: string, count: number, extractors: string[]) => ({
      ...occurrence(documentId, "person", name, count),
      extractors,
    });
    const result = resolveEntities(
      [
        byForm("a", "al-Qaeda", 9, ["arabic-name"]),
        { ...occurrence("b", "organization", "al-Qaeda"), extractors: ["arabic-name"] },
        byForm("a", "Levant al-Qaeda", 1, ["arabic-name"]),
        byForm("c", "Jarabulus", 5, ["gazetteer+model", "gazetteer+document-name"]),
        { ...occurrence("c2", "place", "Jarabulus"), extractors: ["gazetteer"] },
        byForm("d", "al-Bakr", 6, ["arabic-name"]),
        { ...occurrence("e", "organization", "al-Bakr"), extractors: ["model"] },
        byForm("f", "Hussein", 4, ["arabic-name"]),
        { ...occurrence("f", "person", "Saddam Hussein") },
        { ...occurrence("g", "place", "Hussein"), extractors: ["gazetteer"] },
        byForm("h", "al-Rai", 3, ["arabic-name"]),
        { ...occurrence("h", "place", "al-Rai"), extractors: ["arabic-name"] },
        { ...byForm("i", "al-Rai", 1, ["title-rank"]), roles: ["General"] },
      ],
      ["a", "b", "c", "c2", "d", "e", "f", "g", "h", "i"].map((id) => doc(id)),
    );
    const typeIn = (documentId: string, name: string) =>
      result.entities.find((e) => e.id === entityOf(result, documentId, name))?.type;
    expect(typeIn("a", "al-Qaeda")).toBe("organization");
    expect(typeIn("c", "Jarabulus")).toBe("place");
    expect(entityOf(result, "c2", "Jarabulus")).toBe(entityOf(result, "c", "Jarabulus"));
    expect(typeIn("d", "al-Bakr")).toBe("person");
    expect(typeIn("f", "Hussein")).toBe("person");
    expect(typeIn("h", "al-Rai")).toBe("person");
  });

  it("votes a name's type over its mentions, unless the source states the type", () => {
    const result = resolveEntities(
      [
        occurrence("a", "organization", "Hezbollah", 9),
        occurrence("b", "organization", "Hezbollah", 4),
        occurrence("c", "place", "Hezbollah", 1),
      ],
      [doc("a"), doc("b"), doc("c")],
    );
    expect(result.entities.filter((e) => e.name === "Hezbollah").map((e) => e.type)).toEqual(["organization"]);
    const placeMention = result.assignments.find((a) => a.documentId === "c")!;
    expect(placeMention.type).toBe("place");
    expect(placeMention.entityId).toBe(entityOf(result, "a", "Hezbollah"));
  });
});
