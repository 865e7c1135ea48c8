import { readFileSync, writeFileSync } from "node:fs";
import { userInfo } from "node:os";
import { Annals } from "../../annals.js";
import { ENTITY_TYPES, type EntityType } from "../../core/entity-types.js";
import { UsageError } from "../../core/errors.js";
import type { Author, Decider } from "../../decisions/decide.js";
import type { Decision, DecisionView, NameRuleAction } from "../../decisions/types.js";
import type { ExitCode, GlobalOptions } from "./commands.js";
import { bold, dim, printJson, printLine } from "./output.js";

export interface DecisionOptions extends GlobalOptions {
  user?: string;
  reason?: string;
}

function author(options: DecisionOptions): Author {
  const user = options.user ?? process.env["USER"] ?? userInfo().username;
  if (user.trim() === "") throw new UsageError("--user: a decision needs a user name");
  return { user, reason: options.reason ?? "" };
}

/** Records decisions, reruns the corpus stage and prints the decisions as they now stand. */
async function decide(options: DecisionOptions, make: (decider: Decider, by: Author) => Decision[]): Promise<ExitCode> {
  const by = author(options);
  const annals = Annals.open(options.db);
  try {
    const { decisions, corpus } = await annals.decide((decider) => make(decider, by));
    const ids = new Set(decisions.map((d) => d.id));
    const views = annals.decisions().filter((d) => ids.has(d.id));
    if (options.json) printJson({ decisions: views, corpus });
    else for (const d of views) printDecision(d);
    return 0;
  } finally {
    annals.close();
  }
}

function printDecision(d: DecisionView): void {
  const status = d.status === "orphaned" ? `orphaned: ${d.why ?? ""}` : d.status;
  printLine(
    `${bold(`#${d.id}`)} ${d.summary} ${dim(`(${status}; ${d.user}, ${d.createdAt}${d.reason ? `: ${d.reason}` : ""})`)}`,
  );
}

function offset(value: string, what: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new UsageError(`${what} ${value}: expected a character offset (a whole number ≥ 0)`);
  return n;
}

function entityType(value: string): EntityType {
  if (!ENTITY_TYPES.includes(value as EntityType))
    throw new UsageError(`type ${value}: expected one of ${ENTITY_TYPES.join(", ")}`);
  return value as EntityType;
}

export function mergeCommand(a: string, b: string, options: DecisionOptions): Promise<ExitCode> {
  return decide(options, (decider, by) => decider.merge(a, b, by));
}

export function splitCommand(entity: string, names: string[], options: DecisionOptions): Promise<ExitCode> {
  return decide(options, (decider, by) => decider.split(entity, names, by));
}

export function renameCommand(entity: string, name: string, options: DecisionOptions): Promise<ExitCode> {
  return decide(options, (decider, by) => decider.rename(entity, name, by));
}

export function rejectCommand(
  what: string,
  args: string[],
  options: DecisionOptions & { under?: string },
): Promise<ExitCode> {
  if (what === "mention") {
    const [document, start, end, ...rest] = args;
    if (document === undefined || start === undefined || end === undefined || rest.length > 0)
      throw new UsageError("usage: annals reject mention DOCUMENT START END");
    const ref = { document, start: offset(start, "START"), end: offset(end, "END") };
    return decide(options, (decider, by) => decider.rejectMention(ref, by));
  }
  if (what === "claim") {
    const [subject, document, start, end, property, value, ...rest] = args;
    if (value === undefined || rest.length > 0)
      throw new UsageError("usage: annals reject claim SUBJECT DOCUMENT START END PROPERTY VALUE");
    return decide(options, (decider, by) => {
      const ref = {
        subjectKind: subject!.startsWith("e-") ? ("event" as const) : ("entity" as const),
        subjectId: subject!,
        document: document!,
        start: offset(start!, "START"),
        end: offset(end!, "END"),
        property: property!,
        value,
      };
      return decider.rejectClaim(ref, by);
    });
  }
  if (what === "name") {
    const [name, ...rest] = args;
    if (name === undefined || rest.length > 0) throw new UsageError("usage: annals reject name NAME [--under PATH]");
    return nameRule(name, { do: "reject" }, options);
  }
  throw new UsageError(`reject ${what}: expected mention, claim or name`);
}

export function retypeCommand(
  what: string,
  args: string[],
  options: DecisionOptions & { under?: string },
): Promise<ExitCode> {
  if (what === "mention") {
    const [document, start, end, type, ...rest] = args;
    if (type === undefined || rest.length > 0)
      throw new UsageError("usage: annals retype mention DOCUMENT START END TYPE");
    const ref = { document: document!, start: offset(start!, "START"), end: offset(end!, "END") };
    const to = entityType(type);
    return decide(options, (decider, by) => decider.retypeMention(ref, to, by));
  }
  if (what === "name") {
    const [name, type, ...rest] = args;
    if (type === undefined || rest.length > 0)
      throw new UsageError("usage: annals retype name NAME TYPE [--under PATH]");
    return nameRule(name!, { do: "retype", type: entityType(type) }, options);
  }
  throw new UsageError(`retype ${what}: expected mention or name`);
}

/** `annals alias NAME TARGET`: every mention named NAME (under a path) is a mention of TARGET. */
export function aliasCommand(
  name: string,
  target: string,
  options: DecisionOptions & { under?: string },
): Promise<ExitCode> {
  return nameRule(name, { do: "rename", name: target }, options);
}

function nameRule(
  name: string,
  action: NameRuleAction,
  options: DecisionOptions & { under?: string },
): Promise<ExitCode> {
  return decide(options, (decider, by) => decider.nameRule(name, action, options.under, by));
}

export function undoCommand(id: string, options: DecisionOptions): Promise<ExitCode> {
  const n = Number(id);
  if (!Number.isInteger(n) || n < 1)
    throw new UsageError(`undo ${id}: expected a decision number (see \`annals decisions\`)`);
  return decide(options, (decider, by) => decider.undo(n, by));
}

export async function decisionsCommand(
  options: GlobalOptions & { export?: string; import?: string },
): Promise<ExitCode> {
  if (options.export !== undefined && options.import !== undefined)
    throw new UsageError("--export and --import: one at a time");
  const annals = Annals.open(options.db);
  try {
    if (options.export !== undefined) {
      const jsonl = annals.exportDecisions();
      writeFileSync(options.export, jsonl);
      const count = jsonl === "" ? 0 : jsonl.trimEnd().split("\n").length;
      if (options.json) printJson({ exported: count, file: options.export });
      else printLine(`wrote ${count} decisions to ${options.export}`);
      return 0;
    }
    if (options.import !== undefined) {
      const result = await annals.importDecisions(readFileSync(options.import, "utf8"));
      if (options.json) printJson(result);
      else printLine(`imported ${result.imported} decisions, ${result.skipped} already here`);
      return result.corpus.orphanedDecisions > 0 ? 1 : 0;
    }
    const decisions = annals.decisions();
    if (options.json) printJson(decisions);
    else if (decisions.length === 0) printLine("no decisions yet");
    else for (const d of decisions) printDecision(d);
    return 0;
  } finally {
    annals.close();
  }
}
