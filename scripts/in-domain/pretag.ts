/**
 * Draft for hand annotation: selects FRUS documents 109–131, the CIA checklist OCR and passages of UN
 * general-debate speeches from /work/shared/corpora, splits them into sentences (wink-nlp, as the
 * pipeline does), tokenizes them (tokenize.ts) and pre-tags them with the shipped model.
 *
 *   npx tsx scripts/in-domain/pretag.ts <corpora-dir> <draft.json>
 *
 * The draft is corrected by hand (review.ts) into data/ner/in-domain/frus-cia-un.*.conll.
 */
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadNerModel, tagDocument } from "../../src/annotate/mentions/model/index.js";
import { paragraphSpans } from "../../src/segment/index.js";
import { winkSegmenter } from "../../src/segment/wink.js";
import { tokenize } from "./tokenize.js";

export interface DraftSentence {
  tokens: string[];
  tags: string[];
}

export interface DraftDocument {
  /** Path relative to the corpora directory; "file.jsonl#d109" names one record of a JSON-lines file. */
  doc: string;
  split: "train" | "heldout";
  sentences: DraftSentence[];
}

const FRUS = "frus-1958-60v12-iraq-july-1958/frus1958-60v12_d109-d131_documents.jsonl";
const CIA = "cia-checklist-nov-1963-ocr";
const UN = "un-general-debate-1958-1968/TXT";
/** Speech and first sentence of the passage taken (later passages carry more names than the greetings). */
const UN_SPEECHES: [string, number][] = [
  ["Session 13 - 1958/IRQ_13_1958.txt", 0],
  ["Session 13 - 1958/USA_13_1958.txt", 0],
  ["Session 14 - 1959/LBN_14_1959.txt", 0],
  ["Session 15 - 1960/EGY_15_1960.txt", 0],
  ["Session 16 - 1961/SAU_16_1961.txt", 0],
  ["Session 17 - 1962/JOR_17_1962.txt", 0],
  ["Session 18 - 1963/IRQ_18_1963.txt", 0],
  ["Session 18 - 1963/SYR_18_1963.txt", 0],
  ["Session 19 - 1964/KWT_19_1964.txt", 0],
  ["Session 21 - 1966/GBR_21_1966.txt", 0],
  ["Session 22 - 1967/ISR_22_1967.txt", 0],
  ["Session 23 - 1968/IRQ_23_1968.txt", 0],
  ["Session 14 - 1959/TUR_14_1959.txt", 40],
  ["Session 17 - 1962/IRN_17_1962.txt", 40],
  ["Session 21 - 1966/YEM_21_1966.txt", 40],
  ["Session 22 - 1967/EGY_22_1967.txt", 40],
  ["Session 23 - 1968/SAU_23_1968.txt", 40],
  ["Session 21 - 1966/JOR_21_1966.txt", 40],
  ["Session 20 - 1965/LBN_20_1965.txt", 40],
  ["Session 22 - 1967/SYR_22_1967.txt", 40],
  ["Session 15 - 1960/USA_15_1960.txt", 40],
  ["Session 13 - 1958/GBR_13_1958.txt", 40],
  ["Session 15 - 1960/IRQ_15_1960.txt", 40],
  ["Session 15 - 1960/ISR_15_1960.txt", 40],
  ["Session 13 - 1958/EGY_13_1958.txt", 40],
  ["Session 21 - 1966/IRN_21_1966.txt", 40],
  ["Session 22 - 1967/KWT_22_1967.txt", 40],
  ["Session 20 - 1965/TUR_20_1965.txt", 40],
  ["Session 13 - 1958/IRN_13_1958.txt", 0],
  ["Session 14 - 1959/JOR_14_1959.txt", 0],
  ["Session 16 - 1961/LBN_16_1961.txt", 0],
  ["Session 17 - 1962/SYR_17_1962.txt", 0],
  ["Session 20 - 1965/KWT_20_1965.txt", 0],
  ["Session 22 - 1967/TUR_22_1967.txt", 0],
  ["Session 23 - 1968/YEM_23_1968.txt", 0],
  ["Session 19 - 1964/EGY_19_1964.txt", 0],
  ["Session 16 - 1961/IRQ_16_1961.txt", 40],
  ["Session 17 - 1962/USA_17_1962.txt", 40],
  ["Session 18 - 1963/JOR_18_1963.txt", 40],
  ["Session 19 - 1964/SYR_19_1964.txt", 40],
  ["Session 21 - 1966/ISR_21_1966.txt", 40],
  ["Session 14 - 1959/GBR_14_1959.txt", 40],
  ["Session 23 - 1968/LBN_23_1968.txt", 40],
  ["Session 16 - 1961/EGY_16_1961.txt", 40],
];
const UN_SENTENCES_PER_SPEECH = 24;
/** Every HOLDOUT_EVERY-th document of each source (from the HOLDOUT_EVERY-th on) is held out. */
const HOLDOUT_EVERY = 4;

function sentencesOf(text: string): string[] {
  const out: string[] = [];
  for (const paragraph of paragraphSpans(text)) {
    for (const sentence of winkSegmenter.segmentSpan(text, paragraph).sentences) {
      out.push(text.slice(sentence.start, sentence.end));
    }
  }
  return out;
}

function usable(tokens: string[]): boolean {
  const words = tokens.filter((token) => /[A-Za-z]{2}/.test(token));
  return words.length >= 2 && words.length * 2 >= tokens.length;
}

function frusDocuments(corpora: string): [string, string[]][] {
  return readFileSync(join(corpora, FRUS), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as { id: string; text: string })
    .map((record) => [`${FRUS}#${record.id}`, sentencesOf(record.text)]);
}

/** Identification-form fields ("RECORD NUMBER: …") and classification stamps. */
const FURNITURE = /^([A-Z][A-Z .'’]+ ?:|TOP SECRET\s*$|\(Security Classification\)|For The President Only)/;

/** OCR pages: text blocks, form lines dropped, lines of a paragraph joined, "morn-\ning" mended. */
function ocrText(markdown: string): string {
  const blocks = [...markdown.matchAll(/```text\n([\s\S]*?)```/g)].map((match) => match[1]!);
  const lines = blocks.join("\n\n").split("\n");
  const kept = lines.map((line) => (FURNITURE.test(line.trim()) ? "" : line));
  return kept
    .join("\n")
    .split(/\n[ \t]*\n/)
    .map((paragraph) =>
      paragraph
        .replace(/([a-z])[-~]\n([a-z])/g, "$1$2")
        .replace(/\s*\n\s*/g, " ")
        .trim(),
    )
    .filter((paragraph) => paragraph !== "")
    .join("\n\n");
}

function ciaDocuments(corpora: string): [string, string[]][] {
  return readdirSync(join(corpora, CIA))
    .filter((name) => /^jfk_doc_\d+\.md$/.test(name))
    .sort()
    .map((name) => [`${CIA}/${name}`, sentencesOf(ocrText(readFileSync(join(corpora, CIA, name), "utf8")))]);
}

/** A passage of a speech's paragraphs ("12.\tText…"), a number of sentences long. */
function unDocuments(corpora: string): [string, string[]][] {
  return UN_SPEECHES.map(([speech, first]) => {
    const text = readFileSync(join(corpora, UN, speech), "utf8").replace(/^\d+\.\t/gm, "");
    const paragraphs = text.split("\n").join("\n\n");
    return [`${UN}/${speech}`, sentencesOf(paragraphs).slice(first, first + UN_SENTENCES_PER_SPEECH)];
  });
}

function draft(corpora: string): DraftDocument[] {
  const model = loadNerModel();
  const out: DraftDocument[] = [];
  for (const source of [frusDocuments(corpora), ciaDocuments(corpora), unDocuments(corpora)]) {
    source.forEach(([doc, texts], index) => {
      const tokenized = texts.map(tokenize).filter(usable);
      const tags = tagDocument(model, tokenized);
      out.push({
        doc,
        split: index % HOLDOUT_EVERY === HOLDOUT_EVERY - 1 ? "heldout" : "train",
        sentences: tokenized.map((tokens, i) => ({ tokens, tags: tags[i]! })),
      });
    });
  }
  return out;
}

const [corpora, output] = process.argv.slice(2);
if (!corpora || !output) {
  console.error("usage: npx tsx scripts/in-domain/pretag.ts <corpora-dir> <draft.json>");
  process.exit(2);
}
const documents = draft(corpora);
writeFileSync(output, JSON.stringify(documents));
const count = (split: string): number =>
  documents.filter((d) => d.split === split).reduce((n, d) => n + d.sentences.length, 0);
console.log(`${documents.length} documents, train ${count("train")} sentences, heldout ${count("heldout")}`);
