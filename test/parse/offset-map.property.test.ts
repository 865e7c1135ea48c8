import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { SourceDocument } from "../../src/core/document.js";
import { decode } from "../../src/decode/index.js";
import type { DecodedSource } from "../../src/decode/decoded-source.js";
import { parse, readers, type Reader } from "../../src/parse/index.js";
import { misMappedCharacters } from "./helpers.js";

const WORDS = [
  "Qasim",
  "Qāsim",
  "Qa\u0304sim",
  "ʿĀrif",
  "Ba'ath",
  "al-Sa'di",
  "Baghdad",
  "1958",
  "14",
  "July",
  "coup",
  "Ñuñez",
  "Ørsted",
  "Żółć",
  "Ca\u0301diz",
  "\u212Bngström",
  "\uF900",
  "😀",
  "عبد",
  "“quoted”",
  "—",
  "café",
  "Ã©tÃ©",
  "iraqiâ€“soviet",
  "a",
  "the",
  "of",
  "7.ó.e.",
];

const word = fc.constantFrom(...WORDS);
const words = (min: number, max: number) => fc.array(word, { minLength: min, maxLength: max });
const separator = fc.constantFrom(" ", "  ", "\n", "\t", " ");

function joined(tokens: string[], separators: string[]): string {
  return tokens.map((token, i) => (i === 0 ? token : (separators[i % separators.length] ?? " ") + token)).join("");
}

const sentence = fc
  .tuple(words(1, 8), fc.array(separator, { minLength: 1, maxLength: 4 }))
  .map(([t, s]) => joined(t, s));
const paragraphs = (max: number) => fc.array(sentence, { minLength: 1, maxLength: max });

const escapeXml = (text: string): string => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

const plainText = paragraphs(4).map((ps) => ps.join("\n\n"));

const encyclopedia = fc
  .tuple(sentence, words(1, 3), words(1, 3), paragraphs(3), sentence, fc.boolean())
  .map(([title, v1, v2, body, heading, crlf]) => {
    const text =
      `= ${title.replace(/\s+/g, " ").trim()} =\n\nInfobox\n- Commander1: ${v1.join(" ")} | ${v2.join(" ")}\n- Date: 3 July 1963\n\n` +
      `${body.join("\n\n")}\n\n==${heading.replace(/\s+/g, " ").trim()}==\n${body[0]}\n`;
    return crlf ? text.replace(/\n/g, "\r\n") : text;
  });

const markdownInline = fc.constantFrom(
  "**bold**",
  "*em*",
  "\\*",
  "&amp;",
  "&eacute;",
  "&#x2014;",
  "[link](http://x.org)",
  "<https://x.org/a>",
  "`code`",
  "a\\_b",
);
const markdownParagraph = fc
  .array(fc.oneof(word, markdownInline), { minLength: 1, maxLength: 10 })
  .chain((tokens) => fc.array(separator, { minLength: 1, maxLength: 3 }).map((s) => joined(tokens, s)));
const markdown = fc
  .tuple(
    fc.boolean(),
    sentence,
    fc.array(markdownParagraph, { minLength: 1, maxLength: 4 }),
    fc.constantFrom("# ", "## ", "> ", "- ", ""),
  )
  .map(([front, title, ps, prefix]) => {
    const matter = front ? `---\nsubject: ${JSON.stringify(title)}\ndate:\n  - 8 March 1963\n---\n\n` : "";
    return (
      matter +
      ps.map((p, i) => (i === 1 ? prefix + p.replace(/\n/g, " ") : p)).join("\n\n") +
      "\n\n```\n  code  block\n```\n"
    );
  });

const xmlInline = fc.oneof(
  word.map(escapeXml),
  fc.constantFrom("&amp;", "&#233;", "&#x1F600;", "&lt;", "<lb/>", "<![CDATA[a<b]]>"),
  word.map((w) => `<persName corresp="#p_${w.length}">${escapeXml(w)}</persName>`),
  words(1, 3).map((ws) => `<note n="1">${escapeXml(ws.join(" "))}</note>`),
  word.map((w) => `<hi rend="italic">${escapeXml(w)}</hi>`),
);
const xmlParagraph = fc
  .array(xmlInline, { minLength: 1, maxLength: 8 })
  .chain((tokens) => fc.array(separator, { minLength: 1, maxLength: 3 }).map((s) => joined(tokens, s)));
const tei = fc
  .tuple(
    fc.array(fc.tuple(sentence, fc.array(xmlParagraph, { minLength: 1, maxLength: 3 })), {
      minLength: 1,
      maxLength: 3,
    }),
  )
  .map(
    ([docs]) =>
      `<?xml version="1.0"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body>\n` +
      docs
        .map(
          ([head, ps], i) =>
            `  <div type="document" xml:id="d${i}"><head>${escapeXml(head)}<note>src</note></head>\n` +
            `    <dateline><placeName>Baghdad</placeName>, <date when="1958-07-1${i}">July 1${i}</date></dateline>\n` +
            ps.map((p) => `    <p>${p}</p>\n`).join("") +
            "  </div>\n",
        )
        .join("") +
      "</body></text></TEI>\n",
  );

const htmlInline = fc.oneof(
  word.map(escapeXml),
  fc.constantFrom("&nbsp;", "&eacute;", "&amp", "&#8211;", "<br>", '<sup class="reference">[1]</sup>', "<b>bold</b>"),
);
const htmlParagraph = fc
  .array(htmlInline, { minLength: 1, maxLength: 8 })
  .chain((tokens) => fc.array(separator, { minLength: 1, maxLength: 3 }).map((s) => joined(tokens, s)));
const html = fc
  .tuple(
    word,
    fc.array(htmlInline, { minLength: 1, maxLength: 4 }),
    fc.array(htmlParagraph, { minLength: 1, maxLength: 4 }),
  )
  .map(
    ([title, value, ps]) =>
      `<!DOCTYPE html><html lang="en"><head><title>${escapeXml(title)} - Wikipedia</title><script>var x = "<p>";</script></head>` +
      `<body><nav>Menu</nav><div id="mw-content-text"><table class="infobox"><tr><th>Date</th><td>${value.join(" ")}</td></tr></table>\n` +
      ps.map((p, i) => (i === 1 ? `<h2>${p}</h2>` : `<p>${p}</p>`)).join("\n") +
      "<pre>  kept   as is </pre></div></body></html>",
  );

const csvCell = fc.oneof(
  word,
  words(1, 3).map((ws) => `"${ws.join(", ").replace(/"/g, '""')}"`),
  words(1, 2).map((ws) => `"${ws.join('""\n')}"`),
  fc.constantFrom("", "1963", " padded "),
);
const table = fc
  .tuple(fc.integer({ min: 2, max: 5 }), fc.constantFrom(",", "\t", ";"), fc.boolean())
  .chain(([width, delimiter, crlf]) =>
    fc
      .array(fc.array(csvCell, { minLength: width, maxLength: width }), { minLength: 4, maxLength: 8 })
      .map((rows) =>
        [Array.from({ length: width }, (_, i) => `col${i}`), ...rows]
          .map((cells) => cells.join(delimiter))
          .join(crlf ? "\r\n" : "\n"),
      ),
  );
const conll = fc
  .array(fc.array(fc.tuple(word, fc.constantFrom("O", "B-PER", "I-ORG", "I-LOC")), { minLength: 1, maxLength: 6 }), {
    minLength: 2,
    maxLength: 4,
  })
  .map(
    (sentences) =>
      "-DOCSTART- O\n\n" +
      sentences
        .map((tokens) => tokens.map(([token, tag]) => `${token.replace(/\s/g, "")}\t${tag}`).join("\n"))
        .join("\n\n"),
  );

const jsonText = fc
  .array(fc.oneof(word, fc.constantFrom('"quoted"', "line\nbreak", "tab\there", "é", "😀", "back\\slash", "</p>")), {
    minLength: 1,
    maxLength: 10,
  })
  .map((ws) => ws.join(" "));
const jsonl = fc
  .array(fc.tuple(word, jsonText, fc.boolean(), fc.boolean()), { minLength: 1, maxLength: 4 })
  .map((records) =>
    records
      .map(([title, text, nested, escaped], i) => {
        const line = JSON.stringify({ id: `r${i}`, ...(nested ? { mentions: [{ text: title }] } : {}), title, text });
        return escaped
          ? line.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)
          : line;
      })
      .join("\n"),
  );

const GENERATORS: Record<Reader["format"], fc.Arbitrary<string>> = {
  text: plainText,
  encyclopedia,
  markdown,
  tei,
  html,
  table,
  conll,
  jsonl,
};

function checkSpans(document: SourceDocument, source: DecodedSource): void {
  const length = document.text.length;
  const points = [...new Set(Array.from({ length: 12 }, (_, i) => Math.round((i * length) / 11)))];
  for (const start of points) {
    for (const end of points) {
      if (end < start) continue;
      const [from, to] = document.map.spanToSource(start, end);
      expect(0 <= from && from <= to && to <= source.original.length).toBe(true);
      if (end < length) {
        const [widerFrom, widerTo] = document.map.spanToSource(start, end + 1);
        expect(widerFrom <= from && widerTo >= to).toBe(true);
      }
    }
  }
}

describe("offset maps of every reader (property)", () => {
  for (const reader of readers) {
    it(`${reader.format}: verbatim characters equal the original, spans stay in bounds and grow monotonically`, () => {
      fc.assert(
        fc.property(GENERATORS[reader.format], (input) => {
          const source = decode(new TextEncoder().encode(input), `generated.${reader.format}`);
          const documents = parse(source, [reader]);
          expect(documents.length).toBeGreaterThan(0);
          for (const document of documents) {
            expect(misMappedCharacters(document, source)).toEqual([]);
            checkSpans(document, source);
          }
        }),
        { numRuns: 150 },
      );
    });
  }

  it("decode's NFC matches String.prototype.normalize and keeps unchanged characters verbatim", () => {
    fc.assert(
      fc.property(words(1, 20), (tokens) => {
        const text = tokens.join(" ");
        const source = decode(new TextEncoder().encode(text), "nfc.txt");
        expect(source.text.normalize("NFC")).toBe(source.text);
        for (let i = 0; i < source.text.length; i++) {
          if (source.map.isVerbatim(i)) expect(source.original[source.map.toSource(i)]).toBe(source.text[i]);
        }
      }),
      { numRuns: 300 },
    );
  });
});
