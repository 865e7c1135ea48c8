import { describe, expect, it } from "vitest";
import { keyedWords } from "../../src/resolve/entity-keys.js";
import { nameKey, tokenKey } from "../../src/core/name-key.js";

describe("transliteration keys of Arabic-script names", () => {
  it.each([
    ["قاسم", "Qasim"],
    ["عارف", "Arif"],
    ["عمر", "Omar"],
    ["محمود", "Mahmoud"],
    ["مروان", "Marwan"],
    ["يوسف", "Yusuf"],
    ["فاطمة", "Fatima"],
    ["بغداد", "Baghdad"],
  ])("%s gets the key of %s", (arabic, latin) => {
    expect(tokenKey(arabic)).toBe(tokenKey(latin));
    expect(tokenKey(arabic)).not.toBe("");
  });

  it("drops the article and keeps Abd with the name it belongs to", () => {
    expect(nameKey("عبد الكريم قاسم")).toBe("abd krm ksm");
    expect(nameKey("عبد الكريم قاسم")).toBe(nameKey("Abd al-Karim Qasim"));
    expect(nameKey("نوري السعيد")).toBe(nameKey("Nuri al-Said"));
    expect(tokenKey("ال")).toBe("");
  });

  it("ignores short-vowel marks and tatweel", () => {
    expect(tokenKey("قَاسِم")).toBe("ksm");
    expect(tokenKey("قـاسم")).toBe("ksm");
  });

  it("keeps different names apart", () => {
    expect(tokenKey("قاسم")).not.toBe(tokenKey("عارف"));
    expect(tokenKey("عارف")).not.toBe(tokenKey("Nasser"));
    expect(tokenKey("ناصر")).not.toBe(tokenKey("Qasim"));
  });
});

describe("resolution keys of Arabic-script names", () => {
  it("gives a person written in Arabic script the keys of the Latin spelling", () => {
    const keys = (name: string) => keyedWords(name, "person").map((part) => part.key);
    expect(keys("عبد الكريم قاسم")).toEqual(keys("Abd al-Karim Qasim"));
    expect(keys("عبد السلام عارف")).toEqual(keys("Abdul Salam Aref"));
    expect(keys("عبد السلام عارف")).not.toEqual(keys("Abd al-Karim Qasim"));
  });
});
