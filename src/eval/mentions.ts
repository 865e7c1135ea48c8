/**
 * Quality of the mention pipeline: exact-span P/R/F1 per type on the held-out in-domain, WikiGold and re3d
 * data for the whole pipeline (extractMentions), the model alone and compromise; recall on the
 * seeds; extraction speed.
 */
import { entitySpans, loadNerModel, tagDocument } from "../annotate/mentions/model/index.js";
import { packageRoot } from "../annotate/mentions/model/package-root.js";
import type { NerDataset, NerSentence } from "../annotate/mentions/model/training-data.js";
import { loadInDomain, loadRe3d, loadWikigold } from "../annotate/mentions/model/training-data.js";
import { compromiseSpans } from "./compromise-baseline.js";
import type { Evaluation, Section } from "./evaluation.js";
import { fixed, markdownTable } from "./evaluation.js";
import type { SpeedResult } from "./mentions-speed.js";
import { SPEED_CORPUS, mentionSpeeds } from "./mentions-speed.js";
import type { ScoreTable } from "./ner-score.js";
import { SpanScorer } from "./ner-score.js";
import { pipelineSpans } from "./pipeline-tagger.js";
import type { SeedRecall } from "./seeds.js";
import { seedRecall } from "./seeds.js";

const TYPE_NAMES = [
  ["PER", "person"],
  ["ORG", "organization"],
  ["LOC", "place"],
  ["micro", "micro-average"],
] as const;

/** Held-out sentences grouped by document (re3d has none: each sentence is its own). */
function documents(dataset: NerDataset): NerSentence[][] {
  const groups = new Map<number | string, NerSentence[]>();
  dataset.heldOut.forEach((sentence, i) => {
    const key = sentence.document ?? `s${i}`;
    groups.set(key, [...(groups.get(key) ?? []), sentence]);
  });
  return [...groups.values()];
}

type DocumentTagger = (sentences: readonly (readonly string[])[]) => ReturnType<typeof pipelineSpans>;

export function scoreByDocument(dataset: NerDataset, tagger: DocumentTagger): ScoreTable {
  const scorer = new SpanScorer();
  for (const group of documents(dataset)) {
    const predicted = tagger(group.map((s) => s.tokens));
    group.forEach((s, i) => scorer.add(entitySpans(s.tokens, s.tags), predicted[i] ?? []));
  }
  return scorer.scores();
}

interface DatasetScores {
  dataset: NerDataset;
  pipeline: ScoreTable;
  model: ScoreTable;
  compromise: ScoreTable;
}

const modelDocumentTagger: DocumentTagger = (sentences) => {
  const tagged = tagDocument(loadNerModel(), sentences);
  return sentences.map((tokens, i) => entitySpans(tokens, tagged[i] ?? []));
};

function scoreTable(rows: DatasetScores): string {
  const cell = (table: ScoreTable, key: (typeof TYPE_NAMES)[number][0]) => table[key];
  return markdownTable(
    ["type", "gold", "pipeline P", "pipeline R", "pipeline F1", "model F1", "compromise F1"],
    TYPE_NAMES.map(([key, name]) => {
      const p = cell(rows.pipeline, key);
      return [
        name,
        String(p.gold),
        fixed(p.precision),
        fixed(p.recall),
        `**${fixed(p.f1)}**`,
        fixed(cell(rows.model, key).f1),
        fixed(cell(rows.compromise, key).f1),
      ];
    }),
  );
}

function seedTable(results: readonly SeedRecall[]): string {
  const table = markdownTable(
    ["seed", "method", "found", "recall"],
    results.map((r) => [r.document, r.method, `${r.found} / ${r.expected}`, fixed(r.found / Math.max(1, r.expected))]),
  );
  const missed = results
    .filter((r) => r.missed.length > 0)
    .map((r) => `- ${r.document} (${r.method}): ${r.missed.join("; ")}`);
  return missed.length > 0 ? `${table}\n\nMissed:\n\n${missed.join("\n")}` : table;
}

function speedTable(results: readonly SpeedResult[]): string {
  if (results.length === 0) return `Not measured: \`${SPEED_CORPUS}\` is not there.`;
  return (
    "CPU time of extraction on one core over the wikipedia-syria articles (Markdown, front matter), each document " +
    "read, parsed and segmented beforehand and not timed, after one warm-up pass. The machine is shared, so " +
    "figures vary by ±30% between runs.\n\n" +
    markdownTable(
      ["extraction", "MB", "CPU s", "MB/s"],
      results.map((r) => [r.label, fixed(r.megabytes, 2), fixed(r.seconds, 2), fixed(r.megabytes / r.seconds, 2)]),
    )
  );
}

interface MentionResults {
  datasets: DatasetScores[];
  seeds: SeedRecall[];
  speeds: SpeedResult[];
}

function render(results: MentionResults): string {
  const parts = [
    "Pipeline: `extractMentions` (markup, infobox, front matter, title-rank, arabic-name, organization-head, " +
      "place-head, acronym, gazetteer, group-adjective, model; refiners boundaries, type-vote, overlaps, " +
      "document-names, caseless) on each held-out document, its sentences detokenized one paragraph each; mentions " +
      "mapped back to CoNLL tokens, a person's title left out. Model: `tagDocument` alone on the same documents. " +
      "Exact-span scoring as above. The held-out sets were also the development set of the rules, so the pipeline " +
      "figures are optimistic.",
  ];
  for (const rows of results.datasets) parts.push(`### ${rows.dataset.name}\n\n${scoreTable(rows)}`);
  parts.push(`### Seeds: recall of expected.json surface forms\n\n${seedTable(results.seeds)}`);
  parts.push(`### Extraction speed\n\n${speedTable(results.speeds)}`);
  parts.push(weaknesses(results));
  return parts.join("\n\n");
}

function weaknesses(results: MentionResults): string {
  const f1 = (table: ScoreTable, key: "PER" | "ORG" | "LOC" | "micro") => fixed(table[key].f1, 2);
  const rows = results.datasets.map(
    ({ dataset, pipeline, model }) =>
      `${dataset.name}: pipeline ${f1(pipeline, "PER")} / ${f1(pipeline, "ORG")} / ${f1(pipeline, "LOC")} ` +
      `(micro ${f1(pipeline, "micro")}, model alone ${f1(model, "micro")})`,
  );
  const met = results.datasets.every(({ pipeline }) =>
    ["PER", "ORG", "LOC"].every((k) => pipeline[k as "PER"].f1 >= 0.8),
  );
  const names = results.speeds.find((speed) => speed.label.startsWith("extractMentions, names only"));
  const speed = names ? fixed(names.megabytes / names.seconds, 2) : "not measured";
  return (
    "### What is weak\n\n" +
    `The target of 0.80 F1 per type is ${met ? "met" : "not met"}. Person / organization / place F1: ${rows.join("; ")}. ` +
    "The rules were written for the Iraqi and Syrian sources (titles, Arabic names, party names, infobox fields, " +
    "the seeds are all found) and add little on WikiGold's bands, ships and sports clubs, where the model does " +
    "the work and its errors remain, organization worst. On re3d the pipeline is below the model alone because " +
    're3d calls a country that acts ("the UK said", "U.S. forces") an organization and the model learned that, ' +
    "while the gazetteer keeps countries places, as WikiGold, CoNLL and expected.json want; re3d also joins " +
    '"Istanbul, Turkey" into one place. Arabic name forms win over the model (it reads "followers of Qasim" ' +
    'as a place) but also take "Dayr Az Zayr" for a man. A lower-cased document (seed 000) gets only ' +
    "gazetteer places, group adjectives, dates and quantities by itself: its names come from the other documents " +
    `through matchKnownNames. Speed: ${speed} MB/s per core for names, below the 2 MB/s asked; the learned model ` +
    "takes about 40% of it although it only tags islands around capitalised words the rules left unexplained, " +
    "and the rest is spread over the token views, the pattern extractors and the document-name pass."
  );
}

export function mentionsEvaluation(): Evaluation {
  return {
    name: "Mentions pipeline",
    async run(): Promise<Section> {
      const root = packageRoot();
      // The corpora the rules were developed on, and the in-domain text: the others are scored in the NER section.
      const inDomain = loadInDomain(root);
      const corpora = [...(inDomain ? [inDomain] : []), loadWikigold(root), loadRe3d(root)];
      const datasets = corpora.map((dataset) => ({
        dataset,
        pipeline: scoreByDocument(dataset, (sentences) => pipelineSpans(sentences)),
        model: scoreByDocument(dataset, modelDocumentTagger),
        compromise: scoreByDocument(dataset, (sentences) => sentences.map(compromiseSpans)),
      }));
      const results: MentionResults = { datasets, seeds: seedRecall(root), speeds: mentionSpeeds(root) };
      return { title: "Mentions: pipeline, model, compromise; seeds; speed", render: () => render(results) };
    },
  };
}
