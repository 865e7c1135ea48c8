import { expect } from "vitest";
import type { SourceDocument } from "../../src/core/document.js";
import { decode } from "../../src/decode/index.js";
import type { DecodedSource } from "../../src/decode/decoded-source.js";
import { parse } from "../../src/parse/index.js";
import { fixtureBytes } from "../decode/fixtures.js";

export function parseFixture(name: string): { source: DecodedSource; documents: SourceDocument[] } {
  const source = decode(fixtureBytes(name), name);
  return { source, documents: parse(source) };
}

export function parseText(text: string, path: string): { source: DecodedSource; documents: SourceDocument[] } {
  const source = decode(new TextEncoder().encode(text), path);
  return { source, documents: parse(source) };
}

/** Characters of the document text whose map says "verbatim" but which differ from the original. */
export function misMappedCharacters(document: SourceDocument, source: DecodedSource): number[] {
  const bad: number[] = [];
  for (let i = 0; i < document.text.length; i++) {
    if (document.map.isVerbatim(i) && source.original[document.map.toSource(i)] !== document.text[i]) bad.push(i);
  }
  return bad;
}

/** The original characters that a span of the document text comes from. */
export function originalOf(document: SourceDocument, source: DecodedSource, start: number, end: number): string {
  return source.original.slice(...document.map.spanToSource(start, end));
}

export function expectExactMaps(documents: SourceDocument[], source: DecodedSource): void {
  for (const document of documents) expect(misMappedCharacters(document, source)).toEqual([]);
}
