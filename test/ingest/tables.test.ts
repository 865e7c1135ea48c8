import { copyFileSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { EventMention } from "../../src/annotate/events/types.js";
import { ingest } from "../../src/ingest/ingest.js";
import { fromPortable, processFile } from "../../src/ingest/process-file.js";
import type { DocumentRecord } from "../../src/store/store.js";
import { openStore } from "../../src/store/index.js";
import { tempDir } from "../helpers/cli.js";

const TABLES = fileURLToPath(new URL("../fixtures/tables/", import.meta.url));
const PT = "ptcoups_input_excerpt.csv";
const CLINE = "Coup_Data_v2.0.0_excerpt.csv";

async function records(name: string): Promise<DocumentRecord[]> {
  const path = join(TABLES, name);
  const result = await processFile({ path, size: statSync(path).size, mtimeMs: 0 });
  if (!result.ok) throw new Error(result.error);
  return result.records.map(fromPortable);
}

async function datasetEvents(name: string): Promise<EventMention[]> {
  return (await records(name)).flatMap((record) => record.events ?? []);
}

function quoted(record: DocumentRecord, event: EventMention): string {
  return record.document.text.slice(event.quote.start, event.quote.end);
}

describe("tables through processFile", () => {
  it("reads CSV, TSV and CoNLL files as data: no person, organization or place mentions, no dates from prose", async () => {
    for (const name of [PT, CLINE, "price-list.csv", "coups-by-year.tsv", "wikigold_excerpt.conll.txt"]) {
      const [record] = await records(name);
      expect(record!.document.kind, name).toBe("dataset");
      expect(record!.mentions, name).toEqual([]);
      expect(record!.relations, name).toEqual([]);
    }
  });

  it("gives every row of a table its own passage, quoted with its line", async () => {
    const [record] = await records("price-list.csv");
    expect(record!.passages.map((passage) => passage.text)).toEqual([
      "line 2: item: Flour; unit: kg; price (USD): 1.20; supplier: Baghdad Mills",
      "line 3: item: Rice; unit: kg; price (USD): 2.10; supplier: Basra Trading Co., Ltd.",
      "line 4: item: Tea; unit: box; price (USD): 3.75; supplier: Mosul Imports",
      "line 5: item: Sugar; unit: kg; price (USD): 0.95; supplier: Baghdad Mills",
      'line 6: item: Lamp oil; unit: litre; price (USD): 1.40; supplier: Kirkuk Oil "Standard"',
    ]);
  });

  it("gives no events for a table that is not a list of events", async () => {
    expect(await datasetEvents("price-list.csv")).toEqual([]);
    expect(await datasetEvents("ragged.csv")).toEqual([]);
  });

  it("turns each Powell & Thyne row into a coup with day precision, the country as place and the coded result", async () => {
    const [record] = await records(PT);
    const events = record!.events!;
    expect(events).toHaveLength(17);
    const november = events.find((event) => event.date?.value === "1963-11-18")!;
    expect(november).toMatchObject({
      type: "coup",
      label: "Iraq coup, 1963-11-18",
      date: { earliest: "1963-11-18", latest: "1963-11-18", precision: "day" },
      place: { name: "Iraq" },
      named: false,
      dataset: "ptcoups_input_excerpt",
      extractor: "dataset-row",
    });
    expect(november.fields.result!.map((value) => value.value)).toEqual(["successful"]);
    expect(quoted(record!, november)).toMatch(/^line 9: country: Iraq; .*month: 11; day: 18; coup: 2;/);
    const failed = events.find((event) => event.date?.value === "1959-03-07")!;
    expect(failed.label).toBe("Iraq coup attempt, 1959-03-07");
    expect(failed.fields.result![0]!.value).toBe("failed");
    expect(new Set(events.map((event) => event.place!.name))).toEqual(new Set(["Cuba", "Haiti", "Iraq", "Syria"]));
  });

  it("reads the Cline Center's event types as coups with their outcome", async () => {
    const [record] = await records(CLINE);
    const events = record!.events!;
    expect(events).toHaveLength(13);
    expect(events.every((event) => event.type === "coup")).toBe(true);
    const result = (date: string) => events.find((event) => event.date?.value === date)!.fields.result![0]!.value;
    expect(result("1963-11-18")).toBe("successful");
    expect(result("1963-11-13")).toBe("failed");
    expect(result("1958-12-08")).toBe("conspiracy");
    const plot = events.find((event) => event.date?.value === "1958-12-08")!;
    expect(plot.label).toBe("Iraq coup plot, 1958-12-08");
    expect(quoted(record!, plot)).toMatch(/^line 6: coup_id: 64512081958; /);
  });

  it("dates a row at the precision its columns give, and reads actors from an actor column", async () => {
    const events = await datasetEvents("coups-by-year.tsv");
    expect(events.map((event) => event.label)).toEqual([
      "Iraq coup, 1936",
      "Iraq coup, 1941",
      "Syria coup, 1949",
      "Egypt coup, 1952",
    ]);
    expect(events[0]!.date).toMatchObject({ earliest: "1936-01-01", latest: "1936-12-31", precision: "year" });
    expect(events[0]!.participants).toMatchObject([{ name: "Bakr Sidqi", role: "agent" }]);
    expect(events[0]!.fields.result![0]!.value).toBe("successful");
  });

  it("reads a ragged table and warns with the lines whose cell count differs", async () => {
    const path = join(TABLES, "ragged.csv");
    const result = await processFile({ path, size: statSync(path).size, mtimeMs: 0 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warning).toBe(
      "2 row(s) do not have the header's 3 cells: line 3 (4), 5 (2); check the delimiters and quotes there (their cells were read in order)",
    );
    expect(result.records[0]!.passages).toHaveLength(10);
    expect(fromPortable(result.records[0]!).passages[1]!.text).toBe(
      "line 3: name: Abd al-Karim Qasim; role: brigadier; year: 1958; column 4: Baghdad",
    );
  });
});

describe("tables through ingest", () => {
  it("finds rows by search and keeps rows of one dataset apart as events", async () => {
    const dir = tempDir();
    const input = join(dir, "input");
    mkdirSync(input);
    for (const name of [PT, CLINE, "price-list.csv", "wikigold_excerpt.conll.txt"])
      copyFileSync(join(TABLES, name), join(input, name));
    writeFileSync(
      join(input, "same-year.csv"),
      "country,year,event\nSyria,1949,coup\nLebanon,1949,coup\nJordan,1949,revolt\n",
    );
    const store = openStore(join(dir, "kb.db"));
    const report = await ingest(store, [input], { workers: 0 });
    expect(report.failed).toEqual([]);
    const hits = store.search("Iraq 1963").hits;
    expect(hits.length).toBeGreaterThanOrEqual(4);
    for (const hit of hits.slice(0, 4)) expect(hit.text).toMatch(/^line \d+: .*country: Iraq; .*year: 1963; month: /);
    expect(new Set(hits.slice(0, 4).map((hit) => hit.document.title))).toEqual(
      new Set(["ptcoups_input_excerpt", "Coup_Data_v2.0.0_excerpt"]),
    );
    expect(store.search("Kirkuk").hits.map((hit) => hit.text)).toEqual([
      'line 6: item: Lamp oil; unit: litre; price (USD): 1.40; supplier: Kirkuk Oil "Standard"',
    ]);
    expect(store.search("Killing Joke").hits.map((hit) => hit.document.title)).toEqual(["wikigold_excerpt.conll"]);
    const entities = store.knowledge!.entities();
    expect(entities.filter((entity) => /B-|I-|Iraq/.test(entity.name))).toEqual([]);
    const labels = store.knowledge!.events().map((event) => event.label);
    expect(labels.filter((label) => label.startsWith("Iraq coup, 1963"))).toHaveLength(2);
    expect(labels.filter((label) => label.endsWith(", 1949")).sort()).toEqual([
      "Jordan revolt, 1949",
      "Lebanon coup, 1949",
      "Syria coup, 1949",
    ]);
    store.close();
  });
});
