import { userInfo } from "node:os";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { EntityType } from "../../../annotate/mentions/types.js";
import { InputError, UsageError } from "../../../core/errors.js";
import type { Author, Decider } from "../../../decisions/decide.js";
import type { Decision, NameRuleAction } from "../../../decisions/types.js";
import { HttpError } from "../errors.js";
import { writeGuard } from "../security.js";
import { ENTITY_TYPES } from "../schemas.js";

const ACTIONS = [
  "merge",
  "split",
  "unsure",
  "rename",
  "reject-mention",
  "retype-mention",
  "reject-claim",
  "set-field",
  "name-rule",
] as const;

/** What a client asks for: an action on things named as the read endpoints name them. */
interface DecisionBody {
  action: (typeof ACTIONS)[number];
  reason?: string;
  /** Without a token (loopback, single user): who decides. With one, the token's user is recorded. */
  user?: string;
  entity?: string;
  other?: string;
  names?: string[];
  name?: string;
  document?: string;
  start?: number;
  end?: number;
  type?: EntityType;
  subjectKind?: "event" | "entity";
  subjectId?: string;
  property?: string;
  value?: string;
  field?: string;
  pathPrefix?: string;
  rule?: "reject" | "retype" | "rename";
}

const str = { type: "string", minLength: 1, maxLength: 2000 } as const;
const offset = { type: "integer", minimum: 0 } as const;

const BODY = {
  type: "object",
  required: ["action"],
  additionalProperties: false,
  properties: {
    action: { type: "string", enum: ACTIONS },
    reason: { type: "string", maxLength: 2000 },
    user: str,
    entity: { ...str, description: "entity id or name (merge, split, unsure, rename)" },
    other: { ...str, description: "the other entity (merge, unsure)" },
    names: {
      type: "array",
      items: str,
      minItems: 1,
      maxItems: 100,
      description: "names that leave the entity (split)",
    },
    name: { ...str, description: "new name (rename), the name a rule is about (name-rule)" },
    document: { ...str, description: "document id (mentions, claims, set-field)" },
    start: offset,
    end: offset,
    type: { type: "string", enum: ENTITY_TYPES },
    subjectKind: { type: "string", enum: ["event", "entity"] },
    subjectId: str,
    property: str,
    value: str,
    field: str,
    pathPrefix: str,
    rule: { type: "string", enum: ["reject", "retype", "rename"] },
  },
} as const;

const REQUIRED: Record<DecisionBody["action"], (keyof DecisionBody)[]> = {
  merge: ["entity", "other"],
  unsure: ["entity", "other"],
  split: ["entity", "names"],
  rename: ["entity", "name"],
  "reject-mention": ["document", "start", "end"],
  "retype-mention": ["document", "start", "end", "type"],
  "reject-claim": ["subjectKind", "subjectId", "document", "start", "end", "property", "value"],
  "set-field": ["subjectId", "document", "start", "end", "field", "value"],
  "name-rule": ["name", "rule"],
};

/** The decisions one body asks for, built by the same Decider the CLI uses. */
function build(body: DecisionBody, decider: Decider, by: Author): Decision[] {
  const missing = REQUIRED[body.action].filter((key) => body[key] === undefined);
  if (body.action === "name-rule" && body.rule === "retype" && body.type === undefined) missing.push("type");
  if (body.action === "name-rule" && body.rule === "rename" && body.value === undefined) missing.push("value");
  if (missing.length > 0)
    throw new HttpError(400, "invalid-request", `${body.action} needs ${missing.join(", ")}`, `body.${missing[0]}`);
  const b = body as Required<DecisionBody>;
  const mention = { document: b.document, start: b.start, end: b.end };
  switch (b.action) {
    case "merge":
      return decider.merge(b.entity, b.other, by);
    case "unsure":
      return decider.unsure(b.entity, b.other, by);
    case "split":
      return decider.split(b.entity, b.names, by);
    case "rename":
      return decider.rename(b.entity, b.name, by);
    case "reject-mention":
      return decider.rejectMention(mention, by);
    case "retype-mention":
      return decider.retypeMention(mention, b.type, by);
    case "reject-claim":
      return decider.rejectClaim(
        { ...mention, subjectKind: b.subjectKind, subjectId: b.subjectId, property: b.property, value: b.value },
        by,
      );
    case "set-field":
      return decider.setField(b.subjectId, mention, b.field, b.value, by);
    case "name-rule": {
      const action: NameRuleAction =
        b.rule === "reject"
          ? { do: "reject" }
          : b.rule === "retype"
            ? { do: "retype", type: b.type }
            : { do: "rename", name: b.value };
      return decider.nameRule(b.name, action, body.pathPrefix, by);
    }
  }
}

/** Not-found inputs answer 404; other refusals keep the central handler's status. */
function asHttp(error: unknown): unknown {
  if (error instanceof InputError && error.code === "not-found") return new HttpError(404, "not-found", error.message);
  if (error instanceof UsageError) return new HttpError(400, "invalid-request", error.message, "body");
  return error;
}

/** GET /api/decisions, POST /api/decisions (editor), DELETE /api/decisions/:id (undo, editor). */
export function decisionRoutes(app: FastifyInstance): void {
  const author = (request: FastifyRequest, user: string | undefined, reason: string | undefined): Author => {
    const name = request.principal?.user || user || process.env["USER"] || userInfo().username;
    return { user: name, reason: reason ?? "" };
  };
  const decide = async (request: FastifyRequest, make: (decider: Decider) => Decision[]) => {
    try {
      const { decisions, corpus } = await request.annals.decide(make);
      const ids = new Set(decisions.map((d) => d.id));
      return { decisions: request.annals.decisions().filter((d) => ids.has(d.id)), corpus };
    } catch (error) {
      throw asHttp(error);
    }
  };
  const writeStatuses = {
    "400": "the body names no valid decision (every problem listed)",
    "401":
      "the server has tokens or accounts and the request has no valid one (the message says why: expired, revoked …)",
    "403":
      "the role may not write (viewer), a session cookie came without its X-CSRF-Token, or the request comes from another origin",
    "404": "an entity, mention, claim or decision the body names does not exist",
  };

  app.get(
    "/api/decisions",
    {
      config: {
        doc: {
          summary: "The user's corrections",
          description:
            "`annals decisions --json`: every decision, oldest first, with its status after the last corpus stage (applied, orphaned with why, undone).",
          tags: ["decisions"],
          response: { type: "array", items: { $ref: "#/components/schemas/Decision" } },
        },
      },
    },
    async (request) => request.annals.decisions(),
  );

  app.post<{ Body: DecisionBody }>(
    "/api/decisions",
    {
      preHandler: writeGuard("editor"),
      schema: { body: BODY },
      config: {
        doc: {
          summary: "Make a correction",
          description:
            "The same actions as `annals merge`, `split`, `rename`, `reject`, `retype` and `alias`. The corpus stage reruns before the answer, so every view shows the decision. Needs the editor role when the server has tokens.",
          tags: ["decisions"],
          response: "DecisionResult",
          secured: true,
          requestBody: { required: true, content: { "application/json": { schema: BODY } } },
          statuses: writeStatuses,
        },
      },
    },
    async (request, reply) => {
      const by = author(request, request.body.user, request.body.reason);
      const result = await decide(request, (decider) => build(request.body, decider, by));
      return reply.code(201).send(result);
    },
  );

  app.delete<{ Params: { id: number }; Querystring: { reason?: string } }>(
    "/api/decisions/:id",
    {
      preHandler: writeGuard("editor"),
      schema: {
        params: { type: "object", required: ["id"], properties: { id: { type: "integer", minimum: 1 } } },
        querystring: {
          type: "object",
          additionalProperties: false,
          properties: { reason: { type: "string", maxLength: 2000 } },
        },
      },
      config: {
        doc: {
          summary: "Undo a correction",
          description: "`annals undo ID`: appends a tombstone (the log keeps both) and reruns the corpus stage.",
          tags: ["decisions"],
          response: "DecisionResult",
          secured: true,
          statuses: writeStatuses,
        },
      },
    },
    async (request) => {
      const by = author(request, undefined, request.query.reason);
      return decide(request, (decider) => decider.undo(request.params.id, by));
    },
  );
}
