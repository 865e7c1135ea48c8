import type { EntityType } from "../annotate/mentions/types.js";
import { UsageError } from "../core/errors.js";
import { DECISION_KINDS, type Decision, type DecisionPayload, type NameRuleAction } from "./types.js";

export interface Issue {
  code: "required" | "invalid-type" | "invalid-value" | "unknown-key";
  /** Where, as in zod: ["payload", "entities", 0, "key"] written "payload.entities.0.key". */
  path: string;
  message: string;
}

/** Every problem of a decision at once, in one error: its message lists them all. */
export class InvalidDecisionError extends UsageError {
  constructor(readonly issues: readonly Issue[]) {
    super(`invalid decision: ${issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`);
    this.name = "InvalidDecisionError";
  }
}

const ENTITY_TYPES: readonly EntityType[] = ["person", "organization", "place"];

type Json = Record<string, unknown>;

/** Collects issues while reading a JSON value into typed fields. */
class Reader {
  readonly issues: Issue[] = [];

  object(value: unknown, path: string, keys: readonly string[]): Json | undefined {
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      this.issues.push({ code: "invalid-type", path, message: "expected an object" });
      return undefined;
    }
    for (const key of Object.keys(value))
      if (!keys.includes(key))
        this.issues.push({ code: "unknown-key", path: join(path, key), message: `unknown key "${key}"` });
    return value as Json;
  }

  string(object: Json, key: string, path: string, optional = false): string | undefined {
    const value = object[key];
    if (value === undefined && optional) return undefined;
    if (value === undefined) return this.missing(path, key);
    if (typeof value !== "string" || value.trim() === "") {
      this.issues.push({ code: "invalid-type", path: join(path, key), message: "expected a non-empty string" });
      return undefined;
    }
    return value;
  }

  offset(object: Json, key: string, path: string): number | undefined {
    const value = object[key];
    if (value === undefined) return this.missing(path, key);
    if (typeof value !== "number" || !Number.isInteger(value) || value < 0) {
      this.issues.push({ code: "invalid-type", path: join(path, key), message: "expected a whole number ≥ 0" });
      return undefined;
    }
    return value;
  }

  oneOf<T extends string>(object: Json, key: string, path: string, allowed: readonly T[]): T | undefined {
    const value = this.string(object, key, path);
    if (value === undefined) return undefined;
    if (!allowed.includes(value as T)) {
      this.issues.push({
        code: "invalid-value",
        path: join(path, key),
        message: `expected one of ${allowed.join(", ")}`,
      });
      return undefined;
    }
    return value as T;
  }

  private missing(path: string, key: string): undefined {
    this.issues.push({ code: "required", path: join(path, key), message: "required" });
    return undefined;
  }
}

function join(path: string, key: string | number): string {
  return path ? `${path}.${key}` : String(key);
}

/** A decision read from JSON (an import line, an API body): the decision, or every issue found. */
export function parseDecision(value: unknown, path = ""): Omit<Decision, "id"> {
  const r = new Reader();
  const decision = readDecision(r, value, path);
  if (r.issues.length > 0 || decision === undefined) throw new InvalidDecisionError(r.issues);
  return decision;
}

/** A payload alone (what an interface builds), checked as `parseDecision` checks one. */
export function checkPayload(payload: unknown): DecisionPayload {
  const r = new Reader();
  const parsed = readPayload(r, payload, "payload");
  if (r.issues.length > 0 || parsed === undefined) throw new InvalidDecisionError(r.issues);
  return parsed;
}

function readDecision(r: Reader, value: unknown, path: string): Omit<Decision, "id"> | undefined {
  const o = r.object(value, path, ["id", "payload", "user", "reason", "createdAt", "undoes"]);
  if (!o) return undefined;
  const payload = readPayload(r, o["payload"], join(path, "payload"));
  const user = r.string(o, "user", path);
  const reason = typeof o["reason"] === "string" ? o["reason"] : r.string(o, "reason", path);
  const createdAt = r.string(o, "createdAt", path);
  if (createdAt !== undefined && Number.isNaN(Date.parse(createdAt)))
    r.issues.push({ code: "invalid-value", path: join(path, "createdAt"), message: "expected an ISO 8601 time" });
  const undoes = o["undoes"] === undefined ? undefined : r.offset(o, "undoes", path);
  if (payload?.kind === "undo" && o["undoes"] === undefined)
    r.issues.push({ code: "required", path: join(path, "undoes"), message: "an undo names the decision it undoes" });
  if (payload === undefined || user === undefined || reason === undefined || createdAt === undefined) return undefined;
  return { payload, user, reason, createdAt, ...(undoes === undefined ? {} : { undoes }) };
}

function readPayload(r: Reader, value: unknown, path: string): DecisionPayload | undefined {
  const kindOf = r.object(value, path, [
    "kind",
    "entities",
    "mention",
    "type",
    "entity",
    "name",
    "claim",
    "event",
    "field",
    "value",
    "pathPrefix",
    "action",
  ]);
  if (!kindOf) return undefined;
  const o = kindOf;
  const kind = r.oneOf(o, "kind", path, DECISION_KINDS);
  switch (kind) {
    case undefined:
      return undefined;
    case "same-as":
    case "not-same-as":
    case "unsure": {
      const list = o["entities"];
      if (!Array.isArray(list) || list.length !== 2) {
        r.issues.push({ code: "invalid-type", path: join(path, "entities"), message: "expected two entities" });
        return undefined;
      }
      const a = readEntity(r, list[0], join(path, "entities.0"));
      const b = readEntity(r, list[1], join(path, "entities.1"));
      if (a && b && a.type !== b.type)
        r.issues.push({ code: "invalid-value", path: join(path, "entities"), message: "the entities differ in type" });
      if (a && b && a.key === b.key)
        r.issues.push({ code: "invalid-value", path: join(path, "entities"), message: "both are the same entity" });
      return a && b ? { kind, entities: [a, b] } : undefined;
    }
    case "reject-mention": {
      const mention = readMention(r, o["mention"], join(path, "mention"));
      return mention ? { kind, mention } : undefined;
    }
    case "retype-mention": {
      const mention = readMention(r, o["mention"], join(path, "mention"));
      const type = r.oneOf(o, "type", path, ENTITY_TYPES);
      return mention && type ? { kind, mention, type } : undefined;
    }
    case "rename-entity": {
      const entity = readEntity(r, o["entity"], join(path, "entity"));
      const name = r.string(o, "name", path);
      return entity && name ? { kind, entity, name } : undefined;
    }
    case "reject-claim": {
      const claim = readClaim(r, o["claim"], join(path, "claim"));
      return claim ? { kind, claim } : undefined;
    }
    case "set-field": {
      const e = r.object(o["event"], join(path, "event"), ["document", "start", "end"]);
      const field = r.string(o, "field", path);
      const value = r.string(o, "value", path);
      if (!e) return undefined;
      const document = r.string(e, "document", join(path, "event"));
      const start = r.offset(e, "start", join(path, "event"));
      const end = r.offset(e, "end", join(path, "event"));
      if (document === undefined || start === undefined || end === undefined || !field || !value) return undefined;
      return { kind, event: { document, start, end }, field, value };
    }
    case "name-rule": {
      const name = r.string(o, "name", path);
      const pathPrefix = r.string(o, "pathPrefix", path, true);
      const action = readAction(r, o["action"], join(path, "action"));
      if (!name || !action) return undefined;
      return { kind, name, ...(pathPrefix === undefined ? {} : { pathPrefix }), action };
    }
    case "undo":
      return { kind };
  }
}

function readEntity(r: Reader, value: unknown, path: string) {
  const o = r.object(value, path, ["type", "key", "names"]);
  if (!o) return undefined;
  const type = r.oneOf(o, "type", path, ENTITY_TYPES);
  const key = r.string(o, "key", path);
  const names = o["names"];
  const namesOk = Array.isArray(names) && names.length > 0 && names.every((n) => typeof n === "string" && n !== "");
  if (!namesOk)
    r.issues.push({ code: "invalid-type", path: join(path, "names"), message: "expected a list of its names" });
  return type && key && namesOk ? { type, key, names: names as string[] } : undefined;
}

function readMention(r: Reader, value: unknown, path: string) {
  const o = r.object(value, path, ["document", "start", "end", "text", "path", "prefix", "suffix"]);
  if (!o) return undefined;
  const document = r.string(o, "document", path);
  const start = r.offset(o, "start", path);
  const end = r.offset(o, "end", path);
  const text = r.string(o, "text", path);
  const context: { path?: string; prefix?: string; suffix?: string } = {};
  for (const key of ["path", "prefix", "suffix"] as const) {
    const v = o[key];
    if (v === undefined) continue;
    if (typeof v === "string") context[key] = v;
    else r.issues.push({ code: "invalid-type", path: join(path, key), message: "expected a string" });
  }
  if (start !== undefined && end !== undefined && end <= start)
    r.issues.push({ code: "invalid-value", path: join(path, "end"), message: "end must be after start" });
  if (document === undefined || start === undefined || end === undefined || text === undefined) return undefined;
  return { document, start, end, text, ...context };
}

function readClaim(r: Reader, value: unknown, path: string) {
  const o = r.object(value, path, ["document", "start", "end", "property", "value"]);
  if (!o) return undefined;
  const document = r.string(o, "document", path);
  const start = r.offset(o, "start", path);
  const end = r.offset(o, "end", path);
  const property = r.string(o, "property", path);
  const claimValue = r.string(o, "value", path);
  if (document === undefined || start === undefined || end === undefined || !property || !claimValue) return undefined;
  return { document, start, end, property, value: claimValue };
}

function readAction(r: Reader, value: unknown, path: string): NameRuleAction | undefined {
  const o = r.object(value, path, ["do", "type", "name"]);
  if (!o) return undefined;
  const action = r.oneOf(o, "do", path, ["reject", "retype", "rename"] as const);
  if (action === "reject") return { do: "reject" };
  if (action === "retype") {
    const type = r.oneOf(o, "type", path, ENTITY_TYPES);
    return type ? { do: "retype", type } : undefined;
  }
  if (action === "rename") {
    const name = r.string(o, "name", path);
    return name ? { do: "rename", name } : undefined;
  }
  return undefined;
}
