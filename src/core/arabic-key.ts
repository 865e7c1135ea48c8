/**
 * Arabic-script names spelled out in the letters tokenKey folds Latin spellings to, so that قاسم
 * gets the key of Qasim ("ksm") and عارف that of Arif ("arf"). Long vowels (ا ى ي, و between
 * consonants) become a vowel the key then drops, ʿayn and hamza go like the Latin apostrophe (a
 * word-initial one is the word's initial vowel, as in Umar), tāʾ marbūṭa goes as in "Fatima",
 * short-vowel marks and tatweel go, and the article ال is cut.
 */
const LETTERS: Readonly<Record<string, string>> = {
  ب: "b",
  ت: "t",
  ث: "th",
  ج: "j",
  ح: "h",
  خ: "kh",
  د: "d",
  ذ: "dh",
  ر: "r",
  ز: "z",
  س: "s",
  ش: "sh",
  ص: "s",
  ض: "d",
  ط: "t",
  ظ: "z",
  غ: "gh",
  ف: "f",
  ق: "k",
  ك: "k",
  ک: "k",
  ل: "l",
  م: "m",
  ن: "n",
  ه: "h",
  ة: "",
  پ: "p",
  چ: "ch",
  ژ: "zh",
  گ: "g",
  ا: "a",
  أ: "a",
  إ: "a",
  آ: "a",
  ٱ: "a",
  ى: "a",
  ي: "i",
  ی: "i",
  ئ: "i",
  ؤ: "u",
};
const GLOTTAL = new Set(["ع", "ء"]);
const ALEF = new Set(["ا", "أ", "إ", "آ", "ى"]);
const MARKS = /[\u064b-\u065f\u0670\u0640]/g;
const ARABIC_LETTER = /[\u0620-\u064a\u066e-\u06d3\u06fa-\u06ff]/;

export function isArabicScript(token: string): boolean {
  return ARABIC_LETTER.test(token);
}

/** Latin letters for an Arabic-script word, article cut: "الكريم" → "krim", "عارف" → "arf". */
export function arabicToLatin(token: string): string {
  let word = token.replace(MARKS, "");
  if (word.startsWith("عبدال") && word.length > 5) word = "عبد" + word.slice(5);
  else if (word.startsWith("ال") && word.length > 3) word = word.slice(2);
  else if (word === "ال") return "";
  const letters = [...word];
  let out = "";
  letters.forEach((letter, i) => {
    if (GLOTTAL.has(letter)) {
      if (i === 0) out += "a";
      return;
    }
    if (letter === "و") {
      // w at the start and next to a long a (Marwan, Dawud); u between consonants (Nuri, Mahmud, Yusuf).
      const consonant = i === 0 || ALEF.has(letters[i - 1]!) || ALEF.has(letters[i + 1] ?? "");
      out += consonant ? "w" : "u";
      return;
    }
    // y at the start (Yusuf, Yasin), like the Latin spellings' leading consonant y.
    out += letter === "ي" && i === 0 ? "y" : (LETTERS[letter] ?? "");
  });
  return out;
}
