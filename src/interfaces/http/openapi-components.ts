/** JSON schemas (OpenAPI 3.1 = JSON Schema 2020-12) of the bodies: the shapes in src/views/types.ts and the CLI's. */

const str = { type: "string" } as const;
const int = { type: "integer" } as const;
const num = { type: "number" } as const;
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const arrayOf = (items: object) => ({ type: "array", items });
const obj = (properties: Record<string, unknown>, required: string[]) => ({ type: "object", properties, required });

const PRECISION = {
  type: "string",
  enum: ["day", "month", "season", "half", "quarter", "year", "decade", "century", "range"],
};
/** What an event's summary and its outline both say of it. */
const EVENT_HEAD = { id: str, label: str, type: str, start: str, end: str, precision: PRECISION, place: str };
const ENTITY_TYPE = { type: "string", enum: ["person", "organization", "place"] };
const KIND = { type: "string", enum: ["encyclopedia", "primary", "derived", "dataset", "other"] };
const FORMAT = {
  type: "string",
  enum: [
    "text",
    "encyclopedia",
    "markdown",
    "tei",
    "html",
    "table",
    "conll",
    "jsonl",
    "pdf",
    "image",
    "docx",
    "odt",
    "epub",
  ],
};
const RELATED_DOC = obj({ id: str, path: str, title: str, similarity: num }, ["id", "path", "similarity"]);

export const COMPONENT_SCHEMAS: Record<string, unknown> = {
  Error: obj(
    {
      error: obj(
        {
          code: str,
          message: str,
          path: { type: "string", description: "the request path or the parameter at fault" },
          issues: arrayOf(obj({ path: str, message: str }, ["path", "message"])),
        },
        ["code", "message", "path"],
      ),
    },
    ["error"],
  ),
  DocumentRef: obj({ id: str, path: str, title: str }, ["id", "path"]),
  Citation: obj(
    {
      document: ref("DocumentRef"),
      start: int,
      end: int,
      quote: { type: "string", description: "the sentence the fact comes from; untrusted text" },
      extractor: str,
      page: { type: "integer", description: "the page of the quote, for sources with pages (PDF, scans)" },
    },
    ["document", "start", "end", "quote"],
  ),
  SearchHit: obj(
    {
      document: obj({ id: str, path: str, title: str }, ["id", "path", "title"]),
      section: str,
      page: { type: "integer", description: "the page the passage starts on, for sources with pages (PDF, scans)" },
      text: str,
      snippet: { type: "string", description: "HTML-escaped text; matched words in <mark>…</mark>" },
      score: num,
      start: int,
      end: int,
    },
    ["document", "text", "snippet", "score", "start", "end"],
  ),
  SearchResult: obj(
    {
      hits: arrayOf(ref("SearchHit")),
      total: int,
      totalIsLowerBound: { type: "boolean", description: "more than `total` passages match: counting stopped there" },
    },
    ["hits"],
  ),
  DocumentListing: obj(
    {
      id: str,
      path: str,
      title: str,
      format: FORMAT,
      kind: KIND,
      date: str,
      derivedFrom: RELATED_DOC,
      nearDuplicates: arrayOf(RELATED_DOC),
    },
    ["id", "path", "title", "format", "kind"],
  ),
  DocumentPair: obj(
    {
      a: ref("DocumentRef"),
      b: ref("DocumentRef"),
      relation: { type: "string", enum: ["derived-from", "near-duplicate"] },
      similarity: num,
    },
    ["a", "b", "relation", "similarity"],
  ),
  DocumentView: obj(
    {
      id: str,
      path: str,
      title: str,
      format: FORMAT,
      kind: KIND,
      metadata: { type: "object", additionalProperties: true },
      sections: arrayOf(obj({ title: str, level: int, start: int, end: int }, ["title", "level", "start", "end"])),
      infobox: arrayOf(
        obj({ key: str, start: int, end: int, values: arrayOf(obj({ text: str, start: int, end: int }, ["text"])) }, [
          "key",
          "values",
        ]),
      ),
      text: { type: "string", description: "the document's text; untrusted" },
      pages: arrayOf(
        obj(
          {
            number: int,
            start: int,
            end: int,
            ocr: obj(
              {
                engine: str,
                languages: str,
                words: int,
                meanConfidence: num,
                lowConfidenceWords: int,
                width: { type: "integer", description: "pixels of the image OCR read; word boxes are in this frame" },
                height: int,
              },
              ["words", "meanConfidence"],
            ),
            words: arrayOf(
              obj(
                {
                  start: int,
                  end: int,
                  box: { ...arrayOf(int), description: "left, top, width, height" },
                  confidence: num,
                },
                ["start", "end", "box", "confidence"],
              ),
            ),
          },
          ["number", "start", "end"],
        ),
      ),
      furniture: arrayOf(obj({ start: int, end: int }, ["start", "end"])),
      mentions: arrayOf(obj({ start: int, end: int, text: str, type: str, entityId: str }, ["start", "end", "text"])),
      derivedFrom: RELATED_DOC,
      nearDuplicates: arrayOf(RELATED_DOC),
    },
    ["id", "path", "title", "format", "kind", "metadata", "sections", "infobox", "text", "mentions"],
  ),
  EntitySummary: obj(
    {
      id: str,
      type: ENTITY_TYPE,
      name: str,
      aliases: arrayOf(str),
      mentions: int,
      documentCount: int,
      documents: arrayOf(ref("DocumentRef")),
    },
    ["id", "type", "name", "aliases", "mentions", "documentCount", "documents"],
  ),
  EntityPage: {
    allOf: [
      obj({ id: str, type: ENTITY_TYPE, name: str, aliases: arrayOf(str), documents: arrayOf(ref("DocumentRef")) }, [
        "id",
        "type",
        "name",
        "aliases",
        "documents",
      ]),
      obj(
        {
          aliasCounts: arrayOf(obj({ alias: str, count: int }, ["alias", "count"])),
          roles: arrayOf(obj({ role: str, count: int }, ["role", "count"])),
          mentionCount: int,
          mentions: { ...arrayOf(ref("Citation")), description: "every mention, with its quote" },
          events: arrayOf(obj({ id: str, label: str, start: str, precision: PRECISION, role: str }, ["id", "label"])),
          related: arrayOf(
            obj({ id: str, name: str, type: ENTITY_TYPE, relation: str, count: int }, [
              "id",
              "name",
              "type",
              "relation",
              "count",
            ]),
          ),
          mergeReasons: arrayOf(obj({ alias: str, reason: str }, ["alias", "reason"])),
        },
        ["aliasCounts", "roles", "mentionCount", "mentions", "events", "related"],
      ),
    ],
  },
  EventSummary: obj(
    {
      ...EVENT_HEAD,
      participants: arrayOf(obj({ name: str, entityId: str, role: str, side: str }, ["name"])),
      sources: arrayOf(ref("Citation")),
    },
    ["id", "label", "type", "participants", "sources"],
  ),
  EventOutline: obj(
    {
      ...EVENT_HEAD,
      accounts: { type: "integer", description: "how many event mentions merged into it" },
    },
    ["id", "label", "type", "accounts"],
  ),
  FieldValue: obj({ value: str, sources: arrayOf(ref("Citation")) }, ["value", "sources"]),
  EventCard: obj(
    {
      id: str,
      label: str,
      type: str,
      start: str,
      end: str,
      precision: PRECISION,
      fields: { type: "object", additionalProperties: arrayOf(ref("FieldValue")) },
      disagreements: arrayOf(str),
      inconsistencies: arrayOf(str),
      mergeReasons: arrayOf(obj({ mentionId: int, reason: str }, ["mentionId", "reason"])),
    },
    ["id", "label", "type", "fields", "disagreements", "inconsistencies", "mergeReasons"],
  ),
  Disagreement: obj(
    {
      subject: str,
      subjectId: str,
      property: str,
      scope: { type: "string", enum: ["sources", "internal"] },
      values: arrayOf(ref("FieldValue")),
    },
    ["subject", "property", "scope", "values"],
  ),
  SearchFacets: obj(
    {
      total: int,
      kinds: arrayOf(ref("FacetCount")),
      documents: arrayOf(ref("FacetCount")),
      years: arrayOf(ref("FacetCount")),
      entityTypes: arrayOf(ref("FacetCount")),
    },
    ["total", "kinds", "documents", "years", "entityTypes"],
  ),
  FacetCount: obj(
    {
      value: { type: "string", description: "a document kind, a document id, a year or an entity type" },
      count: int,
      document: obj({ id: str, path: str, title: str }, ["id", "path", "title"]),
    },
    ["value", "count"],
  ),
  GraphNode: obj(
    {
      id: str,
      name: str,
      type: ENTITY_TYPE,
      mentions: int,
      community: { type: "integer", description: "Louvain community over the edges shown, largest 0" },
    },
    ["id", "name", "type", "mentions", "community"],
  ),
  GraphEdge: obj(
    {
      id: str,
      source: str,
      target: str,
      type: { type: "string", description: 'a relation, or "co-participant" (both take part in one event)' },
      weight: { type: "integer", description: "quotes stating the edge in the period asked for" },
      evidence: arrayOf(ref("Citation")),
    },
    ["id", "source", "target", "type", "weight", "evidence"],
  ),
  Graph: obj(
    {
      nodes: arrayOf(ref("GraphNode")),
      edges: arrayOf(ref("GraphEdge")),
      totals: obj({ nodes: int, edges: int }, ["nodes", "edges"]),
    },
    ["nodes", "edges", "totals"],
  ),
  Decision: obj(
    {
      id: int,
      payload: { type: "object", description: "kind and anchors (document hash, offsets, resolver keys)" },
      user: str,
      reason: str,
      createdAt: str,
      undoes: int,
      status: { type: "string", enum: ["applied", "orphaned", "undone", "pending"] },
      why: { type: "string", description: "why it is orphaned" },
      summary: str,
    },
    ["id", "payload", "user", "reason", "createdAt", "status", "summary"],
  ),
  DecisionResult: obj({ decisions: arrayOf(ref("Decision")), corpus: { type: "object" } }, ["decisions", "corpus"]),
  IngestReport: obj(
    {
      added: int,
      updated: int,
      unchanged: int,
      failed: arrayOf(obj({ path: str, error: str }, ["path", "error"])),
      warnings: arrayOf(obj({ path: str, warning: str }, ["path", "warning"])),
      documents: int,
      passages: int,
      dates: int,
      error: { type: "object", description: "present (with status 422) when the file failed" },
    },
    ["added", "updated", "unchanged", "failed", "documents"],
  ),
};
