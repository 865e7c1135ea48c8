import type { EntityType } from "../annotate/mentions/types.js";
import { InputError, UsageError } from "../core/errors.js";
import type { ClaimRecord, ClaimSubjectKind } from "../claims/types.js";
import { nameKey } from "../resolve/constraints.js";
import type { KeyedEntityRecord, ResolutionDocument } from "../resolve/types.js";
import type {
  ClaimAnchor,
  Decision,
  DecisionPayload,
  DecisionStore,
  EntityAnchor,
  EventAnchor,
  NameRuleAction,
} from "./types.js";
import { checkPayload, parseDecision } from "./validate.js";

/** Characters kept on each side of a mention to find it again in a changed document. */
const CONTEXT = 40;

/** What anchoring a decision looks up in the knowledge base (the store's `KnowledgeStore` has it). */
export interface AnchorLookup {
  findEntity(idOrName: string): KeyedEntityRecord | undefined;
  aliasCounts(entityId: string): { alias: string }[];
  claims(subjectKind: ClaimSubjectKind, subjectId: string): ClaimRecord[];
  documentMentions(documentId: string): { start: number; end: number; text: string; type: string }[];
  documentText(documentId: string): string | undefined;
  documentsForResolution(): ResolutionDocument[];
}

/** Who decides and why. */
export interface Author {
  user: string;
  reason: string;
}

/** A mention as the interfaces name it: a document id and the mention's offsets. */
export interface MentionRef {
  document: string;
  start: number;
  end: number;
}

/** A claim as the interfaces name it: its subject, and the anchor fields of one of its claims. */
export interface ClaimRef extends ClaimAnchor {
  subjectKind: "event" | "entity";
  subjectId: string;
}

/**
 * Turns what a user points at (entity ids or names, mention offsets, claims) into decisions anchored
 * on stable keys, after checking each thing exists; appends them. The caller reruns the corpus stage.
 */
export class Decider {
  constructor(
    private readonly knowledge: AnchorLookup,
    private readonly decisions: DecisionStore,
  ) {}

  merge(a: string, b: string, by: Author): Decision[] {
    return this.pair("same-as", a, b, by);
  }

  unsure(a: string, b: string, by: Author): Decision[] {
    return this.pair("unsure", a, b, by);
  }

  /** The names leave the entity: one not-same-as per name, each undoable alone. */
  split(entity: string, names: readonly string[], by: Author): Decision[] {
    if (names.length === 0) throw new UsageError("split: name at least one name that leaves the entity");
    const row = this.entity(entity);
    const own = this.anchor(row);
    const aliases = this.knowledge.aliasCounts(row.id).map((a) => a.alias);
    const payloads = names.map((name): DecisionPayload => {
      const key = nameKey(name, row.type);
      if (key === own.key)
        throw new UsageError(`"${name}" is spelled like ${row.name} itself (key "${key}"): it cannot leave it`);
      const spelled = aliases.filter((alias) => nameKey(alias, row.type) === key);
      if (spelled.length === 0)
        throw new UsageError(`"${name}" is not a name of ${row.name}; its names: ${aliases.slice(0, 12).join(", ")}`);
      return { kind: "not-same-as", entities: [own, { type: row.type, key, names: spelled.slice(0, 5) }] };
    });
    return payloads.map((payload) => this.append(payload, by));
  }

  rename(entity: string, name: string, by: Author): Decision[] {
    const row = this.entity(entity);
    if (name.trim() === "") throw new UsageError("rename: the new name is empty");
    return [this.append({ kind: "rename-entity", entity: this.anchor(row), name: name.trim() }, by)];
  }

  rejectMention(ref: MentionRef, by: Author): Decision[] {
    return [this.append({ kind: "reject-mention", mention: this.mention(ref) }, by)];
  }

  retypeMention(ref: MentionRef, type: EntityType, by: Author): Decision[] {
    return [this.append({ kind: "retype-mention", mention: this.mention(ref), type }, by)];
  }

  rejectClaim(ref: ClaimRef, by: Author): Decision[] {
    const { subjectKind, subjectId, ...anchor } = ref;
    const found = this.knowledge
      .claims(subjectKind, subjectId)
      .some(
        (c) =>
          c.documentId === anchor.document &&
          c.start === anchor.start &&
          c.end === anchor.end &&
          c.property === anchor.property &&
          c.value === anchor.value,
      );
    if (!found)
      throw new InputError(`no claim "${anchor.property}: ${anchor.value}" of ${subjectId} on that quote`, "not-found");
    return [this.append({ kind: "reject-claim", claim: anchor }, by)];
  }

  setField(eventId: string, event: EventAnchor, field: string, value: string, by: Author): Decision[] {
    const held = this.knowledge
      .claims("event", eventId)
      .some((c) => c.documentId === event.document && c.start === event.start && c.end === event.end);
    if (!held) throw new InputError(`event ${eventId} has no claim on that quote to anchor the value on`, "not-found");
    return [this.append({ kind: "set-field", event, field, value }, by)];
  }

  nameRule(name: string, action: NameRuleAction, pathPrefix: string | undefined, by: Author): Decision[] {
    return [this.append({ kind: "name-rule", name, ...(pathPrefix === undefined ? {} : { pathPrefix }), action }, by)];
  }

  undo(id: number, by: Author): Decision[] {
    const target = this.decisions.get(id);
    if (!target) throw new InputError(`no decision ${id}; list them with \`annals decisions\``, "not-found");
    if (target.payload.kind === "undo")
      throw new UsageError(`decision ${id} is itself an undo: make the decision again instead`);
    if (this.decisions.all().some((d) => d.undoes === id)) throw new UsageError(`decision ${id} is already undone`);
    return [this.decisions.append({ payload: { kind: "undo" }, ...by, undoes: id })];
  }

  /** Decisions as JSON lines, oldest first. */
  exportJsonl(): string {
    return this.decisions
      .all()
      .map((d) => JSON.stringify(d) + "\n")
      .join("");
  }

  /**
   * Appends the decisions of a JSONL export: every line is checked first and nothing is imported
   * when one is bad; a decision already here (same payload, user and time) is skipped.
   */
  importJsonl(text: string): { imported: number; skipped: number } {
    const lines = text.split("\n").map((line, i) => ({ line: line.trim(), number: i + 1 }));
    const problems: string[] = [];
    const parsed: { fileId: number | undefined; decision: Omit<Decision, "id"> }[] = [];
    for (const { line, number } of lines) {
      if (line === "") continue;
      try {
        const json = JSON.parse(line) as { id?: unknown };
        parsed.push({ fileId: typeof json.id === "number" ? json.id : undefined, decision: parseDecision(json) });
      } catch (error) {
        problems.push(`line ${number}: ${(error as Error).message}`);
      }
    }
    if (problems.length > 0) throw new UsageError(`nothing imported: ${problems.join("; ")}`);
    const existing = new Map(this.decisions.all().map((d) => [identity(d), d.id]));
    const ids = new Map<number, number>();
    let imported = 0;
    for (const { fileId, decision } of parsed) {
      const undoes = decision.undoes === undefined ? undefined : (ids.get(decision.undoes) ?? decision.undoes);
      const mapped = { ...decision, ...(undoes === undefined ? {} : { undoes }) };
      const known = existing.get(identity(mapped));
      const id = known ?? this.decisions.append(mapped).id;
      if (known === undefined) imported++;
      if (fileId !== undefined) ids.set(fileId, id);
    }
    return { imported, skipped: parsed.length - imported };
  }

  private pair(kind: "same-as" | "unsure", a: string, b: string, by: Author): Decision[] {
    const [x, y] = [this.entity(a), this.entity(b)];
    if (x.id === y.id) throw new UsageError(`"${a}" and "${b}" are already one entity (${x.name})`);
    if (x.type !== y.type)
      throw new UsageError(`${x.name} is a ${x.type} and ${y.name} a ${y.type}: they cannot be one`);
    return [this.append({ kind, entities: [this.anchor(x), this.anchor(y)] }, by)];
  }

  private append(payload: DecisionPayload, by: Author): Decision {
    return this.decisions.append({ payload: checkPayload(payload), user: by.user, reason: by.reason });
  }

  private entity(idOrName: string): KeyedEntityRecord {
    const row = this.knowledge.findEntity(idOrName);
    if (!row) throw new InputError(`no entity named "${idOrName}"; list them with \`annals entities\``, "not-found");
    return row;
  }

  private anchor(row: KeyedEntityRecord): EntityAnchor {
    const names = [row.name, ...this.knowledge.aliasCounts(row.id).map((a) => a.alias)];
    return { type: row.type, key: row.key || nameKey(row.name, row.type), names: [...new Set(names)].slice(0, 5) };
  }

  private mention(ref: MentionRef) {
    const found = this.knowledge
      .documentMentions(ref.document)
      .find((m) => m.start === ref.start && m.end === ref.end && m.type !== "date" && m.type !== "quantity");
    if (!found)
      throw new InputError(
        `no name mention at ${ref.start}–${ref.end} of document ${ref.document}; see \`annals entity NAME\` for offsets`,
        "not-found",
      );
    const text = this.knowledge.documentText(ref.document) ?? "";
    const path = this.knowledge.documentsForResolution().find((d) => d.id === ref.document)?.path;
    return {
      document: ref.document,
      start: ref.start,
      end: ref.end,
      text: found.text,
      ...(path === undefined ? {} : { path }),
      prefix: text.slice(Math.max(0, ref.start - CONTEXT), ref.start),
      suffix: text.slice(ref.end, ref.end + CONTEXT),
    };
  }
}

function identity(d: Omit<Decision, "id">): string {
  return JSON.stringify([d.payload, d.user, d.createdAt, d.undoes ?? null]);
}
