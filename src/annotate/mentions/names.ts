/** Regular-expression pieces for names in cased text, and the normalization of a mention's name. */

const LETTER = "[\\p{L}\\p{M}]";
/** An apostrophe inside a word ("Ba'ath", "Sa'di"), never a possessive "'s". */
const INNER_APOSTROPHE = "['’](?=\\p{L})(?!s(?![\\p{L}\\p{M}]))";
const WORD_BODY = `(?:${LETTER}|${INNER_APOSTROPHE})*`;

/** A capitalised word, its hyphenated parts included: "Abdul-Karim", "AlDabbagh", "AS-Said", "Sa'di". */
export const CAPITALISED_WORD = `\\p{Lu}${WORD_BODY}(?:[-‐]${LETTER}${WORD_BODY})*`;

/** An Arabic article joined to a capitalised name: "al-Bakr", "as-Salman", "el-Din". */
export const JOINED_PARTICLE_WORD = `(?:al|el|as|ar|ad|an|at|az|ash|ad|ud|ul)[-‐]\\p{Lu}${WORD_BODY}`;

export const NAME_WORD = `(?:${CAPITALISED_WORD}|${JOINED_PARTICLE_WORD})`;

/** Lower-case words allowed between the capitalised words of a person's name. */
export const NAME_CONNECTOR = "(?:bin|ibn|bint|ben|abu|al|el|de|da|di|van|von|der|den|du|la|le|y)";

/** A sequence of name words on one line: "Abd al-Karim Qasim", "Abdul Aziz Al Aqili", "Osama bin Laden". */
export const NAME_SEQUENCE = `${NAME_WORD}(?:[ \\t]+(?:${NAME_CONNECTOR}[ \\t]+)?${NAME_WORD})*`;

/** Whitespace collapsed, a possessive and trailing punctuation removed ("Qasim's," → "Qasim"; "U.S." stays). */
export function normalizeName(text: string): string {
  let name = text.replace(/\s+/g, " ").trim();
  name = name.replace(/[,;:!?"“”()[\]]+$/u, "");
  if (name.endsWith(".") && !/(?:^|[\s.])\p{L}\.$/u.test(name)) name = name.slice(0, -1);
  return name
    .replace(/['’]s$/u, "")
    .replace(/(?<=s)['’]$/u, "")
    .trim();
}

export interface PlacedWord {
  text: string;
  start: number;
  end: number;
}

/** The words of text[start, end) separated by spaces and tabs, as the name patterns separate them. */
export function blankSeparatedWords(text: string, start: number, end: number): PlacedWord[] {
  const words: PlacedWord[] = [];
  let from = start;
  for (let i = start; i <= end; i++) {
    const code = i < end ? text.charCodeAt(i) : 32;
    if (code !== 32 && code !== 9) continue;
    if (i > from) words.push({ text: text.slice(from, i), start: from, end: i });
    from = i + 1;
  }
  return words;
}

/** Words of a name as written, split at spaces. */
export function wordsOf(text: string): string[] {
  return text.split(/\s+/).filter((word) => word.length > 0);
}

export function regexOf(pattern: string, flags = "gu"): RegExp {
  return new RegExp(pattern, flags);
}
