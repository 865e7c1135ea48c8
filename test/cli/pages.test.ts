import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { Annals } from "../../src/annals.js";
import { runCli, runCliJson, tempDir } from "../helpers/cli.js";
import { writePdf } from "../parse/binary/make-pdf.js";

interface Hit {
  document: { path: string };
  page?: number;
  text: string;
}
interface Mention {
  document: { path: string };
  page?: number;
  quote: string;
}

describe("citations by page", () => {
  const dir = tempDir("annals-pages-");
  const db = join(dir, "kb.db");
  const pdf = join(dir, "report.pdf");
  const text = join(dir, "note.txt");

  beforeAll(async () => {
    const filler = (n: number) =>
      Array.from({ length: 4 }, (_, i) => `Routine line ${i} of page ${n} about the weather.`);
    writeFileSync(
      pdf,
      await writePdf([
        filler(1),
        filler(2),
        [...filler(3), "General Abd al-Karim Qasim spoke in Baghdad on 14 July 1958."],
      ]),
    );
    writeFileSync(text, "General Abd al-Karim Qasim spoke again in Mosul.\n");
    const added = runCliJson<{ added: number }>(["add", pdf, text, "--db", db]);
    expect(added.json.added).toBe(2);
  }, 120_000);

  it("search hits carry the page of a PDF passage, and none for a text file", () => {
    const { json } = runCliJson<{ hits: Hit[] }>(["search", "Qasim", "--db", db]);
    const inPdf = json.hits.find((hit) => hit.document.path === pdf)!;
    expect(inPdf.page).toBe(3);
    const inText = json.hits.find((hit) => hit.document.path === text)!;
    expect(inText.page).toBeUndefined();
  });

  it("an entity's mentions carry their page", () => {
    const { json } = runCliJson<{ mentions: Mention[] }>(["entity", "Abd al-Karim Qasim", "--db", db]);
    const pages = json.mentions.map((mention) => [mention.document.path === pdf, mention.page]);
    expect(pages).toContainEqual([true, 3]);
    expect(pages).toContainEqual([false, undefined]);
  });

  it("the terminal output says the page beside the path, for hits and for an entity's quotes", () => {
    const search = runCli(["search", "Qasim", "--db", db]);
    expect(search.stdout).toContain(`${pdf}, p. 3, characters`);
    expect(search.stdout).not.toContain(`${text}, p.`);
    const entity = runCli(["entity", "Abd al-Karim Qasim", "--db", db]);
    expect(entity.stdout).toMatch(new RegExp(`${pdf.replace(/[.\\/]/g, "\\$&")}, p\\. 3, \\d+–\\d+`));
  });

  it("the document for the reader keeps each page's span of the text", () => {
    const { json: documents } = runCliJson<{ id: string; path: string }[]>(["documents", "--db", db]);
    const id = documents.find((d) => d.path === pdf)!.id;
    const annals = Annals.open(db);
    const view = annals.document(id)!;
    annals.close();
    expect(view.pages?.map((page) => page.number)).toEqual([1, 2, 3]);
    const third = view.pages![2]!;
    expect(view.text.slice(third.start, third.end)).toContain("Qasim spoke in Baghdad");
  });
});
