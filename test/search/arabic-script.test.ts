import { afterAll, describe, expect, it } from "vitest";
import { openStore } from "../../src/store/index.js";
import { makeDocument, makeRecord } from "../store/make-document.js";

describe("searching Arabic-script names with Latin spellings", () => {
  const store = openStore(":memory:");
  afterAll(() => store.close());
  const documents = [
    makeDocument("ar", "أعلن عبد الكريم قاسم قيام الجمهورية في بغداد.\n\nوكان عبد السلام عارف معه."),
    makeDocument("en", "The embassy reported riots in Mosul and a curfew in Basra."),
  ];
  for (const document of documents) {
    store.replaceFile(
      { path: `${document.id}.txt`, contentHash: document.id, size: document.text.length, mtimeMs: 0 },
      [makeRecord(document)],
    );
  }
  const found = (query: string): string[] => [...new Set(store.search(query).hits.map((hit) => hit.document.id))];

  it("finds قاسم with Qasim and Kassem, عارف with Arif and Aref", () => {
    expect(found("Qasim")).toEqual(["ar"]);
    expect(found("Kassem")).toEqual(["ar"]);
    expect(found("Arif")).toEqual(["ar"]);
    expect(found("Aref")).toEqual(["ar"]);
  });

  it("does not find the Arabic text with a name it does not hold", () => {
    expect(found("Nasser")).toEqual([]);
    expect(found("Mosul")).toEqual(["en"]);
  });
});
