import type { EntityType, Mention } from "../../annotate/mentions/types.js";
import type { EventMention } from "../../annotate/events/types.js";
import type { RelationMention } from "../../annotate/relations/types.js";
import type {
  ActorLink,
  ClaimRow,
  EntityEvent,
  EntityRow,
  EventRow,
  EventOutline,
  KnowledgeStore,
  MentionCitation,
  PageRange,
  RelatedEntity,
  ResolvedCorpus,
} from "../knowledge.js";
import { removedSinceCorpus, type RemovedSinceCorpus, type StaleRow } from "../knowledge.js";
import type { ClaimSubjectKind } from "../../claims/types.js";
import type {
  EntityRedirect,
  NameAssignment,
  NameOccurrence,
  ResolutionDocument,
  StoredEventMention,
  StoredRelationMention,
} from "../../resolve/types.js";
import type { MentionEdit } from "../../decisions/types.js";
import { foldName, MENTION_COLUMNS, mentionRow } from "../rows.js";
import { PostgresKnowledgeViews } from "./knowledge-views.js";
import { insertRows, toJson } from "./rows.js";
import type { SqlStatement, SyncPostgres } from "./sync-client.js";

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

/** Rows per INSERT when the corpus stage writes: bounded JSON parameters, still few round trips. */
const CHUNK = 20_000;

export class PostgresKnowledgeStore implements KnowledgeStore {
  private readonly views: PostgresKnowledgeViews;

  constructor(private readonly db: SyncPostgres) {
    this.views = new PostgresKnowledgeViews(db);
  }

  documentsForResolution(): ResolutionDocument[] {
    const rows = this.db.query<{
      id: string;
      path: string;
      kind: ResolutionDocument["kind"];
      date: string | null;
      reference_date: string | null;
      caseless: boolean;
    }>("SELECT id, path, kind, date, reference_date, caseless FROM documents ORDER BY rowid").rows;
    return rows.map((r) => ({
      id: r.id,
      path: r.path,
      kind: r.kind,
      ...(r.date ? { date: r.date } : {}),
      ...(r.reference_date ? { referenceDate: r.reference_date } : {}),
      caseless: r.caseless,
    }));
  }

  nameOccurrences(): NameOccurrence[] {
    const rows = this.db.query<{
      document_id: string;
      type: EntityType;
      name: string;
      alias_of: string | null;
      roles: string[] | null;
      refs: string[] | null;
      n: number;
      confidence: number;
      extractors: string[];
    }>(
      `SELECT d.id AS document_id, m.type, m.name, max(m.alias_of) AS alias_of,
         array_agg(DISTINCT m.role) FILTER (WHERE m.role IS NOT NULL) AS roles,
         array_agg(DISTINCT m.ref) FILTER (WHERE m.ref IS NOT NULL) AS refs,
         count(*) AS n, max(m.confidence) AS confidence, array_agg(DISTINCT m.extractor) AS extractors
       FROM mentions m JOIN documents d ON d.rowid = m.document_rowid
       WHERE m.type IN ('person', 'organization', 'place')
       GROUP BY m.document_rowid, d.id, d.file_path, d.ordinal, m.type, m.name
       ORDER BY d.file_path, d.ordinal, min(m.start)`,
    ).rows;
    return rows.map((r) => ({
      documentId: r.document_id,
      type: r.type,
      name: r.name,
      ...(r.alias_of ? { aliasOf: r.alias_of } : {}),
      roles: r.roles ?? [],
      ...(r.refs ? { refs: r.refs } : {}),
      count: r.n,
      confidence: r.confidence,
      extractors: r.extractors,
    }));
  }

  replaceKnownNameMentions(documentId: string, mentions: readonly Mention[]): void {
    this.db.batch(
      [
        {
          text: `DELETE FROM mentions WHERE extractor = 'known-name'
            AND document_rowid = (SELECT rowid FROM documents WHERE id = $1)`,
          values: [documentId],
        },
        insertRows("mentions", MENTION_COLUMNS, mentions.map(mentionRow), documentId),
      ],
      true,
    );
  }

  documentText(documentId: string): string | undefined {
    return this.db.query<{ text: string }>("SELECT text FROM documents WHERE id = $1", [documentId]).rows[0]?.text;
  }

  eventMentions(): StoredEventMention[] {
    const rows = this.db.query<{ id: number; document_id: string; data: string }>(
      "SELECT e.id, d.id AS document_id, e.data FROM event_mentions e JOIN documents d ON d.rowid = e.document_rowid ORDER BY d.file_path, d.ordinal, e.id",
    ).rows;
    return rows.map((r) => ({ id: r.id, documentId: r.document_id, event: JSON.parse(r.data) as EventMention }));
  }

  relationMentions(): StoredRelationMention[] {
    const rows = this.db.query<{ id: number; document_id: string; data: string }>(
      "SELECT r.id, d.id AS document_id, r.data FROM relation_mentions r JOIN documents d ON d.rowid = r.document_rowid ORDER BY r.id",
    ).rows;
    return rows.map((r) => ({ id: r.id, documentId: r.document_id, relation: JSON.parse(r.data) as RelationMention }));
  }

  /** One transaction: the previous run's edits undone, then these applied in order (as on SQLite). */
  applyMentionEdits(edits: readonly MentionEdit[]): number[] {
    const keep = "extracted_type = coalesce(extracted_type, type), extracted_name = coalesce(extracted_name, name)";
    const statements: SqlStatement[] = edits.map(({ match, set }) => {
      const [column, value] = "type" in set ? ["type", set.type] : ["name", set.name];
      if ("documentId" in match) {
        return {
          text: `UPDATE mentions SET ${keep}, ${column} = $1 WHERE document_rowid =
              (SELECT rowid FROM documents WHERE id = $2) AND start = $3 AND "end" = $4 AND text = $5
              AND type IN ('person', 'organization', 'place')`,
          values: [value, match.documentId, match.start, match.end, match.text],
        };
      }
      return {
        text: `UPDATE mentions SET ${keep}, ${column} = $1 WHERE type IN ('person', 'organization', 'place')
            AND (lower(name) = lower($2) OR lower(text) = lower($2))
            AND document_rowid IN (SELECT rowid FROM documents WHERE starts_with(path, $3))`,
        values: [value, match.name, match.pathPrefix ?? ""],
      };
    });
    const results = this.db.batch(
      [
        {
          text: `UPDATE mentions SET type = extracted_type, name = extracted_name, extracted_type = NULL,
            extracted_name = NULL WHERE extracted_type IS NOT NULL`,
        },
        ...statements,
      ],
      true,
    );
    return results.slice(1).map((r) => r.rowCount);
  }

  nameAssignments(): NameAssignment[] {
    return this.db.query<NameAssignment>(
      `SELECT d.id AS "documentId", n.type, n.name, n.entity_id AS "entityId" FROM entity_names n
       JOIN documents d ON d.rowid = n.document_rowid`,
    ).rows;
  }

  entityRedirects(): EntityRedirect[] {
    return this.db.query<EntityRedirect>('SELECT from_id AS "from", to_id AS "to" FROM entity_redirects').rows;
  }

  removedSinceCorpus(): RemovedSinceCorpus {
    return removedSinceCorpus(this.db.query<StaleRow>("SELECT kind, type, value FROM corpus_stale").rows);
  }

  /** One transaction; rows go in chunks through json_populate_recordset, document ids become rowids in SQL. */
  saveCorpus(corpus: ResolvedCorpus): void {
    const statements: SqlStatement[] = [
      {
        text: "TRUNCATE entities, entity_names, entity_aliases, entity_roles, events, claims, entity_redirects, decision_status, corpus_stale",
      },
      ...chunked(corpus.entities, (chunk) =>
        insertRows(
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
        ),
      ),
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
      ...chunked(corpus.assignments, (chunk) => ({
        text: `INSERT INTO entity_names (document_rowid, type, name, entity_id)
          SELECT d.rowid, a.type, a.name, a.entity_id FROM json_to_recordset($1::json)
            AS a(document_id text, type text, name text, entity_id text)
          JOIN documents d ON d.id = a.document_id
          ON CONFLICT (document_rowid, type, name) DO UPDATE SET entity_id = excluded.entity_id`,
        values: [
          toJson(chunk.map((a) => ({ document_id: a.documentId, type: a.type, name: a.name, entity_id: a.entityId }))),
        ],
      })),
      ...ENTITY_COUNTS,
      ...chunked(corpus.events, (chunk) =>
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
      ...chunked(corpus.claims, (chunk) => ({
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
    this.db.batch(statements, true);
  }

  entities(filter: { type?: EntityType; limit?: number; offset?: number } = {}): EntityRow[] {
    return this.views.entities(filter);
  }
  countEntities(type?: EntityType): number {
    return this.views.countEntities(type);
  }
  findEntity(idOrName: string): EntityRow | undefined {
    return this.views.findEntity(idOrName, foldName(idOrName));
  }
  entityMentions(entityId: string, limit?: number, offset?: number): MentionCitation[] {
    return this.views.entityMentions(entityId, limit, offset);
  }
  aliasCounts(entityId: string): { alias: string; count: number }[] {
    return this.views.aliasCounts(entityId);
  }
  roleCounts(entityId: string): { role: string; count: number }[] {
    return this.views.roleCounts(entityId);
  }
  entityDocuments(entityId: string): { id: string; path: string; title: string }[] {
    return this.views.entityDocuments(entityId);
  }
  events(page?: PageRange): EventRow[] {
    return this.views.events(page);
  }
  countEvents(): number {
    return this.views.countEvents();
  }
  eventOutlines(): EventOutline[] {
    return this.views.eventOutlines();
  }
  findEvent(idOrName: string): EventRow | undefined {
    return this.views.findEvent(idOrName, foldName(idOrName));
  }
  claims(subjectKind: ClaimSubjectKind, subjectId?: string): ClaimRow[] {
    return this.views.claims(subjectKind, subjectId);
  }
  claimsOfSubjects(subjectKind: ClaimSubjectKind, subjectIds: readonly string[]): ClaimRow[] {
    return this.views.claimsOfSubjects(subjectKind, subjectIds);
  }
  entityEvents(entityId: string, limit: number): EntityEvent[] {
    return this.views.entityEvents(entityId, limit);
  }
  relatedEntities(entityId: string, eventIds: readonly string[]): RelatedEntity[] {
    return this.views.relatedEntities(entityId, eventIds);
  }

  claimsById(claimIds: readonly number[]): Map<number, ClaimRow> {
    return this.views.claimsById(claimIds);
  }

  actorLinks(): ActorLink[] {
    return this.views.actorLinks();
  }
  documentMentions(
    documentId: string,
  ): { start: number; end: number; text: string; type: string; entityId?: string }[] {
    return this.views.documentMentions(documentId);
  }
}

function chunked<T>(items: readonly T[], statement: (chunk: readonly T[]) => SqlStatement): SqlStatement[] {
  const statements: SqlStatement[] = [];
  for (let i = 0; i < items.length; i += CHUNK) statements.push(statement(items.slice(i, i + CHUNK)));
  return statements;
}
