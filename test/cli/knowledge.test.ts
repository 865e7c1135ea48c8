import { spawnSync } from "node:child_process";
import { cpSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { CLI, ROOT, runCli, runCliJson, tempDir } from "../helpers/cli.js";

/**
 * Every entry of the seeds' expected.json (what a careful reader finds), asserted through the CLI's
 * JSON on a knowledge base built from the four seed documents.
 */
interface ExpectedEntity {
  name: string;
  also?: string[];
  in: string[];
  not?: string[];
}
interface ExpectedEvent {
  name: string;
  start: string;
  end?: string;
  in: string[];
  place?: string;
  participants?: string[];
}
interface Expected {
  people: ExpectedEntity[];
  organizations: ExpectedEntity[];
  places: ExpectedEntity[];
  events: ExpectedEvent[];
  timeline_order: string[];
  disagreements: { about: string; values: string[]; in: string[] }[];
}
interface Entity {
  id: string;
  type: string;
  name: string;
  aliases: string[];
  documents: { id: string; path: string }[];
}
interface Event {
  id: string;
  label: string;
  type: string;
  start?: string;
  end?: string;
  place?: string;
  participants: { name: string; entityId?: string }[];
  sources: { document: { id: string; path: string } }[];
}
interface Disagreement {
  subject: string;
  property: string;
  values: { value: string; sources: { document: { path: string } }[] }[];
}

const expected = JSON.parse(readFileSync(join(ROOT, "test/fixtures/seeds/expected.json"), "utf8")) as Expected;
const seedName = (path: string) => basename(path).slice(0, 3);
const fold = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’ʿ`]/g, "")
    .replace(/[-–‐]/g, " ")
    .replace(/\s+/g, " ")
    .trim();

describe("the seeds' expected.json, through the CLI", () => {
  const dir = tempDir();
  const db = join(dir, "seeds.db");
  let entities: Entity[];
  let events: Event[];

  beforeAll(() => {
    const seeds = join(dir, "seeds");
    cpSync(join(ROOT, "examples/seeds"), seeds, { recursive: true });
    expect(runCliJson(["--db", db, "add", seeds]).status).toBe(0);
    entities = runCliJson<Entity[]>(["--db", db, "entities"]).json;
    events = runCliJson<Event[]>(["--db", db, "events"]).json;
  }, 180_000);

  const entityNamed = (type: string, name: string) =>
    entities.find((e) => e.type === type && [e.name, ...e.aliases].some((n) => fold(n) === fold(name)));

  const kinds = [
    ["person", expected.people],
    ["organization", expected.organizations],
    ["place", expected.places],
  ] as const;
  for (const [type, list] of kinds) {
    for (const item of list) {
      it(`${type} ${item.name}: found, every spelling in one entity, in ${item.in.join(", ")}`, () => {
        const entity = entityNamed(type, item.name);
        expect(entity, `no ${type} named ${item.name}`).toBeDefined();
        for (const form of item.also ?? []) {
          expect(entityNamed(type, form)?.id, `"${form}" should be ${item.name}`).toBe(entity!.id);
        }
        expect(entity!.documents.map((d) => seedName(d.path))).toEqual(expect.arrayContaining(item.in));
        for (const other of item.not ?? []) expect(entityNamed(type, other)?.id).not.toBe(entity!.id);
        const page = runCliJson<{ id: string; mentions: { quote: string }[] }>(["--db", db, "entity", item.name]);
        expect(page.json.id).toBe(entity!.id);
        expect(page.json.mentions.length).toBeGreaterThan(0);
        for (const mention of page.json.mentions) expect(mention.quote.length).toBeGreaterThan(0);
      });
    }
  }

  /** The event starting on the expected date, told by the expected documents, whose label is closest. */
  const eventFor = (item: ExpectedEvent) => {
    const words = new Set(
      fold(item.name)
        .split(" ")
        .filter((w) => w.length > 2),
    );
    const overlap = (e: Event) =>
      fold(e.label)
        .split(" ")
        .filter((w) => words.has(w)).length;
    const candidates = events.filter(
      (e) =>
        e.start !== undefined &&
        e.start.startsWith(item.start) &&
        item.in.every((doc) => e.sources.some((s) => seedName(s.document.path) === doc)),
    );
    return candidates.sort((a, b) => overlap(b) - overlap(a))[0];
  };

  for (const item of expected.events) {
    it(`event ${item.name} on ${item.start} from ${item.in.join(", ")}`, () => {
      const event = eventFor(item);
      expect(event, `no event starting ${item.start} told by ${item.in.join(", ")}`).toBeDefined();
      if (item.end) expect(event!.end).toBe(item.end);
      if (item.place)
        expect(
          entityNamed("place", item.place)?.aliases.concat(entityNamed("place", item.place)!.name).map(fold),
        ).toContain(fold(event!.place ?? ""));
      for (const participant of item.participants ?? []) {
        const entity = entities.find(
          (e) => e.type !== "place" && [e.name, ...e.aliases].some((n) => fold(n) === fold(participant)),
        );
        expect(
          event!.participants.map((p) => p.entityId),
          `${participant} in ${item.name}`,
        ).toContain(entity?.id);
      }
    });
  }

  it("orders the timeline as expected", () => {
    const positions = expected.timeline_order.map((name) => {
      const event = eventFor(expected.events.find((e) => e.name === name)!);
      return event ? events.indexOf(event) : -1;
    });
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it("draws the network of a name in another spelling, in a period, of some actor types, within a limit", () => {
    const graph = (args: string[]) =>
      runCliJson<{
        nodes: { id: string; name: string; type: string }[];
        edges: { source: string; target: string; weight: number }[];
        totals: { nodes: number; edges: number };
      }>(["--db", db, "graph", ...args]);
    const all = graph([]).json;
    expect(all.nodes.length).toBe(all.totals.nodes);
    const kassem = graph(["Kassem", "--type", "person,organization", "--limit", "5"]);
    expect(kassem.status).toBe(0);
    expect(kassem.json.nodes.length).toBeLessThanOrEqual(5);
    expect(kassem.json.nodes.some((n) => /Qasim/.test(n.name))).toBe(true);
    expect(kassem.json.nodes.every((n) => n.type !== "place")).toBe(true);
    const dated = graph(["--from", "1963", "--to", "1963"]).json;
    expect(dated.totals.edges).toBeGreaterThan(0);
    expect(dated.totals.edges).toBeLessThan(all.totals.edges);
    for (const bad of [
      ["--from", "July"],
      ["--type", "people"],
      ["--limit", "0"],
    ]) {
      const result = runCli(["--db", db, "graph", ...bad]);
      expect(result.status, bad.join(" ")).toBe(2);
      expect(result.stderr).toContain(bad[0]);
    }
  });

  it("lists only the events that pass --type, --actor, --from and --to, and refuses a bad period", () => {
    const list = (args: string[]) => runCliJson<Event[]>(["--db", db, "events", ...args]).json;
    const type = events[0]!.type;
    const ofType = list(["--type", type]);
    expect(ofType.length).toBeGreaterThan(0);
    expect(ofType.length).toBeLessThan(events.length);
    expect(ofType.every((e) => e.type === type)).toBe(true);
    const withKassem = list(["--actor", "Kassem"]);
    expect(withKassem.length).toBeGreaterThan(0);
    expect(withKassem.every((e) => e.participants.some((p) => /Qasim|Kassem|Qassem/.test(p.name)))).toBe(true);
    const in1963 = list(["--from", "1963", "--to", "1963"]);
    expect(in1963.length).toBeGreaterThan(0);
    expect(in1963.every((e) => e.start! <= "1963-12-31" && (e.end ?? e.start)! >= "1963")).toBe(true);
    const bad = runCli(["--db", db, "events", "--from", "July"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("--from July");
  });

  it("exports one csv table and only the events that pass the filter, and says which options do not go together", () => {
    const type = events[0]!.type;
    const out = join(dir, "export-csv");
    const args = ["export", "--format", "csv", "--table", "events", "--type", type, "--out", out];
    const result = runCliJson<{ files: string[] }>(["--db", db, ...args]);
    expect(result.status).toBe(0);
    expect(result.json.files).toEqual([join(out, "events.csv")]);
    const rows = readFileSync(join(out, "events.csv"), "utf8").trimEnd().split("\r\n").slice(1);
    const ofType = runCliJson<Event[]>(["--db", db, "events", "--type", type]).json;
    expect(rows.map((row) => row.split(",")[0])).toEqual(ofType.map((e) => e.id));
    for (const [args, flag] of [
      [["--format", "gexf", "--type", type], "--type"],
      [["--format", "csv", "--table", "entities", "--place", "Baghdad"], "--place"],
      [["--format", "json", "--table", "events"], "--table"],
      [["--format", "csv", "--table", "people"], "--table people"],
    ] as const) {
      const refused = runCli(["--db", db, "export", ...args, "--out", join(dir, "refused")]);
      expect(refused.status, args.join(" ")).toBe(2);
      expect(refused.stderr, args.join(" ")).toContain(flag);
    }
  });

  it("stops quietly when the reader of its output goes away, as in `annals entities | head`", () => {
    for (const command of ["entities", "events", "documents"]) {
      const piped = spawnSync(
        "bash",
        ["-c", `set -o pipefail; "${process.execPath}" "${CLI}" --db "${db}" ${command} | true`],
        {
          encoding: "utf8",
        },
      );
      expect(piped.stderr, command).toBe("");
      expect(piped.status, command).toBe(0);
    }
  });

  it("flags where the sources disagree", () => {
    const list = runCliJson<Disagreement[]>(["--db", db, "disagreements"]).json;
    for (const item of expected.disagreements) {
      const found = list.find((d) => {
        const values = d.values.map((v) => v.value);
        return item.values.every((v) => values.includes(v));
      });
      expect(found, item.about).toBeDefined();
      for (const value of found!.values) {
        expect(value.sources.map((s) => seedName(s.document.path))).toEqual(expect.arrayContaining(item.in));
      }
    }
  });
});
