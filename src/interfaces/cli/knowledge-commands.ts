import { Annals } from "../../annals.js";
import { dateBounds } from "../../core/date-bounds.js";
import { UsageError } from "../../core/errors.js";
import { ENTITY_TYPES, type EntityType } from "../../core/entity-types.js";
import {
  CSV_TABLES,
  exportKnowledgeBase,
  exportRefusal,
  EXPORT_FORMATS,
  type CsvTable,
  type ExportFormat,
  type ExportOptions,
  type SpellOption,
} from "../../export/index.js";
import type { TimelineFilter } from "../../views/timeline.js";
import type { EventSummary } from "../../views/types.js";
import type { ExitCode, GlobalOptions } from "./commands.js";
import { bold, citationPlace, dim, printJson, printLine } from "./output.js";

function withAnnals<T>(options: GlobalOptions, action: (annals: Annals) => T): T {
  const annals = Annals.open(options.db);
  try {
    return action(annals);
  } finally {
    annals.close();
  }
}

export function entitiesCommand(options: GlobalOptions & { type?: string; limit?: string }): ExitCode {
  if (options.type !== undefined && !ENTITY_TYPES.includes(options.type as EntityType)) {
    throw new UsageError(`--type ${options.type}: expected one of ${ENTITY_TYPES.join(", ")}`);
  }
  const limit = options.limit === undefined ? undefined : Number(options.limit);
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1))
    throw new UsageError(`--limit ${options.limit}: expected a whole number of at least 1`);
  return withAnnals(options, (annals) => {
    const entities = annals.entities({
      ...(options.type ? { type: options.type as EntityType } : {}),
      ...(limit ? { limit } : {}),
    });
    if (options.json) printJson(entities);
    else
      for (const e of entities)
        printLine(
          `${bold(e.name)} ${dim(`[${e.type}] ${e.mentions} mentions in ${e.documentCount} documents`)}${e.aliases.length ? `  also: ${e.aliases.slice(0, 6).join(", ")}` : ""}`,
        );
    return 0;
  });
}

export function entityCommand(name: string, options: GlobalOptions): ExitCode | 1 {
  return withAnnals(options, (annals) => {
    const page = annals.entity(name);
    if (!page) {
      process.stderr.write(`annals: no entity named "${name}"; list them with \`annals entities\`\n`);
      if (options.json) printJson(null);
      return 1;
    }
    if (options.json) {
      printJson(page);
      return 0;
    }
    printLine(`${bold(page.name)} ${dim(`[${page.type}] ${page.id}`)}`);
    printLine(`aliases: ${page.aliasCounts.map((a) => `${a.alias} (${a.count})`).join(", ")}`);
    if (page.roles.length) printLine(`roles: ${page.roles.map((r) => `${r.role} (${r.count})`).join(", ")}`);
    for (const event of page.events)
      printLine(`event: ${event.start ?? "?"} ${event.label}${event.role ? ` — ${event.role}` : ""}`);
    for (const r of page.related.slice(0, 15)) printLine(`related: ${r.name} (${r.relation}, ${r.count})`);
    for (const c of page.mentions)
      printLine(dim(`  ${citationPlace(c)}  `) + c.quote.replace(/\s+/g, " ").slice(0, 160));
    for (const m of page.mergeReasons) printLine(dim(`  merged "${m.alias}": ${m.reason}`));
    return 0;
  });
}

function printEvents(events: EventSummary[]): void {
  for (const e of events) {
    const when = e.start ? `${e.start}${e.end ? `/${e.end}` : ""}` : "undated";
    printLine(
      `${bold(when.padEnd(12))} ${e.label} ${dim(`[${e.type}${e.precision ? `, ${e.precision}` : ""}]${e.place ? ` at ${e.place}` : ""}`)}`,
    );
    if (e.participants.length)
      printLine(
        dim(`             ${e.participants.map((p) => p.name + (p.side ? ` (side ${p.side})` : "")).join(", ")}`),
      );
  }
}

const EVENT_FILTER_KEYS = ["type", "place", "actor", "from", "to"] as const;
type EventFilter = Pick<TimelineFilter, (typeof EVENT_FILTER_KEYS)[number]>;

type EventFilterOptions = { [K in keyof EventFilter]?: string };

function checkPeriods(options: { from?: string; to?: string }): void {
  for (const [flag, value] of [
    ["--from", options.from],
    ["--to", options.to],
  ] as const)
    if (value !== undefined && !dateBounds(value))
      throw new UsageError(`${flag} ${value}: expected a date or period as YYYY, YYYY-MM or YYYY-MM-DD`);
}

/** The timeline's filter from `--type`, `--place`, `--actor`, `--from` and `--to`: only the options given. */
function eventFilter(options: EventFilterOptions): EventFilter {
  checkPeriods(options);
  const filter: EventFilter = {};
  for (const key of EVENT_FILTER_KEYS) {
    const value = options[key];
    if (value !== undefined) filter[key] = value;
  }
  return filter;
}

export function eventsCommand(options: GlobalOptions & EventFilterOptions): ExitCode {
  const filter = eventFilter(options);
  return withAnnals(options, (annals) => {
    const events = annals.filteredEvents(filter).items;
    if (options.json) printJson(events);
    else printEvents(events);
    return 0;
  });
}

export function eventCommand(name: string, options: GlobalOptions): ExitCode | 1 {
  return withAnnals(options, (annals) => {
    const card = annals.event(name);
    if (!card) {
      process.stderr.write(`annals: no event named "${name}"; list them with \`annals events\`\n`);
      if (options.json) printJson(null);
      return 1;
    }
    if (options.json) {
      printJson(card);
      return 0;
    }
    printLine(`${bold(card.label)} ${dim(`[${card.type}] ${card.id}`)}`);
    for (const [field, values] of Object.entries(card.fields)) {
      const flag = card.disagreements.includes(field)
        ? " ⚠ sources disagree"
        : card.inconsistencies.includes(field)
          ? " ⚠ one source contradicts itself"
          : "";
      printLine(`${bold(field)}${flag}`);
      for (const value of values) {
        printLine(`  ${value.value}`);
        for (const s of value.sources)
          printLine(dim(`    ${citationPlace(s)}  ${s.quote.replace(/\s+/g, " ").slice(0, 140)}`));
      }
    }
    if (card.mergeReasons.length > 0) printLine(bold("merged because"));
    for (const r of card.mergeReasons) printLine(`  ${r.reason}`);
    return 0;
  });
}

export function disagreementsCommand(options: GlobalOptions): ExitCode {
  return withAnnals(options, (annals) => {
    const list = annals.disagreements();
    if (options.json) printJson(list);
    else if (list.length === 0) printLine("no disagreement between sources");
    else {
      for (const d of list) {
        printLine(`${bold(d.subject)} — ${d.property}${d.scope === "internal" ? " (inside one source)" : ""}`);
        for (const v of d.values) printLine(`  ${v.value}  ${dim(v.sources.map(citationPlace).join(", "))}`);
      }
    }
    return 0;
  });
}

export function graphCommand(
  name: string | undefined,
  options: GlobalOptions & { from?: string; to?: string; type?: string; limit?: string },
): ExitCode {
  checkPeriods(options);
  const types = options.type?.split(",").map((t) => t.trim());
  const unknown = types?.find((t) => !ENTITY_TYPES.includes(t as EntityType));
  if (unknown !== undefined) throw new UsageError(`--type ${unknown}: expected one of ${ENTITY_TYPES.join(", ")}`);
  const limit = options.limit === undefined ? undefined : Number(options.limit);
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1))
    throw new UsageError(`--limit ${options.limit}: expected a whole number of at least 1`);
  return withAnnals(options, (annals) => {
    const graph = annals.graph({
      ...(name === undefined ? {} : { q: name }),
      ...(options.from === undefined ? {} : { from: options.from }),
      ...(options.to === undefined ? {} : { to: options.to }),
      ...(types === undefined ? {} : { types: types as EntityType[] }),
      ...(limit === undefined ? {} : { limit }),
    });
    if (options.json) printJson(graph);
    else {
      printLine(
        dim(
          `${graph.nodes.length} of ${graph.totals.nodes} actors, ${graph.edges.length} of ${graph.totals.edges} links`,
        ),
      );
      const names = new Map(graph.nodes.map((n) => [n.id, n.name]));
      for (const e of graph.edges)
        printLine(
          `${names.get(e.source)} ${bold(e.type)} ${names.get(e.target)} ${dim(`(${e.weight} quote${e.weight === 1 ? "" : "s"})`)}`,
        );
    }
    return 0;
  });
}

const spell: SpellOption = (option, value) => (value === undefined ? `--${option}` : `--${option} ${value}`);

export function exportCommand(
  options: GlobalOptions & EventFilterOptions & { format?: string; out?: string; table?: string },
): ExitCode {
  if (!options.format || !EXPORT_FORMATS.includes(options.format as ExportFormat)) {
    throw new UsageError(`--format ${options.format ?? ""}: expected one of ${EXPORT_FORMATS.join(", ")}`);
  }
  if (!options.out) throw new UsageError("--out PATH is required");
  if (options.table !== undefined && !CSV_TABLES.includes(options.table as CsvTable))
    throw new UsageError(`--table ${options.table}: expected one of ${CSV_TABLES.join(", ")}`);
  const format = options.format as ExportFormat;
  const chosen: ExportOptions = {
    ...(options.table === undefined ? {} : { table: options.table as CsvTable }),
    events: eventFilter(options),
  };
  const refused = exportRefusal(format, chosen, spell);
  if (refused) throw new UsageError(refused.message);
  const out = options.out;
  return withAnnals(options, (annals) => {
    const written = exportKnowledgeBase(annals, format, out, chosen);
    if (options.json) printJson({ format, files: written });
    else for (const file of written) printLine(`wrote ${file}`);
    return 0;
  });
}
