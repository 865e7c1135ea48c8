import { describe, expect, it } from "vitest";
import { countryNamed, countryOfDemonym, countryOfWord } from "../../src/annotate/mentions/gazetteer/countries.js";
import { qualifiers } from "../../src/resolve/name-qualifiers.js";

describe("nationality words and country qualifiers", () => {
  it("knows regular, irregular and -stan demonyms, and no common word", () => {
    const words = ["Iraqi", "Syrians", "Lebanese", "Soviet", "Uzbek", "Kazakhs", "Tajik", "Turkmen", "Kyrgyz"];
    expect(words.map(countryOfDemonym)).toEqual(["IQ", "SY", "LB", "SU", "UZ", "KZ", "TJ", "TM", "KG"]);
    expect(["Stan", "Party", "Army", "Union"].map(countryOfWord)).toEqual([undefined, undefined, undefined, undefined]);
  });

  it("knows countries by the names historical texts give them, renamed or gone since", () => {
    const names = ["Turkey", "Burma", "Ceylon", "Siam", "Yugoslavia", "Upper Volta", "Muscat and Oman"];
    expect(names.map(countryNamed)).toEqual(["TR", "MM", "LK", "TH", "YU", "BF", "OM"]);
    expect(["Burmese", "Ceylonese", "Siamese"].map(countryOfDemonym)).toEqual(["MM", "LK", "TH"]);
  });

  it("reads a country named in several words as one qualifier, a town as a place, an acronym as no place", () => {
    const of = (name: string) => qualifiers(name.split(" ")).map((q) => q?.identity ?? null);
    expect(of("United States Air Force")).toEqual(["US", "US", null, null]);
    expect(of("Saudi Arabia National Guard")).toEqual(["SA", "SA", null, null]);
    expect(of("Manbij Military Council")).toEqual(["place:manbij", null, null]);
    expect(of("Russian Air Force")).toEqual(["RU", null, null]);
    expect(of("UN Security Council")).toEqual([null, null, null]);
    expect(of("United Nations")).toEqual([null, null]);
  });
});
