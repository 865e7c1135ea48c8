import { cpSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Annals } from "../../src/annals.js";
import { ingest } from "../../src/ingest/ingest.js";
import { openStore } from "../../src/store/index.js";
import { ROOT, tempDir } from "../helpers/cli.js";

const FIXTURES = join(ROOT, "test/fixtures/documents");

describe("plain-text documents dated and titled from their content, end to end", async () => {
  const dir = tempDir();
  const input = join(dir, "input");
  cpSync(FIXTURES, input, { recursive: true });
  const db = join(dir, "kb.db");
  const store = openStore(db);
  await ingest(store, [input], { workers: 0 });
  const stored = (name: string) => {
    const summary = store.listDocuments().find((d) => d.path.endsWith(name))!;
    return { summary, document: store.getDocument(summary.id)! };
  };

  it("stores the dateline date of FRUS telegrams and memoranda, with its source, and their heads as titles", () => {
    expect(stored("frus-d112.txt").summary).toMatchObject({
      title: "112. Telegram From the Embassy in Iraq to the Department of State",
      date: "1958-07-14",
      dateSource: "dateline",
    });
    expect(stored("frus-d113.txt").summary).toMatchObject({ date: "1958-07-14", dateSource: "dateline" });
  });

  it("leaves an editorial note without a dateline undated, titled by its head", () => {
    const { summary } = stored("frus-d109.txt");
    expect(summary.title).toBe("109. Editorial Note");
    expect(summary.date).toBeUndefined();
    expect(summary.dateSource).toBeUndefined();
  });

  it("dates the OCR'd CIA brief and resolves its 'last Monday' against that date", () => {
    const { summary, document } = stored("jfk_doc_1098-excerpt.md");
    expect(summary).toMatchObject({ date: "1963-11-23", dateSource: "first-date" });
    const lastMonday = document.dates.find((date) => date.text === "last Monday");
    expect(lastMonday?.value).toBe("1963-11-18");
  });

  it("lists date and source through the library's documents()", () => {
    store.close();
    const annals = Annals.open(db);
    try {
      const listing = annals.documents().find((d) => d.path.endsWith("frus-d112.txt"));
      expect(listing).toMatchObject({ date: "1958-07-14", dateSource: "dateline" });
    } finally {
      annals.close();
    }
  });
});
