/**
 * Sentences and tokens of wikipedia-syria Markdown prose, for hand annotation. Tokenization is
 * simple on purpose: split on whitespace, then peel punctuation off each word, keeping
 * abbreviations ("U.S."), inner apostrophes and hyphens ("al-Sa'di", "Ba'ath") whole and
 * splitting a possessive "'s" into its own token so that it can stay outside a name.
 */

const ABBREVIATIONS = new Set(
  "mr mrs ms dr gen lt col maj brig capt sgt cpl adm st jr sr no vs etc inc co corp ltd gov sen rep prof rev mt ft approx".split(
    " ",
  ),
);

/** Prose paragraphs of a Markdown article: front matter, headings, lists, tables and images dropped. */
export function proseParagraphs(markdown: string): string[] {
  const body = markdown.replace(/^---\n[\s\S]*?\n---\n/, "");
  const paragraphs: string[] = [];
  for (const line of body.split("\n")) {
    const text = line.trim();
    if (text === "" || /^(#|\||!\[|[-*+] |>|\d+\. )/.test(text)) continue;
    const plain = text
      .replace(/!\[[^\]]*\]\([^)]*\)/g, "")
      .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
      .replace(/\*\*|__/g, "")
      .replace(/(^|\s)\*([^*\s][^*]*)\*/g, "$1$2")
      .replace(/\s+/g, " ")
      .trim();
    if (plain.split(" ").length >= 6) paragraphs.push(plain);
  }
  return paragraphs;
}

/** Splits a paragraph at ". ", "? " and "! " before a capital, digit or quote, except after abbreviations. */
export function sentences(paragraph: string): string[] {
  const result: string[] = [];
  let start = 0;
  const boundary = /[.?!]["”’)]?\s+(?=["“‘(]?[A-Z0-9])/g;
  for (let match = boundary.exec(paragraph); match; match = boundary.exec(paragraph)) {
    const before = paragraph.slice(start, match.index + 1);
    const lastWord = /(\S+)$/.exec(before)?.[1] ?? "";
    const stem = lastWord.replace(/[.?!]$/, "").replace(/^["“‘(]/, "");
    if (ABBREVIATIONS.has(stem.toLowerCase()) || /^[A-Z]$/.test(stem) || /^([A-Za-z]\.)+[A-Za-z]$/.test(stem)) continue;
    result.push(paragraph.slice(start, match.index + match[0].trimEnd().length).trim());
    start = match.index + match[0].length;
  }
  const rest = paragraph.slice(start).trim();
  if (rest !== "") result.push(rest);
  return result;
}

const LEADING = /^[("“‘'[{«]/;
const TRAILING = /[)"”’'\]},;:.?!»]$/;

/** Tokens of one sentence. */
export function tokenize(sentence: string): string[] {
  const tokens: string[] = [];
  for (const word of sentence.split(/\s+/)) {
    if (word !== "") tokens.push(...wordTokens(word));
  }
  return tokens;
}

function wordTokens(word: string): string[] {
  const before: string[] = [];
  const after: string[] = [];
  let core = word;
  while (core.length > 1 && LEADING.test(core)) {
    before.push(core[0]!);
    core = core.slice(1);
  }
  while (core.length > 1 && TRAILING.test(core)) {
    if (core.endsWith(".") && isAbbreviation(core)) break;
    after.unshift(core[core.length - 1]!);
    core = core.slice(0, -1);
  }
  const possessive = /^(.+?)(['’]s|s['’])$/.exec(core);
  if (possessive && possessive[1]!.length > 1 && /[A-Za-z0-9]/.test(possessive[1]!)) {
    const [, stem, suffix] = possessive;
    return suffix!.startsWith("s")
      ? [...before, `${stem!}s`, suffix!.slice(1), ...after]
      : [...before, stem!, suffix!, ...after];
  }
  return [...before, core, ...after];
}

function isAbbreviation(word: string): boolean {
  const stem = word.slice(0, -1);
  return /^([A-Za-z]\.)+[A-Za-z]$/.test(stem) || /^[A-Z]$/.test(stem) || ABBREVIATIONS.has(stem.toLowerCase());
}
