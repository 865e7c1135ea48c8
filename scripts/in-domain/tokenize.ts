/**
 * The tokenizer of the hand-annotated in-domain CoNLL files: split on whitespace, then peel
 * punctuation off both ends of each word. Abbreviations ("U.S.", "a.m.", "Mr."), words with inner
 * apostrophes or hyphens ("al-Sa'di", "Ba'ath") and file numbers ("787.00/7–1458") stay whole;
 * brackets, an em dash, and a slash or comma between letters ("Hussein/Rifai", "fracas,According")
 * stand alone; a possessive "'s" is its own token.
 */
const ABBREVIATIONS = new Set(
  (
    "Mr Mrs Ms Dr St Sr Jr Gen Col Lt Brig Maj Capt Sgt Adm Cmdr Gov Sen Rep Amb Min Pres Prof Rev Messrs " +
    "No Nos Dept Govt Vol Co Corp Inc Ltd Jan Feb Mar Apr Aug Sept Sep Oct Nov Dec Mt Ft etc vs cf"
  ).split(" "),
);
const LEADING = /^[("“‘'[{«<*|•·]/;
const TRAILING = /[)"”’'\]}»>,;:!?*|]$/;
const POSSESSIVE = /^(.+?)(['’]s)$/;

function keepsPeriod(word: string): boolean {
  if (/^[A-Z]\.$/.test(word) || (/^([A-Za-z]\.)+[A-Za-z]?\.?$/.test(word) && word.length > 2)) return true;
  return ABBREVIATIONS.has(word.slice(0, -1));
}

function splitWord(chunk: string): string[] {
  const before: string[] = [];
  const after: string[] = [];
  let word = chunk;
  for (;;) {
    if (word.length > 1 && LEADING.test(word)) {
      before.push(word[0]!);
      word = word.slice(1);
    } else if (word.length > 1 && TRAILING.test(word)) {
      after.unshift(word.slice(-1));
      word = word.slice(0, -1);
    } else if (word.length > 1 && word.endsWith(".") && !keepsPeriod(word)) {
      const dots = /\.+$/.exec(word)![0];
      if (dots.length === word.length) break;
      after.unshift(dots);
      word = word.slice(0, -dots.length);
    } else break;
  }
  const possessive = POSSESSIVE.exec(word);
  const core = possessive ? [possessive[1]!, possessive[2]!] : [word];
  return [...before, ...core, ...after];
}

export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const chunk of text.split(/\s+/)) {
    for (const piece of chunk.split(/(—|–(?=\D)|(?<=\D)–|[()[\]]|(?<=\p{L})[/,](?=\p{L}))/u)) {
      if (piece !== "") tokens.push(...splitWord(piece));
    }
  }
  return tokens;
}
