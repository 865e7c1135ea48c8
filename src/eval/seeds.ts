/**
 * Recall on the seeds: the share of the surface forms expected.json lists for people,
 * organizations and places that the pipeline finds, with the right type, where they occur
 * literally in a seed. Seed 000 (lower-cased) is scored with extractMentions alone and with the
 * names the other three seeds yield (matchKnownNames), as the corpus stage does.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { EntityType, Mention } from "../annotate/mentions/index.js";
import { extractMentions, matchKnownNames } from "../annotate/mentions/index.js";
import { packageRoot } from "../annotate/mentions/model/package-root.js";
import type { SourceDocument } from "../core/document.js";
import { decode } from "../decode/index.js";
import { parse } from "../parse/index.js";
import type { SegmentedParagraph } from "../segment/index.js";
import { segmentParagraphs } from "../segment/index.js";

export const SEEDS_DIRECTORY = "test/fixtures/seeds";

interface ExpectedEntity {
  name: string;
  also?: string[];
}
type Expected = Record<"people" | "organizations" | "places", ExpectedEntity[]>;

const LISTS: [keyof Expected, EntityType][] = [
  ["people", "person"],
  ["organizations", "organization"],
  ["places", "place"],
];

export interface SeedRecall {
  document: string;
  method: string;
  found: number;
  expected: number;
  missed: string[];
}

interface Seed {
  id: string;
  document: SourceDocument;
  paragraphs: SegmentedParagraph[];
  mentions: Mention[];
}

function loadSeeds(root: string): Seed[] {
  const directory = join(root, SEEDS_DIRECTORY);
  return [
    "000_9315912dd29048b6.txt",
    "001_a1811954c3257b7d.txt",
    "002_5e19db3785d89ebe.txt",
    "003_13c8e684e0ef8877.txt",
  ].map((file) => {
    const path = join(directory, file);
    const [document] = parse(decode(readFileSync(path), path));
    const paragraphs = [...segmentParagraphs(document!.text)];
    return { id: file.slice(0, 3), document: document!, paragraphs, mentions: extractMentions(document!, paragraphs) };
  });
}

function wholeWordOccurrences(text: string, form: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) {
    if (!/[\p{L}\p{N}]/u.test(text[at - 1] ?? " ") && !/[\p{L}\p{N}]/u.test(text[at + form.length] ?? " "))
      found.push(at);
  }
  return found;
}

function recall(seed: Seed, mentions: readonly Mention[], expected: Expected, method: string): SeedRecall {
  const result: SeedRecall = { document: seed.id, method, found: 0, expected: 0, missed: [] };
  for (const [list, type] of LISTS) {
    for (const entity of expected[list]) {
      for (const form of new Set([entity.name, ...(entity.also ?? [])])) {
        const at = wholeWordOccurrences(seed.document.text, form);
        if (at.length === 0) continue;
        result.expected++;
        const hit = at.some((start) =>
          mentions.some((m) => m.type === type && m.start <= start && m.end >= start + form.length),
        );
        if (hit) result.found++;
        else result.missed.push(`${form} (${type})`);
      }
    }
  }
  return result;
}

export function seedRecall(root = packageRoot()): SeedRecall[] {
  const expected = JSON.parse(readFileSync(join(root, SEEDS_DIRECTORY, "expected.json"), "utf8")) as Expected;
  const seeds = loadSeeds(root);
  const results = seeds.map((seed) => recall(seed, seed.mentions, expected, "extractMentions"));
  const known = seeds
    .filter((seed) => seed.id !== "000")
    .flatMap((seed) => seed.mentions)
    .filter((m) => (m.type === "person" || m.type === "organization" || m.type === "place") && m.confidence >= 0.6)
    .map((m) => ({ name: m.name, type: m.type as EntityType }));
  const lowerCased = seeds.find((seed) => seed.id === "000")!;
  const withKnown = [...lowerCased.mentions, ...matchKnownNames(lowerCased.document, lowerCased.paragraphs, known)];
  results.push(recall(lowerCased, withKnown, expected, "extractMentions + matchKnownNames (names from 001–003)"));
  return results;
}
