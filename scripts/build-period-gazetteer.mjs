#!/usr/bin/env node
/**
 * Builds data/gazetteer/period-names.tsv, the period gazetteer of the NER tagger (people, parties,
 * ministries and places of the 1950s–60s Middle East) from the markup and infoboxes of the shared corpora:
 *   node scripts/build-period-gazetteer.mjs [--corpora DIR]   (default ../shared/corpora)
 * - FRUS TEI: <persName> (person), <placeName> (place), <orgName> (organization);
 * - UN General Debate Speakers_by_session.xlsx, sessions of 1950–1970: the speaker (person), the country (place);
 * - wikipedia-syria front matter: `place` (place); `tags` entries whose last word is an organization head
 *   ("Ba'ath Party", "Military Bureau") (organization).
 * Output: "name<TAB>type<TAB>sources", sorted, one name a line; a name given two types keeps the more frequent.
 * Build time only: the tagger reads the table when it is trained and stores it in the model file.
 */
import { readFileSync, readdirSync, writeFileSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import { parse as parseYaml } from "yaml";
import { option } from "./script-options.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const OUT = join(root, "data", "gazetteer", "period-names.tsv");
const FIRST_YEAR = 1950;
const LAST_YEAR = 1970;
const ORG_HEADS = new Set(
  (
    "party committee army guard militia movement front union agency brigade brigades division council command " +
    "ministry corps regiment battalion forces organization organisation association league federation government " +
    "assembly parliament congress bureau brotherhood office"
  ).split(" "),
);

/** Every word capitalised, or a lower-case word that joins names ("Bank of England", "Ahrar al-Sham"). */
const CONNECTORS = new Set("of the and for al el ad ash as at ibn bin de".split(" "));
const allNameWords = (name) =>
  name.split(/[ -]/).every((word) => /^\p{Lu}/u.test(word) || CONNECTORS.has(word.toLowerCase()));

/** A name as the tagger's tokens would spell it, or undefined when it is no name (no capital, digits, too long). */
function cleanName(raw) {
  const name = String(raw ?? "")
    .replace(/[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}]/gu, "")
    .replace(/\S+\.(?:png|svg|jpg|gif)\b/giu, "")
    .replace(/\([^)]*\)/g, "")
    .replace(/\s+/g, " ")
    .replace(/^[\s*,.;:]+|[\s*,.;:]+$/g, "");
  if (/^(?:Emblem|Flag|History|Logo|Seal|List) of /.test(name)) return undefined;
  if (name.length < 3 || /\d/.test(name) || !/^\p{Lu}/u.test(name)) return undefined;
  if (name.split(" ").length > 6 || !/^[\p{L}'’. -]+$/u.test(name)) return undefined;
  return name;
}

const found = new Map();
function add(raw, type, source) {
  const name = cleanName(raw);
  if (!name) return;
  const entry = found.get(name) ?? { votes: new Map(), sources: new Set() };
  entry.votes.set(type, (entry.votes.get(type) ?? 0) + 1);
  entry.sources.add(source);
  found.set(name, entry);
}

function readFrus(dir) {
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".xml"))) {
    const text = readFileSync(join(dir, file), "utf8");
    const markup = /<(persName|placeName|orgName)\b[^>]*>([^<]*)<\/\1>/g;
    const types = { persName: "PER", placeName: "LOC", orgName: "ORG" };
    for (const [, tag, name] of text.matchAll(markup)) add(name, types[tag], "frus");
  }
}

async function readUnSpeakers(file) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const sheet = book.worksheets[0];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    const [, year, , , country, speaker] = row.values;
    if (Number(year) < FIRST_YEAR || Number(year) > LAST_YEAR) return;
    add(String(speaker ?? "").replace(/^(?:Mr|Mrs|Ms|Dr|Sir|H\.E\.)\.?\s+/, ""), "PER", "un-speakers");
    add(country, "LOC", "un-speakers");
  });
}

function readWikipediaFrontMatter(dir) {
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".md"))) {
    const text = readFileSync(join(dir, file), "utf8");
    const front = /^---\n([\s\S]*?)\n---/.exec(text);
    if (!front) continue;
    const data = parseYaml(front[1]);
    for (const place of [data.place ?? []].flat()) add(place, "LOC", "wikipedia-syria");
    for (const tag of [data.tags ?? []].flat()) {
      for (const part of String(tag).split(/\n|\*/)) {
        const name = cleanName(part);
        const head = name?.split(" ").at(-1)?.toLowerCase();
        if (name && name.includes(" ") && allNameWords(name) && ORG_HEADS.has(head))
          add(name, "ORG", "wikipedia-syria");
      }
    }
  }
}

const corpora = option("--corpora", join(root, "..", "shared", "corpora"));
readFrus(join(corpora, "frus-1958-60v12-iraq-july-1958"));
const speakers = join(corpora, "un-general-debate-1958-1968", "Speakers_by_session.xlsx");
if (existsSync(speakers)) await readUnSpeakers(speakers);
readWikipediaFrontMatter(join(corpora, "wikipedia-syria", "syria"));

const lines = [...found]
  .map(([name, { votes, sources }]) => {
    const type = [...votes].sort((a, b) => b[1] - a[1])[0][0];
    return `${name}\t${type}\t${[...sources].sort().join(",")}`;
  })
  .sort();
const header =
  "# Period gazetteer: names of the 1950s-60s Middle East from the shared corpora's markup and infoboxes, built by\n" +
  "# scripts/build-period-gazetteer.mjs. Sources: FRUS 1958-60 vol. XII (US government work, public domain); UN General\n" +
  "# Debate Corpus speakers 1950-1970 (Baturo, Dasandi & Mikhaylov 2017); Wikipedia front matter (CC BY-SA 4.0).\n" +
  "# name\ttype\tsources\n";
writeFileSync(OUT, header + lines.join("\n") + "\n");
process.stderr.write(`wrote ${OUT}: ${lines.length} names\n`);
