/**
 * Hand correction of a pretag.ts draft.
 *
 *   npx tsx scripts/in-domain/review.ts show <draft.json> <corrections.txt> <doc-index>…
 *     prints, corrections applied, each sentence as "doc.sentence| tokens with [entities]TYPE"
 *   npx tsx scripts/in-domain/review.ts build <draft.json> <corrections.txt> <out-dir> <name>
 *     applies the corrections and writes <out-dir>/<name>.train.conll and .heldout.conll,
 *     with only the documents the corrections file marks as checked.
 *
 * Corrections, one line each:
 *   checked 3              document 3 was read sentence by sentence and every tag is right
 *   3.12: PER Allen Dulles; O Washington; ORG Radio Baghdad@2; drop
 * "TYPE words" tags every occurrence of those tokens in the sentence (or only the n-th with @n), first
 * clearing what it overlaps (a longer span of the same type is kept: shrink it with "O"); "O words" clears; "O *" clears the sentence; "drop" leaves it out.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { DraftDocument, DraftSentence } from "./pretag.js";

function bracketed(sentence: DraftSentence): string {
  const out: string[] = [];
  let open: string | undefined;
  const close = (): void => {
    if (open) out[out.length - 1] += `]${open}`;
    open = undefined;
  };
  sentence.tokens.forEach((token, i) => {
    const tag = sentence.tags[i]!;
    const type = tag === "O" ? undefined : tag.slice(2);
    if (open && (tag.startsWith("B-") || type !== open)) close();
    if (type && !open) {
      out.push(`[${token}`);
      open = type;
    } else out.push(token);
  });
  close();
  return out.join(" ");
}

function show(documents: DraftDocument[], indices: number[]): void {
  for (const index of indices) {
    const document = documents[index]!;
    console.log(`## ${index} ${document.doc} (${document.split})`);
    document.sentences.forEach((sentence, i) => console.log(`${index}.${i}| ${bracketed(sentence)}`));
  }
}

function matches(tokens: string[], words: string[]): number[] {
  const starts: number[] = [];
  for (let i = 0; i + words.length <= tokens.length; i++) {
    if (words.every((word, k) => tokens[i + k] === word)) starts.push(i);
  }
  return starts;
}

function repair(tags: string[]): void {
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i]!;
    if (tag.startsWith("I-") && tags[i - 1]?.slice(2) !== tag.slice(2)) tags[i] = `B-${tag.slice(2)}`;
  }
}

function clear(tags: string[], from: number, to: number): void {
  while (from > 0 && tags[from]!.startsWith("I-")) from--;
  while (to < tags.length && tags[to]!.startsWith("I-")) to++;
  for (let i = from; i < to; i++) tags[i] = "O";
}

/** True when tokens [from, to) already lie in one longer span of this type: the operation keeps it. */
function insideLongerSpan(tags: string[], from: number, to: number, type: string): boolean {
  if (!tags.slice(from, to).every((tag) => tag.slice(2) === type)) return false;
  for (let i = from + 1; i < to; i++) if (tags[i] !== `I-${type}`) return false;
  const startsEarlier = tags[from] === `I-${type}`;
  return startsEarlier || tags[to] === `I-${type}`;
}

/** Applies one "TYPE words[@n]" operation; throws when the words are not in the sentence. */
function apply(sentence: DraftSentence, operation: string, where: string): void {
  const [type, ...rest] = operation.split(" ");
  if (!type || !/^(PER|ORG|LOC|O)$/.test(type)) throw new Error(`${where}: bad operation "${operation}"`);
  const { tokens, tags } = sentence;
  if (type === "O" && rest.join(" ") === "*") {
    tags.fill("O");
    return;
  }
  const last = rest[rest.length - 1] ?? "";
  const nth = /@(\d+)$/.exec(last);
  const words = nth ? [...rest.slice(0, -1), last.slice(0, -nth[0].length)] : rest;
  let starts = matches(tokens, words);
  if (nth) starts = starts.filter((_, k) => k === Number(nth[1]) - 1);
  if (starts.length === 0) throw new Error(`${where}: "${words.join(" ")}" not found`);
  for (const start of starts) {
    if (type !== "O" && insideLongerSpan(tags, start, start + words.length, type)) continue;
    if (type !== "O") clear(tags, start, start + words.length);
    for (let k = 0; k < words.length; k++) {
      tags[start + k] = type === "O" ? "O" : `${k === 0 ? "B" : "I"}-${type}`;
    }
  }
  repair(tags);
}

function conll(documents: DraftDocument[]): string {
  return documents
    .map(
      (document) =>
        `# doc: ${document.doc}\n` +
        document.sentences.map((s) => s.tokens.map((token, i) => `${token}\t${s.tags[i]}\n`).join("") + "\n").join(""),
    )
    .join("");
}

interface Corrections {
  checked: Set<number>;
  dropped: Set<string>;
}

/** Applies a corrections file to the draft in place. */
function correct(documents: DraftDocument[], corrections: string): Corrections {
  const checked = new Set<number>();
  const dropped = new Set<string>();
  corrections.split("\n").forEach((raw, lineIndex) => {
    const line = raw.replace(/#.*$/, "").trim();
    const where = `corrections line ${lineIndex + 1}`;
    if (line === "") return;
    const mark = /^checked ([\d ]+)$/.exec(line);
    if (mark) {
      for (const n of mark[1]!.trim().split(/\s+/)) checked.add(Number(n));
      return;
    }
    const edit = /^(\d+)\.(\d+):(.*)$/.exec(line);
    const sentence = edit && documents[Number(edit[1])]?.sentences[Number(edit[2])];
    if (!edit || !sentence) throw new Error(`${where}: expected "checked N" or "D.S: operations"`);
    for (const operation of edit[3]!.split(";").map((op) => op.trim())) {
      if (operation === "drop") dropped.add(`${edit[1]}.${edit[2]}`);
      else if (operation !== "") apply(sentence, operation, where);
    }
  });
  return { checked, dropped };
}

function build(documents: DraftDocument[], { checked, dropped }: Corrections, outDir: string, name: string): void {
  const kept = documents
    .map((document, index) => ({
      ...document,
      index,
      sentences: document.sentences.filter((_, i) => !dropped.has(`${index}.${i}`)),
    }))
    .filter((document) => checked.has(document.index));
  for (const split of ["train", "heldout"] as const) {
    const part = kept.filter((document) => document.split === split);
    writeFileSync(join(outDir, `${name}.${split}.conll`), conll(part));
    console.log(`${split}: ${part.length} documents, ${part.reduce((n, d) => n + d.sentences.length, 0)} sentences`);
  }
}

const [command, draftPath, ...rest] = process.argv.slice(2);
const documents = draftPath ? (JSON.parse(readFileSync(draftPath, "utf8")) as DraftDocument[]) : [];
if (command === "show" && rest.length > 1) {
  correct(documents, readFileSync(rest[0]!, "utf8"));
  show(documents, rest.slice(1).map(Number));
} else if (command === "build" && rest.length === 3) {
  build(documents, correct(documents, readFileSync(rest[0]!, "utf8")), rest[1]!, rest[2]!);
} else {
  console.error(
    "usage: review.ts show <draft.json> <corrections.txt> <doc-index>… | build <draft.json> <corrections.txt> <out-dir> <name>",
  );
  process.exit(2);
}
