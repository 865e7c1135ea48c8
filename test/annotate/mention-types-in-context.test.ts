import { describe, expect, it } from "vitest";
import type { Mention } from "../../src/annotate/mentions/index.js";
import { extractMentions } from "../../src/annotate/mentions/index.js";
import { textDocument } from "../../src/core/text-document.js";

const mentionsIn = (text: string): Mention[] => extractMentions(textDocument(text), undefined, { namesOnly: true });
const typeOf = (text: string, surface: string) => mentionsIn(text).find((m) => m.text === surface)?.type;

describe("a lone article-joined name", () => {
  it.each([
    ["Turkish-backed rebels entered al-Bab on Monday.", "al-Bab"],
    ["The fighting in al-Shaddadi ended at dawn.", "al-Shaddadi"],
    ["Convoys moved towards al-Rai.", "al-Rai"],
    ["Government forces advanced towards Abu Kamal.", "Abu Kamal"],
  ])("is a place when the gazetteer knows it or a locative preposition stands before it: %s", (text, surface) => {
    expect(typeOf(text, surface)).toBe("place");
  });

  it("stays a person in a person's context, even before a place", () => {
    expect(typeOf("He met al-Bakr in Baghdad.", "al-Bakr")).toBe("person");
    expect(typeOf("They had faith in Abdul Karim Qasim.", "Abdul Karim Qasim")).toBe("person");
    expect(typeOf("Later al-Bakr spoke to the officers.", "al-Bakr")).toBe("person");
  });

  it.each([
    ["The Arab-language news channel Al Jazeera broadcast it.", "Al Jazeera"],
    ["Militants of ISIL and al-Qaeda-linked groups attacked.", "al-Qaeda"],
    ["The report by Al-Masdar News said so.", "Al-Masdar News"],
  ])("is an organization after a body's noun or before '-linked': %s", (text, surface) => {
    expect(typeOf(text, surface)).toBe("organization");
  });

  it("takes the type of the body its document names by it and a head word, not of a unit named after a man", () => {
    expect(typeOf("The al-Nusra Front attacked. Later al-Nusra bombers struck.", "al-Nusra")).toBe("organization");
    expect(typeOf("The al-Sadi Brigade held. Later al-Sadi spoke.", "al-Sadi")).toBe("person");
  });
});

describe("places the model would take for persons", () => {
  it("keeps a city a place after a locative preposition", () => {
    expect(typeOf("Turkish forces prepared for an attack near Jarabulus.", "Jarabulus")).toBe("place");
  });

  it("keeps a name headed by a place word a place even when it starts like a given name", () => {
    expect(typeOf("The offensive reached Ayn Issa. Ayn Issa fell within days.", "Ayn Issa")).toBe("place");
  });
});

describe("names with letters beyond Latin-1", () => {
  it("finds a name written with Turkish or Polish letters whole", () => {
    const mentions = mentionsIn("Later Erdoğan met Putin. Lech Wałęsa spoke in Gdańsk.");
    expect(mentions.map((m) => m.text)).toEqual(expect.arrayContaining(["Erdoğan", "Putin"]));
    expect(mentions.some((m) => m.text === "Erdo" || m.text.endsWith("Wa"))).toBe(false);
  });
});

describe("a one-word person the model alone found", () => {
  it("is a body's name after 'the'", () => {
    expect(typeOf("The Taliban said so on Monday.", "Taliban")).toBe("organization");
    expect(typeOf("A spokesman for the Taliban said it.", "Taliban")).toBe("organization");
  });

  it("is a body's name before a body's noun, a media word allowed between", () => {
    expect(typeOf("Later Zarkov news agency reported that the jet fell.", "Zarkov")).toBe("organization");
  });

  it("is no body's name before other words, even a body's noun after another word", () => {
    expect(typeOf("Later Zarkov loyalist militia reported that the jet fell.", "Zarkov")).not.toBe("organization");
  });

  it("stays a person without an article", () => {
    expect(typeOf("Later Putin met the press.", "Putin")).toBe("person");
  });
});

describe("a person's name before a place's noun or after 'the village of'", () => {
  it.each([
    ["On 21 November, rebels attacked the nearby Sheikh Suleiman base but were repelled.", "Sheikh Suleiman"],
    ["The rebels redirected their assault to the Kurdish-held village of Sheikh Nassir.", "Sheikh Nassir"],
  ])("is a place's: %s", (text, surface) => {
    expect(typeOf(text, surface)).toBe("place");
  });

  it("stays a person's before other nouns", () => {
    expect(typeOf("Later Sheikh Suleiman spoke to the elders of the village.", "Sheikh Suleiman")).toBe("person");
  });
});
