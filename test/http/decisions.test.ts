import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../../src/interfaces/http/app.js";
import { useSeededApp, type ErrorJson } from "./helpers.js";

interface DecisionJson {
  id: number;
  status: string;
  user: string;
  reason: string;
  payload: { kind: string };
}

const s = useSeededApp();
const post = (body: unknown, app: FastifyInstance = s.app, headers: Record<string, string> = {}) =>
  app.inject({ method: "POST", url: "/api/decisions", payload: body as object, headers });
const entityId = async (name: string) =>
  (await s.app.inject(`/api/entities/${encodeURIComponent(name)}`)).json<{ id: string }>().id;

describe("POST and DELETE /api/decisions", () => {
  it("lists no decisions on a fresh knowledge base", async () => {
    const response = await s.app.inject("/api/decisions");
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual([]);
  });

  it("merges two entities at once and undoes the merge", async () => {
    const chaderchi = await entityId("Chaderchi");
    const response = await post({ action: "merge", entity: "Nuri As-Said", other: "Chaderchi", reason: "one man" });
    expect(response.statusCode, response.body).toBe(201);
    const [decision] = response.json<{ decisions: DecisionJson[] }>().decisions;
    expect(decision).toMatchObject({ status: "applied", reason: "one man", payload: { kind: "same-as" } });
    expect(await entityId("Chaderchi")).toBe(await entityId("Nuri As-Said"));
    expect(await entityId(chaderchi)).toBe(await entityId("Nuri As-Said"));
    const undo = await s.app.inject({ method: "DELETE", url: `/api/decisions/${decision!.id}` });
    expect(undo.statusCode, undo.body).toBe(200);
    expect(await entityId("Chaderchi")).toBe(chaderchi);
    const list = (await s.app.inject("/api/decisions")).json<DecisionJson[]>();
    expect(list.find((d) => d.id === decision!.id)?.status).toBe("undone");
  });

  it("answers 400 when the action is missing", async () => {
    const response = await post({ entity: "Qasim" });
    expect(response.statusCode).toBe(400);
    expect(response.json<ErrorJson>().error.path).toBe("body.action");
  });

  it("answers 400 naming the field an action needs", async () => {
    const response = await post({ action: "merge", entity: "Qasim" });
    expect(response.statusCode).toBe(400);
    expect(response.json<ErrorJson>().error).toMatchObject({ path: "body.other", message: "merge needs other" });
  });

  it("answers 400 for an unknown field", async () => {
    const response = await post({ action: "merge", entity: "Qasim", other: "Arif", colour: "red" });
    expect(response.statusCode).toBe(400);
    expect(response.json<ErrorJson>().error.message).toMatch(/colour/);
  });

  it("answers 400 for a merge of an entity with itself", async () => {
    const response = await post({ action: "merge", entity: "Abdul Salam Arif", other: "Arif" });
    expect(response.statusCode).toBe(400);
    expect(response.json<ErrorJson>().error.message).toMatch(/already one entity/);
  });

  it("answers 404 for an entity that does not exist", async () => {
    const response = await post({ action: "merge", entity: "Qasim", other: "No Such Person" });
    expect(response.statusCode).toBe(404);
  });

  it("answers 404 for a mention that does not exist", async () => {
    const response = await post({ action: "reject-mention", document: "nope", start: 1, end: 5 });
    expect(response.statusCode).toBe(404);
  });

  it("answers 400 for a negative offset", async () => {
    const response = await post({ action: "reject-mention", document: "nope", start: -1, end: 5 });
    expect(response.statusCode).toBe(400);
  });

  it("answers 404 when undoing a decision that does not exist, 400 for a non-number", async () => {
    expect((await s.app.inject({ method: "DELETE", url: "/api/decisions/9999" })).statusCode).toBe(404);
    expect((await s.app.inject({ method: "DELETE", url: "/api/decisions/abc" })).statusCode).toBe(400);
  });

  it("refuses a write from another origin (403)", async () => {
    const response = await post({ action: "merge", entity: "Qasim", other: "Arif" }, s.app, {
      origin: "http://evil.example",
    });
    expect(response.statusCode).toBe(403);
  });

  it("is described in the OpenAPI document", async () => {
    const spec = (await s.app.inject("/api/openapi.json")).json<{ paths: Record<string, object> }>();
    expect(Object.keys(spec.paths["/api/decisions"]!)).toEqual(expect.arrayContaining(["get", "post"]));
    expect(Object.keys(spec.paths["/api/decisions/{id}"]!)).toContain("delete");
  });
});

describe("roles off loopback", () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp(s.annals, {
      host: "0.0.0.0",
      webRoot: s.webRoot,
      tokens: [
        { token: "viewer-secret", role: "viewer", user: "reader" },
        { token: "editor-secret", role: "editor", user: "maria" },
      ],
    });
  });
  afterAll(() => app.close());
  const body = { action: "rename", entity: "Hasan Sari", name: "Hasan Sari (corporal)" };

  it("answers 401 to a write without a token", async () => {
    expect((await post(body, app)).statusCode).toBe(401);
  });

  it("answers 401 to a write with a wrong token", async () => {
    expect((await post(body, app, { authorization: "Bearer guess" })).statusCode).toBe(401);
  });

  it("answers 403 to a viewer's write, and changes nothing", async () => {
    const before = (await app.inject("/api/decisions")).json<unknown[]>().length;
    const response = await post(body, app, { authorization: "Bearer viewer-secret" });
    expect(response.statusCode).toBe(403);
    expect(response.json<ErrorJson>().error.code).toBe("forbidden");
    expect((await app.inject("/api/decisions")).json<unknown[]>().length).toBe(before);
  });

  it("answers 403 to a viewer's undo", async () => {
    const response = await app.inject({
      method: "DELETE",
      url: "/api/decisions/1",
      headers: { authorization: "Bearer viewer-secret" },
    });
    expect(response.statusCode).toBe(403);
  });

  it("lets an editor write, recording the token's user whatever the body says", async () => {
    const response = await post({ ...body, user: "someone else" }, app, { authorization: "Bearer editor-secret" });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json<{ decisions: DecisionJson[] }>().decisions[0]!.user).toBe("maria");
    expect((await app.inject("/api/entities/Hasan%20Sari")).json<{ name: string }>().name).toBe(
      "Hasan Sari (corporal)",
    );
  });

  it("lets anyone read the decisions", async () => {
    expect((await app.inject("/api/decisions")).statusCode).toBe(200);
  });
});
