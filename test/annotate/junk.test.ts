import { describe, expect, it } from "vitest";
import { extractMentions } from "../../src/annotate/mentions/index.js";
import { isJunkName } from "../../src/annotate/mentions/refiners/junk.js";
import { textDocument } from "../../src/core/text-document.js";

describe("junk names", () => {
  it.each([
    ["Deptel", "organization"],
    ["Central Files", "organization"],
    ["Ibid", "person"],
    ["Source", "organization"],
    ["Para", "place"],
    ["Iraqis", "organization"],
    ["Americans", "organization"],
    ["Syrian", "place"],
    ["John D", "person"],
    ["William M.", "person"],
    ["Kingdom", "place"],
    ["Mr.", "person"],
    ["Mrs", "person"],
    ["Sheikh", "person"],
    ["Dulles Papers", "person"],
    ["B-PER", "person"],
    ["O VIDEO O", "person"],
    ["Syria.svg | See Al-Hasakah", "person"],
    ["Hussein See", "person"],
    ["Shia Iraqi", "person"],
    ["Uighur", "person"],
    ["Sunni Arabs", "person"],
    ["Hussein US", "person"],
    ["Armistice Agreements", "person"],
    ["Security Companies", "person"],
    ["Armistice Agreement", "person"],
  ] as const)("%s is no %s", (name, type) => {
    expect(isJunkName({ name, type })).toBe(true);
  });

  it.each([
    ["Chaderchi", "person"],
    ["Iraq", "place"],
    ["Oman", "place"],
    ["Jordan", "place"],
    ["John Foster Dulles", "person"],
    ["Dwight D. Eisenhower", "person"],
    ["Iraqi Communist Party", "organization"],
    ["National Guard", "organization"],
    ["CIA", "organization"],
    ["Ba'ath Party", "organization"],
    ["Uighur", "group"],
    ["John Banks", "person"],
    ["Hussein", "person"],
    ["Camp David Accords", "organization"],
    ["Warren Hastings", "person"],
  ] as const)("%s is a %s", (name, type) => {
    expect(isJunkName({ name, type })).toBe(false);
  });

  const persons = (text: string) =>
    extractMentions(textDocument(text), undefined, { namesOnly: true })
      .filter((m) => m.type === "person")
      .map((m) => m.text);

  it("takes no work's title and no word of an image's file name for a person", () => {
    expect(persons("His memoir (original title Meine Kriegserinnerungen, 1914–1918) was read.")).toEqual([]);
    expect(persons("Roundel of Syria.svg 20 June 2012 – A Turkish jet was shot down.")).toEqual([]);
  });

  it("takes a label in capitals before an identifier's number for no name, and keeps an acronym before a short number", () => {
    const names = (text: string) =>
      extractMentions(textDocument(text), undefined, { namesOnly: true }).map((m) => m.text);
    const references = "Sources: Seale, Patrick. Asad. ISBN: 978-0-520-06976-3. Also OCLC 61330271 and ISSN 0027-8424.";
    expect(names(references).filter((n) => /^(ISBN|OCLC|ISSN)$/.test(n))).toEqual([]);
    expect(names("In 1958 the NATO 1958 summit met, and the UAR 3 divisions moved.")).toEqual(
      expect.arrayContaining(["NATO"]),
    );
  });

  it("keeps a person named after a title or beside an image when the words are the person's", () => {
    expect(persons("The book by Gertrude Bell was read. Bell.jpg shows her.")).toContain("Gertrude Bell");
  });

  it("takes no phrase of words its document writes in lower case for a person", () => {
    const text = "The Private Security Contractor fulfills many needs. A security contractor guards convoys for a fee.";
    expect(persons(text).filter((p) => p.endsWith("Security Contractor"))).toEqual([]);
  });

  it("keeps a person whose words the document never writes in lower case", () => {
    const text = "Private Halloran Maddox guarded the convoy. The convoy reached a security post.";
    expect(persons(text).filter((p) => p.endsWith("Halloran Maddox"))).toHaveLength(1);
  });

  it("finds a one-word name again only where it is no word its document writes in lower case", () => {
    const text =
      "Guards of Private Security left. Private security is a trade. Security Companies grew. Corporal Hasan Sari joined. Later Sari left.";
    const found = persons(text);
    expect(found.filter((p) => p === "Security")).toEqual([]);
    expect(found).toContain("Sari");
  });
});
