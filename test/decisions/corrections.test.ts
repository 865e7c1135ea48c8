import { cpSync, readdirSync, readFileSync, writeFileSync, appendFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Annals } from "../../src/annals.js";
import type { Author } from "../../src/decisions/decide.js";
import type { Decision } from "../../src/decisions/types.js";
import { ROOT, tempDir } from "../helpers/cli.js";
import { backends, postgresUrl, type Backend } from "../store/backends.js";

/**
 * Corrections on the four seed documents (test/fixtures/seeds), and what becomes of them when the
 * files are ingested again, changed or not: the library calls `annals add` and the corrections commands make.
 * On each store backend, with a copy of the files of its own (the tests change them).
 */
const by: Author = { user: "historian", reason: "checked the sources" };

describe.each(backends)("corrections on $name", (backend: Backend) => {
  const dir = tempDir(`annals-corrections-${backend.name}-`);
  const knowledgeBase = (name: string) => (backend.name === "postgres" ? postgresUrl() : join(dir, name));
  const docs = join(dir, "docs");
  const seed = (prefix: string) =>
    join(
      docs,
      readdirSync(docs).find((f) => f.startsWith(prefix))!,
    );
  let annals: Annals;
  const entity = (name: string) => annals.entity(name);
  const status = (d: Decision) => annals.decisions().find((v) => v.id === d.id)!;
  const add = async () => expect((await annals.add([docs], { workers: 0 })).failed).toEqual([]);
  const in001 = (m: { document: { path: string } }) => m.document.path.includes("/001_");

  beforeAll(async () => {
    cpSync(join(ROOT, "test/fixtures/seeds"), docs, { recursive: true, filter: (p) => !p.endsWith(".json") });
    annals = Annals.open(knowledgeBase("kb.db"));
    await add();
  }, 120_000);
  afterAll(() => annals.close());

  describe("corrections", () => {
    let chaderchiId = "";
    let merge: Decision, split: Decision, reject: Decision;
    let rejected: { document: string; start: number; end: number };

    it("merge, split and reject take effect at once", async () => {
      chaderchiId = entity("Chaderchi")!.id;
      expect(entity("Nuri As-Said")!.id).not.toBe(chaderchiId);
      [merge] = (await annals.decide((d) => d.merge("Nuri As-Said", "Chaderchi", by))).decisions as [Decision];
      expect(entity("Chaderchi")!.id).toBe(entity("Nuri As-Said")!.id);
      expect(entity(chaderchiId)!.id).toBe(entity("Nuri As-Said")!.id);
      expect(entity("Nuri As-Said")!.mergeReasons.map((r) => r.reason)).toContain("user: checked the sources");

      expect(entity("Muhammad Habib")!.aliases).toContain("Abu Salam");
      [split] = (await annals.decide((d) => d.split("Muhammad Habib", ["Abu Salam"], by))).decisions as [Decision];
      expect(entity("Muhammad Habib")!.aliases).not.toContain("Abu Salam");
      expect(entity("Abu Salam")!.id).not.toBe(entity("Muhammad Habib")!.id);

      const sari = entity("Hasan Sari")!.mentions.filter(in001)[2]!;
      rejected = { document: sari.document.id, start: sari.start, end: sari.end };
      [reject] = (await annals.decide((d) => d.rejectMention(rejected, by))).decisions as [Decision];
      const left = entity("Hasan Sari")!.mentions;
      expect(left.some((m) => m.start === rejected.start && m.document.id === rejected.document)).toBe(false);
      expect(left.length).toBe(entity("Hasan Sari")!.mentionCount);
      for (const d of [merge, split, reject]) expect(status(d).status).toBe("applied");
    });

    it("they survive `annals add` of unchanged files and of changed ones", async () => {
      const before = entity("Hasan Sari")!.mentions.filter(in001).length;
      await add();
      const file = seed("001_");
      writeFileSync(file, `A note added before the text.\n\n${readFileSync(file, "utf8")}`);
      appendFileSync(seed("003_"), "\nOne more closing line.\n");
      await add();
      for (const d of [merge, split, reject])
        expect(status(d), JSON.stringify(status(d))).toMatchObject({ status: "applied" });
      expect(entity("Chaderchi")!.id).toBe(entity("Nuri As-Said")!.id);
      expect(entity("Muhammad Habib")!.aliases).not.toContain("Abu Salam");
      const sari = entity("Hasan Sari")!.mentions.filter(in001);
      expect(sari.length).toBe(before);
      expect(sari[0]!.document.id).not.toBe(rejected.document);
    });

    it("undo restores what each decision changed, and the log keeps both", async () => {
      const sariBefore = entity("Hasan Sari")!.mentions.filter(in001).length;
      for (const d of [merge, split, reject]) await annals.decide((decider) => decider.undo(d.id, by));
      expect(entity("Chaderchi")!.id).toBe(chaderchiId);
      expect(entity(chaderchiId)!.name).toBe("Chaderchi");
      expect(entity("Muhammad Habib")!.aliases).toContain("Abu Salam");
      expect(entity("Hasan Sari")!.mentions.filter(in001).length).toBe(sariBefore + 1);
      for (const d of [merge, split, reject]) expect(status(d).status).toBe("undone");
      expect(annals.decisions().filter((d) => d.payload.kind === "undo")).toHaveLength(3);
      await expect(annals.decide((decider) => decider.undo(merge.id, by))).rejects.toThrow(/already undone/);
    });

    it("a rename and a name rule apply, and a rejected claim leaves the views", async () => {
      await annals.decide((d) => d.rename("Nuri As-Said", "Nuri al-Said", by));
      expect(entity("Nuri al-Said")?.id).toBe(entity("Nuri AS-Said")?.id);
      await annals.decide((d) => d.nameRule("Chaderchi", { do: "reject" }, undefined, by));
      expect(entity("Chaderchi")).toBeUndefined();
      const card = annals.event("14 July Revolution") ?? annals.events().map((e) => annals.event(e.id)!)[0]!;
      const [field, values] = Object.entries(card.fields).find(([, v]) => v.length > 0)!;
      const source = values[0]!.sources[0]!;
      const claim = {
        subjectKind: "event" as const,
        subjectId: card.id,
        document: source.document.id,
        start: source.start,
        end: source.end,
        property: field,
        value: values[0]!.value,
      };
      await annals.decide((d) => d.rejectClaim(claim, by));
      const after = annals.event(card.id)!.fields[field] ?? [];
      const same = after.find((v) => v.value === claim.value);
      expect(same?.sources.some((s) => s.document.id === claim.document && s.start === claim.start) ?? false).toBe(
        false,
      );
    });

    it("a decision whose mention vanished from its document is reported orphaned, with why", async () => {
      const sari = entity("Hasan Sari")!.mentions.filter(in001)[1]!;
      const [d] = (
        await annals.decide((decider) =>
          decider.rejectMention({ document: sari.document.id, start: sari.start, end: sari.end }, by),
        )
      ).decisions;
      const file = seed("001_");
      writeFileSync(file, readFileSync(file, "utf8").replace(/Sari/g, "Sadiq"));
      await add();
      expect(status(d!)).toMatchObject({ status: "orphaned", why: expect.stringMatching(/changed or was removed/) });
      expect(annals.decisions().length).toBeGreaterThan(7);
    });

    it("exports decisions as JSON lines that import into another knowledge base, once", async () => {
      const jsonl = annals.exportDecisions();
      const other = Annals.open(knowledgeBase("other.db"));
      try {
        expect((await other.add([docs], { workers: 0 })).failed).toEqual([]);
        const lines = jsonl.trimEnd().split("\n").length;
        expect(await other.importDecisions(jsonl)).toMatchObject({ imported: lines, skipped: 0 });
        expect(await other.importDecisions(jsonl)).toMatchObject({ imported: 0, skipped: lines });
        const strip = (text: string) =>
          text
            .trimEnd()
            .split("\n")
            .map((l) => ({ ...JSON.parse(l), id: 0 }) as unknown);
        expect(strip(other.exportDecisions())).toEqual(strip(jsonl));
        expect(other.decisions().map((d) => d.status)).toEqual(annals.decisions().map((d) => d.status));
      } finally {
        other.close();
      }
    });

    it("refuses a bad import as a whole, naming each bad line and path", async () => {
      const count = annals.decisions().length;
      const bad =
        '{"payload":{"kind":"same-as"},"user":"x","reason":"","createdAt":"2026-01-01T00:00:00Z"}\nnot json\n' +
        '{"payload":{"kind":"reject-mention","mention":{"document":"d","start":5,"end":2,"text":"x"}},"user":"x","reason":"","createdAt":"2026-01-01T00:00:00Z"}\n';
      await expect(annals.importDecisions(bad)).rejects.toThrow(
        /line 1: .*payload\.entities.*line 2: .*line 3: .*payload\.mention\.end/,
      );
      expect(annals.decisions().length).toBe(count);
    });

    it("refuses decisions that make no sense, each with a clear reason", async () => {
      await expect(annals.decide((d) => d.merge("Abdul Salam Arif", "Abdul Salam Arif", by))).rejects.toThrow(
        /already one entity/,
      );
      await expect(annals.decide((d) => d.merge("Abdul Salam Arif", "Baghdad", by))).rejects.toThrow(/cannot be one/);
      await expect(annals.decide((d) => d.merge("Abdul Salam Arif", "No Such Person", by))).rejects.toThrow(
        /no entity named/,
      );
      await expect(annals.decide((d) => d.split("Muhammad Habib", ["Nobody At All"], by))).rejects.toThrow(
        /not a name of/,
      );
      await expect(annals.decide((d) => d.split("Muhammad Habib", ["Muhammad Habib"], by))).rejects.toThrow(
        /cannot leave/,
      );
      await expect(annals.decide((d) => d.rejectMention({ document: "nope", start: 1, end: 4 }, by))).rejects.toThrow(
        /no name mention/,
      );
      await expect(annals.decide((d) => d.undo(9999, by))).rejects.toThrow(/no decision 9999/);
    });
  });
});
