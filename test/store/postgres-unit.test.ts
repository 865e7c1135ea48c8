import { describe, expect, it } from "vitest";
import { InputError } from "../../src/core/errors.js";
import { parseQuery } from "../../src/search/query.js";
import { openStore } from "../../src/store/index.js";
import { toTsquery } from "../../src/store/postgres/tsquery.js";
import { toJson } from "../../src/store/postgres/rows.js";

describe("PostgreSQL adapter without a server", () => {
  it("says in one line which server it cannot reach, with no password in it", () => {
    const url = "postgres://annals:secret@/kb?host=/nonexistent-annals-socket-dir";
    expect(() => openStore(url)).toThrow(InputError);
    expect(() => openStore(url)).toThrow(/^cannot open postgres:\/\/annals:\*\*\*@\/kb\?host=\/nonexistent/);
    expect(() => openStore(url)).not.toThrow(/secret/);
  });

  it("compiles every query word to a quoted lexeme of one weight, so tsquery syntax stays text", () => {
    const compiled = toTsquery(parseQuery("Qasim & !radio | 'x' <-> (y):*"), "all")!;
    const outsideQuotes = compiled.replace(/'(?:[^']|'')*'/g, "");
    expect(outsideQuotes).toMatch(/^[\s()&|!<>\-:AB*]*$/);
    expect(compiled).toContain("'qasim':A");
    expect(compiled).toContain("'ksm':B");
  });

  it("keeps clauses, phrases, prefixes and exclusions as the FTS5 compiler does", () => {
    expect(toTsquery(parseQuery('"radio station"'), "all")).toBe("('radio':A <-> 'station':A)");
    expect(toTsquery(parseQuery("revolut*"), "all")).toBe("'revolut':*A");
    expect(toTsquery(parseQuery("coup -Baath"), "all")).toMatch(/ & !\(.*'baath':A.*\)$/);
    expect(toTsquery(parseQuery("coup"), "rest")).toBeUndefined();
    expect(toTsquery(parseQuery("coup army"), "rest")).toMatch(/^\(.* \| .*\) & !\(.* & .*\)$/);
  });

  it("stores NUL as U+FFFD, one unit long, and leaves an escaped backslash before u0000 alone", () => {
    expect(JSON.parse(toJson({ text: "a\u0000b" }))).toEqual({ text: "a\uFFFDb" });
    expect(JSON.parse(toJson({ text: "a\\u0000b" }))).toEqual({ text: "a\\u0000b" });
  });
});
