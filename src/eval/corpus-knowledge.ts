/**
 * Knowledge on the whole shared corpus folder (`../shared/corpora` and `../shared/seeds` beside the
 * clone, or ANNALS_EVAL_CORPORA / ANNALS_EVAL_SEEDS): ingested with full extraction into a temporary
 * base, then scored: names that must stay apart found in one entity (data/eval/apart/pairs.tsv),
 * B-cubed of coup accounts against Powell & Thyne's coup list (data/eval/coups), the share of dated
 * events, and junk among the 50 most mentioned entities of each type, judged by hand
 * (data/eval/junk/top-entities.tsv). The previous release's figures, measured by the same code on a
 * base that release built, are in data/eval/previous-release.json.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { EntityType } from "../annotate/mentions/types.js";
import { packageRoot } from "../annotate/mentions/model/package-root.js";
import { ingest } from "../ingest/ingest.js";
import { TITLES } from "../annotate/mentions/lexicon/titles.js";
import { countryNamed } from "../annotate/mentions/gazetteer/countries.js";
import { dayNumber, profileOf } from "../resolve/event-profile.js";
import { openStore, type Store } from "../store/index.js";
import type { Evaluation, Section } from "./evaluation.js";
import { fixed, markdownTable } from "./evaluation.js";

const TYPES: readonly EntityType[] = ["person", "organization", "place"];

export interface KnowledgeFigures {
  falseMerges: { type: string; a: string; b: string; entity: string }[];
  pairs: number;
  coups: { precision: number; recall: number; f1: number; mixedEvents: number; accounts: number; events: number };
  dated: { dated: number; events: number };
  junk: Record<string, { junk: string[]; unjudged: string[] }>;
}

export function knowledgeFigures(store: Store, root = packageRoot()): KnowledgeFigures {
  const pairs = readTsv(join(root, "data/eval/apart/pairs.tsv"));
  const names = entityNames(store);
  const falseMerges: KnowledgeFigures["falseMerges"] = [];
  for (const [type = "", a = "", b = ""] of pairs) {
    const holding = [...names.entries()].find(
      ([, entity]) => entity.type === type && holds(entity.names, a) && holds(entity.names, b),
    );
    if (holding) falseMerges.push({ type, a, b, entity: holding[1].name });
  }
  const events = store.knowledge.events();
  return {
    falseMerges,
    pairs: pairs.length,
    coups: coupPurity(store, root),
    dated: { dated: events.filter((e) => e.start).length, events: events.length },
    junk: judgeTopEntities(store, root),
  };
}

function readTsv(path: string): string[][] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => line.trim() && !line.startsWith("#"))
    .map((line) => line.split("\t"));
}

function entityNames(store: Store): Map<string, { type: string; name: string; names: string[] }> {
  const out = new Map<string, { type: string; name: string; names: string[] }>();
  for (const entity of store.knowledge.entities({ limit: 1_000_000 })) {
    const aliases = store.knowledge.aliasCounts(entity.id).map((a) => a.alias.toLowerCase());
    out.set(entity.id, { type: entity.type, name: entity.name, names: [entity.name.toLowerCase(), ...aliases] });
  }
  return out;
}

/** A surface form holds a name when it is the name, alone or after titles ("President Bashar al-Assad"). */
function holds(names: readonly string[], name: string): boolean {
  const folded = name.toLowerCase();
  return names.some((n) => n === folded || untitled(n) === folded);
}

const TITLE_WORDS = new Set(TITLES.flatMap((t) => t.toLowerCase().split(/\s+/)));

function untitled(name: string): string {
  const words = name.split(/\s+/);
  let i = 0;
  while (i < words.length - 1 && TITLE_WORDS.has(words[i]!.replace(/\.$/, ""))) i++;
  return words.slice(i).join(" ");
}

interface GoldCoup {
  id: number;
  country: string;
  day: number;
}

/**
 * Each dated text account of a coup is matched to the gold coup of its country whose day lies in its
 * date (a day's date within three days); accounts matching none or several are left out. B-cubed
 * precision: of the matched accounts merged with an account, the share telling its gold coup; recall:
 * of the accounts telling its gold coup, the share merged with it.
 */
function coupPurity(store: Store, root: string): KnowledgeFigures["coups"] {
  const gold = goldCoups(root);
  const goldOf = new Map<number, number>();
  for (const account of store.knowledge.eventMentions()) {
    if (account.event.dataset || !["coup", "revolution", "revolt"].includes(account.event.type)) continue;
    const profile = profileOf(account, () => undefined);
    if (profile.from === undefined || profile.to === undefined) continue;
    const slack = profile.precision === "day" ? 2 : 0;
    const matches = gold.filter(
      (g) => profile.countries.has(g.country) && profile.from! - slack <= g.day && g.day <= profile.to! + slack,
    );
    if (matches.length === 1) goldOf.set(account.id, matches[0]!.id);
  }
  const eventOf = new Map<number, string>();
  for (const event of store.knowledge.events()) for (const id of event.mentionIds) eventOf.set(id, event.id);
  const accounts = [...goldOf.keys()].filter((id) => eventOf.has(id));
  const count = (key: (id: number) => string) => {
    const counts = new Map<string, number>();
    for (const id of accounts) counts.set(key(id), (counts.get(key(id)) ?? 0) + 1);
    return counts;
  };
  const byEvent = count((id) => eventOf.get(id)!);
  const byGold = count((id) => String(goldOf.get(id)));
  const byBoth = count((id) => `${eventOf.get(id)}|${goldOf.get(id)}`);
  let precision = 0;
  let recall = 0;
  for (const id of accounts) {
    const both = byBoth.get(`${eventOf.get(id)}|${goldOf.get(id)}`)!;
    precision += both / byEvent.get(eventOf.get(id)!)!;
    recall += both / byGold.get(String(goldOf.get(id)))!;
  }
  const n = Math.max(accounts.length, 1);
  const [p, r] = [precision / n, recall / n];
  const goldsPerEvent = new Map<string, Set<number>>();
  for (const id of accounts) {
    const set = goldsPerEvent.get(eventOf.get(id)!) ?? new Set<number>();
    set.add(goldOf.get(id)!);
    goldsPerEvent.set(eventOf.get(id)!, set);
  }
  return {
    precision: p,
    recall: r,
    f1: p + r === 0 ? 0 : (2 * p * r) / (p + r),
    mixedEvents: [...goldsPerEvent.values()].filter((s) => s.size > 1).length,
    accounts: accounts.length,
    events: byEvent.size,
  };
}

function goldCoups(root: string): GoldCoup[] {
  const lines = readFileSync(join(root, "data/eval/coups/ptcoups_input.csv"), "utf8").trim().split("\n").slice(1);
  return lines.flatMap((line, id) => {
    const [country = "", , , , year, month, day] = line.split(",");
    const code = countryNamed(country);
    if (!code || !year || !month || !day) return [];
    return [{ id, country: code, day: dayNumber(`${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`) }];
  });
}

function judgeTopEntities(store: Store, root: string): KnowledgeFigures["junk"] {
  const judged = new Map(
    readTsv(join(root, "data/eval/junk/top-entities.tsv")).map(([type, name, verdict]) => [`${type}|${name}`, verdict]),
  );
  const out: KnowledgeFigures["junk"] = {};
  for (const type of TYPES) {
    const top = store.knowledge.entities({ type, limit: 50 });
    out[type] = {
      junk: top.filter((e) => judged.get(`${type}|${e.name}`) === "junk").map((e) => e.name),
      unjudged: top.filter((e) => !judged.has(`${type}|${e.name}`)).map((e) => e.name),
    };
  }
  return out;
}

/** Ingests the shared corpus folder into a temporary base and scores it; undefined when the folder is not there. */
export async function measureSharedCorpus(root = packageRoot()): Promise<KnowledgeFigures | undefined> {
  const corpora = process.env["ANNALS_EVAL_CORPORA"] ?? join(root, "../shared/corpora");
  const seeds = process.env["ANNALS_EVAL_SEEDS"] ?? join(root, "../shared/seeds");
  if (!existsSync(corpora)) return undefined;
  const dir = mkdtempSync(join(tmpdir(), "annals-eval-corpus-"));
  const store = openStore(join(dir, "kb.db"));
  try {
    await ingest(store, existsSync(seeds) ? [corpora, seeds] : [corpora], { ignore: [join(dir, "kb.db")] });
    return knowledgeFigures(store, root);
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function corpusKnowledgeEvaluation(): Evaluation {
  return {
    name: "knowledge on the shared corpus folder",
    async run(): Promise<Section> {
      const current = await measureSharedCorpus();
      const previousPath = join(packageRoot(), "data/eval/previous-release.json");
      const previous = existsSync(previousPath)
        ? (JSON.parse(readFileSync(previousPath, "utf8")) as { release: string; figures: KnowledgeFigures })
        : undefined;
      return { title: "Knowledge on the whole shared corpus folder", render: () => renderFigures(current, previous) };
    },
  };
}

function renderFigures(
  current: KnowledgeFigures | undefined,
  previous: { release: string; figures: KnowledgeFigures } | undefined,
): string {
  if (!current) return "Not measured: the shared corpus folder (`../shared/corpora`) is not beside the clone.";
  const was = previous?.figures;
  const row = (label: string, now: (f: KnowledgeFigures) => string, target: string) => [
    label,
    was ? now(was) : "—",
    now(current),
    target,
  ];
  const junkCount = (f: KnowledgeFigures, type: string) => String(f.junk[type]?.junk.length ?? 0);
  const table = markdownTable(
    ["figure", `previous release (${previous?.release ?? "?"})`, "this release", "target"],
    [
      row("false merges among the pairs that must stay apart", (f) => `${f.falseMerges.length} / ${f.pairs}`, "0"),
      row("coup accounts vs Powell & Thyne: B³ precision", (f) => fixed(f.coups.precision), "1.000"),
      row("coup accounts vs Powell & Thyne: B³ recall", (f) => fixed(f.coups.recall), "high"),
      row("coup accounts vs Powell & Thyne: B³ F1", (f) => fixed(f.coups.f1), "high"),
      row("events mixing two gold coups", (f) => String(f.coups.mixedEvents), "0"),
      row("share of events with a date", (f) => fixed(f.dated.dated / Math.max(f.dated.events, 1)), "high"),
      ...TYPES.map((type) => row(`junk among the top 50 ${type}s (judged by hand)`, (f) => junkCount(f, type), "0")),
    ],
  );
  const merges = current.falseMerges.map((m) => `- ${m.a} / ${m.b} (${m.type}): in “${m.entity}”`).join("\n");
  const junk = TYPES.map((type) => {
    const j = current.junk[type]!;
    return `- ${type}: junk ${j.junk.join("; ") || "none"}; not yet judged ${j.unjudged.join("; ") || "none"}`;
  }).join("\n");
  return [
    "The whole shared corpus folder (corpora and seeds, about 370 files) ingested with full extraction, as a new user would. " +
      "Coup accounts are matched to Powell & Thyne's coups by country and date; " +
      `${current.coups.accounts} accounts matched, in ${current.coups.events} events.`,
    table,
    `False merges this release:\n\n${merges || "none"}`,
    `Top entities:\n\n${junk}`,
  ].join("\n\n");
}

/** `npx tsx src/eval/corpus-knowledge.ts --db KB` prints the figures of a base built by any release, as JSON. */
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const at = process.argv.indexOf("--db");
  if (at < 0) throw new Error("usage: corpus-knowledge.ts --db KNOWLEDGE_BASE");
  const store = openStore(process.argv[at + 1]!);
  process.stdout.write(JSON.stringify(knowledgeFigures(store), null, 2) + "\n");
  store.close();
}
