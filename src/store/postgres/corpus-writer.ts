import type { ClaimRecord } from "../../claims/types.js";
import type { EventRecord, KeyedEntityRecord, NameAssignment } from "../../resolve/types.js";
import type { CorpusChanges, ResolvedCorpus } from "../knowledge.js";
import { foldName } from "../rows.js";
import { insertRows, toJson } from "./rows.js";
import type { SqlStatement } from "./sync-client.js";

/** Fills entity_aliases and entity_roles from entity_names and mentions (ENTITY_COUNTS_SQL on SQLite). */
const ENTITY_COUNTS: SqlStatement[] = [
  {
    text: `INSERT INTO entity_aliases (entity_id, alias, count)
      SELECT n.entity_id, m.text, count(*) FROM entity_names n
      JOIN mentions m ON m.document_rowid = n.document_rowid AND m.type = n.type AND m.name = n.name
      GROUP BY n.entity_id, m.text`,
  },
  {
    text: `INSERT INTO entity_roles (entity_id, role, count)
      SELECT n.entity_id, m.role, count(*) FROM entity_names n
      JOIN mentions m ON m.document_rowid = n.document_rowid AND m.type = n.type AND m.name = n.name
      WHERE m.role IS NOT NULL
      GROUP BY n.entity_id, m.role`,
  },
  {
    text: `UPDATE entities SET mention_count = coalesce(
      (SELECT sum(a.count) FROM entity_aliases a WHERE a.entity_id = entities.id), 0)`,
  },
];

/** ENTITY_COUNTS for the entities of a text[] parameter. */
const ENTITY_COUNTS_OF = [
  `INSERT INTO entity_aliases (entity_id, alias, count)
    SELECT n.entity_id, m.text, count(*) FROM entity_names n
    JOIN mentions m ON m.document_rowid = n.document_rowid AND m.type = n.type AND m.name = n.name
    WHERE n.entity_id = ANY($1::text[]) GROUP BY n.entity_id, m.text`,
  `INSERT INTO entity_roles (entity_id, role, count)
    SELECT n.entity_id, m.role, count(*) FROM entity_names n
    JOIN mentions m ON m.document_rowid = n.document_rowid AND m.type = n.type AND m.name = n.name
    WHERE m.role IS NOT NULL AND n.entity_id = ANY($1::text[]) GROUP BY n.entity_id, m.role`,
  `UPDATE entities SET mention_count = coalesce(
    (SELECT sum(a.count) FROM entity_aliases a WHERE a.entity_id = entities.id), 0) WHERE id = ANY($1::text[])`,
];

/** Rows per INSERT when the corpus stage writes: bounded JSON parameters, still few round trips. */
const CHUNK = 20_000;

/** Every statement of `saveCorpus`: the corpus stage's tables emptied and written whole. */
export function allCorpusStatements(corpus: ResolvedCorpus): SqlStatement[] {
  return [
    {
      text: "TRUNCATE entities, entity_names, entity_aliases, entity_roles, events, claims, entity_redirects, decision_status, corpus_stale",
    },
    ...entityStatements(corpus.entities),
    ...smallTableStatements(corpus),
    ...assignmentStatements(corpus.assignments),
    ...ENTITY_COUNTS,
    ...eventStatements(corpus.events),
    ...claimStatements(corpus.claims),
    ...SEEN,
  ];
}

/** Every statement of `saveCorpusChanges`: the stored rows that changed deleted, the new ones written. */
export function corpusChangeStatements(changes: CorpusChanges): SqlStatement[] {
  const counted = [...changes.countedEntities, ...changes.removedEntities];
  return [
    { text: "DELETE FROM entities WHERE id = ANY($1::text[])", values: [changes.removedEntities] },
    { text: "DELETE FROM entity_aliases WHERE entity_id = ANY($1::text[])", values: [counted] },
    { text: "DELETE FROM entity_roles WHERE entity_id = ANY($1::text[])", values: [counted] },
    ...entityStatements(changes.entities),
    { text: "TRUNCATE entity_redirects, decision_status, corpus_stale" },
    ...smallTableStatements(changes),
    ...chunked(changes.removedAssignments, (chunk) => ({
      text: `DELETE FROM entity_names n USING json_to_recordset($1::json) AS a(document_id text, type text, name text), documents d
        WHERE d.id = a.document_id AND n.document_rowid = d.rowid AND n.type = a.type AND n.name = a.name`,
      values: [toJson(chunk.map((a) => ({ document_id: a.documentId, type: a.type, name: a.name })))],
    })),
    ...assignmentStatements(changes.assignments),
    ...ENTITY_COUNTS_OF.map((text) => ({ text, values: [counted] })),
    { text: "DELETE FROM events WHERE id = ANY($1::text[])", values: [changes.removedEvents] },
    ...eventStatements(changes.events),
    {
      text: "DELETE FROM claims WHERE subject_kind = 'event' AND subject_id = ANY($1::text[])",
      values: [changes.claimsOfEvents],
    },
    {
      text: `DELETE FROM claims WHERE subject_kind = 'entity'
        AND document_rowid IN (SELECT rowid FROM documents WHERE id = ANY($1::text[]))`,
      values: [changes.relationDocuments],
    },
    ...claimStatements(changes.claims),
    ...SEEN,
  ];
}

/** The documents this result was made from (see `documentsSinceCorpus`). */
const SEEN: SqlStatement[] = [
  { text: "TRUNCATE corpus_documents" },
  { text: "INSERT INTO corpus_documents (document_rowid, document_id) SELECT rowid, id FROM documents" },
];

/** Inserts entities, or updates those stored (keeping their counts). */
function entityStatements(entities: readonly KeyedEntityRecord[]): SqlStatement[] {
  return chunked(entities, (chunk) => {
    const insert = insertRows(
      "entities",
      ["id", "type", "name", "name_folded", "merge_reasons", "key"],
      chunk.map((e) => ({
        id: e.id,
        type: e.type,
        name: e.name,
        name_folded: foldName(e.name),
        merge_reasons: JSON.stringify(e.mergeReasons),
        key: e.key,
      })),
    );
    return {
      ...insert,
      text: `${insert.text} ON CONFLICT (id) DO UPDATE SET type = excluded.type, name = excluded.name,
        name_folded = excluded.name_folded, merge_reasons = excluded.merge_reasons, key = excluded.key`,
    };
  });
}

/** Redirects and decision statuses, always written whole (after their tables are emptied). */
function smallTableStatements(corpus: Pick<ResolvedCorpus, "redirects" | "decisionStatuses">): SqlStatement[] {
  return [
    ...chunked(corpus.redirects, (chunk) =>
      insertRows(
        "entity_redirects",
        ["from_id", "to_id"],
        chunk.map((r) => ({ from_id: r.from, to_id: r.to })),
      ),
    ),
    ...chunked(corpus.decisionStatuses, (chunk) =>
      insertRows(
        "decision_status",
        ["decision_id", "status", "why"],
        chunk.map((d) => ({ decision_id: d.decisionId, status: d.status, why: d.why ?? null })),
      ),
    ),
  ];
}

function assignmentStatements(assignments: readonly NameAssignment[]): SqlStatement[] {
  return [
    ...chunked(assignments, (chunk) => ({
      text: `INSERT INTO entity_names (document_rowid, type, name, entity_id)
          SELECT d.rowid, a.type, a.name, a.entity_id FROM json_to_recordset($1::json)
            AS a(document_id text, type text, name text, entity_id text)
          JOIN documents d ON d.id = a.document_id
          ON CONFLICT (document_rowid, type, name) DO UPDATE SET entity_id = excluded.entity_id`,
      values: [
        toJson(chunk.map((a) => ({ document_id: a.documentId, type: a.type, name: a.name, entity_id: a.entityId }))),
      ],
    })),
  ];
}

function eventStatements(events: readonly EventRecord[]): SqlStatement[] {
  return [
    ...chunked(events, (chunk) =>
      insertRows(
        "events",
        [
          "id",
          "label",
          "label_folded",
          "type",
          "start",
          "end",
          "value",
          "precision",
          "place",
          "mention_ids",
          "merge_reasons",
        ],
        chunk.map((e) => ({
          id: e.id,
          label: e.label,
          label_folded: foldName(e.label),
          type: e.type,
          start: e.start ?? null,
          end: e.end ?? null,
          value: e.value ?? null,
          precision: e.precision ?? null,
          place: e.place ?? null,
          mention_ids: JSON.stringify(e.mentionIds),
          merge_reasons: JSON.stringify(e.mergeReasons),
        })),
      ),
    ),
  ];
}

function claimStatements(claims: readonly ClaimRecord[]): SqlStatement[] {
  return [
    ...chunked(claims, (chunk) => ({
      text: `INSERT INTO claims (subject_kind, subject_id, property, value, value_entity_id, qualifier, document_rowid,
            start, "end", quote_start, quote_end, extractor, confidence)
          SELECT * FROM (
            SELECT c.subject_kind, c.subject_id, c.property, c.value, c.value_entity_id, c.qualifier,
              (SELECT rowid FROM documents WHERE id = c.document_id) AS document_rowid,
              c.start, c."end", c.quote_start, c.quote_end, c.extractor, c.confidence
            FROM json_to_recordset($1::json) AS c(subject_kind text, subject_id text, property text, value text,
              value_entity_id text, qualifier text, document_id text, start int, "end" int, quote_start int,
              quote_end int, extractor text, confidence float8)) AS x
          WHERE x.document_rowid IS NOT NULL`,
      values: [
        toJson(
          chunk.map((c) => ({
            subject_kind: c.subjectKind,
            subject_id: c.subjectId,
            property: c.property,
            value: c.value,
            value_entity_id: c.valueEntityId ?? null,
            qualifier: c.qualifier ?? null,
            document_id: c.documentId,
            start: c.start,
            end: c.end,
            quote_start: c.quoteStart,
            quote_end: c.quoteEnd,
            extractor: c.extractor,
            confidence: c.confidence,
          })),
        ),
      ],
    })),
  ];
}

function chunked<T>(items: readonly T[], statement: (chunk: readonly T[]) => SqlStatement): SqlStatement[] {
  const statements: SqlStatement[] = [];
  for (let i = 0; i < items.length; i += CHUNK) statements.push(statement(items.slice(i, i + CHUNK)));
  return statements;
}
