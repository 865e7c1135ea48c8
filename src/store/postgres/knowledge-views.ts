import type { EntityType } from "../../annotate/mentions/types.js";
import type {
  ActorLink,
  ClaimRow,
  EntityEvent,
  EntityRow,
  EventRow,
  EventOutline,
  MentionCitation,
  PageRange,
  RelatedEntity,
} from "../knowledge.js";
import {
  ACTOR_LINKS_SQL,
  documentsBySubject,
  toActorLink,
  toClaim,
  toDocumentMention,
  toEntity,
  toEvent,
  toMentionCitation,
  type ActorLinkDbRow,
  claimsByIdOf,
  spellingPatterns,
  type ClaimDbRow,
  type DocumentMentionDbRow,
  type DocumentRef,
  CLAIM_ORDER,
  type EntityDbRow,
  type EventDbRow,
  type MentionCitationDbRow,
} from "../rows.js";
import type { ClaimSubjectKind } from "../../claims/types.js";
import { pageAt } from "./pages-sql.js";
import type { SyncPostgres } from "./sync-client.js";

/** The quoted span cut from the passage that holds its start, clipped to it (as on SQLite). */
function quoteFromPassage(documentRowid: string, start: string, end: string): string {
  return `(SELECT substr(p.text, greatest(${start}, p.start) - p.start + 1, least(${end}, p."end") - greatest(${start}, p.start))
    FROM passages p WHERE p.document_rowid = ${documentRowid} AND p.start <= ${start}
    ORDER BY p.start DESC LIMIT 1)`;
}

const CLAIM_COLUMNS = `c.subject_kind, c.subject_id, c.property, c.value, c.value_entity_id, c.qualifier,
  d.id AS document_id, d.path, d.title, c.start, c."end", c.quote_start, c.quote_end,
  ${quoteFromPassage("c.document_rowid", "c.quote_start", "c.quote_end")} AS quote, c.extractor, c.confidence,
  ${pageAt("d", "c.quote_start")} AS page`;

const CLAIM_ORDER_BY_ID = `${CLAIM_ORDER}, c.id`;

/** Read-side queries of the knowledge store on PostgreSQL: src/store/sqlite/knowledge-views.ts, one for one. */
export class PostgresKnowledgeViews {
  constructor(private readonly db: SyncPostgres) {}

  entities(filter: { type?: EntityType; limit?: number; offset?: number }): EntityRow[] {
    return this.db
      .query<EntityDbRow>(
        `SELECT id, type, name, mention_count, merge_reasons, key FROM entities WHERE ($1::text IS NULL OR type = $1)
         ORDER BY mention_count DESC, name LIMIT $2 OFFSET $3`,
        [filter.type ?? null, filter.limit ?? null, filter.offset ?? 0],
      )
      .rows.map(toEntity);
  }

  countEntities(type?: EntityType): number {
    return this.db.query<{ n: number }>("SELECT count(*) AS n FROM entities WHERE ($1::text IS NULL OR type = $1)", [
      type ?? null,
    ]).rows[0]!.n;
  }

  /**
   * By id, else by folded name, else by a name assigned in some document (case-insensitive): one
   * round trip; else by the transliteration keys of its words: one more.
   */
  findEntity(idOrName: string, folded: string): EntityRow | undefined {
    const [byId, byName, byAlias] = this.db.batch([
      {
        text: "SELECT * FROM entities WHERE id = coalesce((SELECT to_id FROM entity_redirects WHERE from_id = $1), $1)",
        values: [idOrName],
      },
      {
        text: "SELECT * FROM entities WHERE name_folded = $1 ORDER BY mention_count DESC LIMIT 1",
        values: [folded],
      },
      {
        text: `SELECT e.* FROM entity_names n JOIN entities e ON e.id = n.entity_id
          WHERE lower(n.name) = lower($1) GROUP BY e.id ORDER BY count(*) DESC, e.mention_count DESC LIMIT 1`,
        values: [idOrName.trim()],
      },
    ]);
    const row = (byId!.rows[0] ?? byName!.rows[0] ?? byAlias!.rows[0]) as EntityDbRow | undefined;
    if (row) return toEntity(row);
    const bySpelling = spellingPatterns(idOrName).map(({ type, patterns }) => ({
      text: `SELECT * FROM entities WHERE type = $1 ${patterns
        .map((_, i) => `AND (' ' || key || ' ') LIKE $${i + 2}`)
        .join(" ")} ORDER BY mention_count DESC LIMIT 1`,
      values: [type, ...patterns],
    }));
    if (bySpelling.length === 0) return undefined;
    const found = this.db.batch(bySpelling).flatMap((result) => result.rows as unknown as EntityDbRow[]);
    const best = found.sort((a, b) => Number(b.mention_count) - Number(a.mention_count))[0];
    return best ? toEntity(best) : undefined;
  }

  entityMentions(entityId: string, limit = 1000, offset = 0): MentionCitation[] {
    const rows = this.db.query<MentionCitationDbRow>(
      `SELECT d.id, d.path, d.title, m.start, m."end", m.text, m.extractor,
         ${quoteFromPassage("m.document_rowid", "m.sentence_start", "m.sentence_end")} AS quote,
         ${pageAt("d", "m.start")} AS page
       FROM (
         SELECT m.id AS mention_id FROM entity_names n
         JOIN mentions m ON m.document_rowid = n.document_rowid AND m.type = n.type AND m.name = n.name
         WHERE n.entity_id = $1 ORDER BY n.document_rowid, m.start, m.id LIMIT $2 OFFSET $3) AS top
       JOIN mentions m ON m.id = top.mention_id JOIN documents d ON d.rowid = m.document_rowid
       ORDER BY d.rowid, m.start, m.id`,
      [entityId, limit, offset],
    ).rows;
    return rows.map(toMentionCitation);
  }

  aliasCounts(entityId: string): { alias: string; count: number }[] {
    return this.db.query<{ alias: string; count: number }>(
      "SELECT alias, count FROM entity_aliases WHERE entity_id = $1 ORDER BY count DESC, alias",
      [entityId],
    ).rows;
  }

  roleCounts(entityId: string): { role: string; count: number }[] {
    return this.db.query<{ role: string; count: number }>(
      "SELECT role, count FROM entity_roles WHERE entity_id = $1 ORDER BY count DESC, role",
      [entityId],
    ).rows;
  }

  entityDocuments(entityId: string): DocumentRef[] {
    return this.db.query<DocumentRef>(
      `SELECT d.id, d.path, d.title FROM documents d
       WHERE d.rowid IN (SELECT document_rowid FROM entity_names WHERE entity_id = $1) ORDER BY d.rowid`,
      [entityId],
    ).rows;
  }

  events(page?: PageRange): EventRow[] {
    // SQLite's order: undated events last, an open end before any end.
    const order = `ORDER BY start NULLS LAST, "end" NULLS FIRST, label, id`;
    const rows = (page
      ? this.db.query(`SELECT * FROM events ${order} LIMIT $1 OFFSET $2`, [page.limit, page.offset])
      : this.db.query(`SELECT * FROM events ${order}`)
    ).rows as unknown as EventDbRow[];
    const documents = this.eventDocuments(page ? rows.map((r) => r.id) : undefined);
    return rows.map((row) => toEvent(row, documents.get(row.id) ?? []));
  }

  /** The documents that tell of each event (of the given ones, else of all), in document order. */
  private eventDocuments(eventIds?: readonly string[]): Map<string, DocumentRef[]> {
    const sources = this.db.query<{ subject_id: string } & DocumentRef>(
      `SELECT DISTINCT c.subject_id, d.rowid, d.id, d.path, d.title FROM claims c
       JOIN documents d ON d.rowid = c.document_rowid
       WHERE c.subject_kind = 'event' AND ($1::text[] IS NULL OR c.subject_id = ANY($1))
       ORDER BY c.subject_id, d.rowid`,
      [eventIds ?? null],
    ).rows;
    return documentsBySubject(sources);
  }

  eventOutlines(): EventOutline[] {
    const sql = `SELECT id, label, type, start, "end", precision, place, json_array_length(mention_ids::json) AS accounts FROM events ORDER BY start NULLS LAST, "end" NULLS FIRST, label, id`;
    const rows = this.db.query(sql).rows as (Pick<
      EventDbRow,
      "id" | "label" | "type" | "start" | "end" | "precision" | "place"
    > & { accounts: number })[];
    return rows.map((row) => ({
      id: row.id,
      accounts: Number(row.accounts),
      label: row.label,
      type: row.type,
      ...(row.start ? { start: row.start } : {}),
      ...(row.end ? { end: row.end } : {}),
      ...(row.precision ? { precision: row.precision as NonNullable<EventOutline["precision"]> } : {}),
      ...(row.place ? { place: row.place } : {}),
    }));
  }

  countEvents(): number {
    return this.db.query<{ n: number }>("SELECT count(*) AS n FROM events").rows[0]!.n;
  }

  findEvent(idOrName: string, folded: string): EventRow | undefined {
    const [byId, byLabel, byPart] = this.db.batch([
      { text: "SELECT * FROM events WHERE id = $1", values: [idOrName] },
      { text: "SELECT * FROM events WHERE label_folded = $1 LIMIT 1", values: [folded] },
      {
        text: `SELECT * FROM events WHERE strpos(label_folded, $1) > 0 ORDER BY length(label) LIMIT 1`,
        values: [folded],
      },
    ]);
    const row = (byId!.rows[0] ?? byLabel!.rows[0] ?? byPart!.rows[0]) as EventDbRow | undefined;
    return row ? toEvent(row, this.eventDocuments([row.id]).get(row.id) ?? []) : undefined;
  }

  claims(subjectKind: ClaimSubjectKind, subjectId?: string): ClaimRow[] {
    if (subjectId !== undefined) return this.claimsOfSubjects(subjectKind, [subjectId]);
    return this.db
      .query<ClaimDbRow>(
        `SELECT ${CLAIM_COLUMNS} FROM claims c JOIN documents d ON d.rowid = c.document_rowid
         WHERE c.subject_kind = $1 ${CLAIM_ORDER_BY_ID}`,
        [subjectKind],
      )
      .rows.map(toClaim);
  }

  claimsOfSubjects(subjectKind: ClaimSubjectKind, subjectIds: readonly string[]): ClaimRow[] {
    return this.db
      .query<ClaimDbRow>(
        `SELECT ${CLAIM_COLUMNS} FROM claims c JOIN documents d ON d.rowid = c.document_rowid
         WHERE c.subject_kind = $1 AND c.subject_id = ANY($2::text[]) ${CLAIM_ORDER_BY_ID}`,
        [subjectKind, subjectIds],
      )
      .rows.map(toClaim);
  }

  claimsById(claimIds: readonly number[]): Map<number, ClaimRow> {
    const rows = this.db.query<ClaimDbRow & { id: string }>(
      `SELECT c.id, ${CLAIM_COLUMNS} FROM claims c JOIN documents d ON d.rowid = c.document_rowid
       WHERE c.id = ANY($1::bigint[])`,
      [claimIds],
    ).rows;
    return claimsByIdOf(rows);
  }

  actorLinks(): ActorLink[] {
    return this.db.query<ActorLinkDbRow>(ACTOR_LINKS_SQL).rows.map(toActorLink);
  }

  /** Each event's first claim naming the entity, in document order; the first `limit` events. */
  entityEvents(entityId: string, limit: number): EntityEvent[] {
    const rows = this.db.query<{
      id: string;
      label: string;
      start: string | null;
      precision: string | null;
      role: string;
    }>(
      `SELECT e.id, e.label, e.start, e.precision, first.property AS role FROM (
         SELECT DISTINCT ON (subject_id) subject_id, property, document_rowid, start, id FROM claims
         WHERE value_entity_id = $1 AND subject_kind = 'event'
         ORDER BY subject_id, document_rowid, start, id) AS first
       JOIN events e ON e.id = first.subject_id
       ORDER BY first.document_rowid, first.start, first.id LIMIT $2`,
      [entityId, limit],
    ).rows;
    return rows.map((r) => ({
      id: r.id,
      label: r.label,
      ...(r.start ? { start: r.start } : {}),
      ...(r.precision ? { precision: r.precision as NonNullable<EntityEvent["precision"]> } : {}),
      role: r.role,
    }));
  }

  relatedEntities(entityId: string, eventIds: readonly string[]): RelatedEntity[] {
    return this.db.query<RelatedEntity>(
      `SELECT e.id, e.name, e.type, r.relation, r.count FROM (
         SELECT value_entity_id AS id, property AS relation, count(*) AS count FROM claims
           WHERE subject_kind = 'entity' AND subject_id = $1 AND value_entity_id IS NOT NULL
           GROUP BY value_entity_id, property
         UNION ALL
         SELECT subject_id, property || ' (of)', count(*) FROM claims
           WHERE value_entity_id = $1 AND subject_kind = 'entity'
           GROUP BY subject_id, property
         UNION ALL
         SELECT value_entity_id, 'co-participant', count(*) FROM claims
           WHERE subject_kind = 'event' AND subject_id = ANY($2::text[]) AND value_entity_id IS NOT NULL
           GROUP BY value_entity_id) AS r
       JOIN entities e ON e.id = r.id
       WHERE r.id <> $1
       ORDER BY r.count DESC, e.name, r.relation`,
      [entityId, eventIds],
    ).rows;
  }

  documentMentions(
    documentId: string,
  ): { start: number; end: number; text: string; type: string; entityId?: string }[] {
    const rows = this.db.query<DocumentMentionDbRow>(
      `SELECT m.start, m."end", m.text, m.type, n.entity_id FROM documents d
       JOIN mentions m ON m.document_rowid = d.rowid
       LEFT JOIN entity_names n ON n.document_rowid = m.document_rowid AND n.type = m.type AND n.name = m.name
       WHERE d.id = $1 AND m.type <> 'rejected' ORDER BY m.start, m."end" DESC, m.id`,
      [documentId],
    ).rows;
    return rows.map(toDocumentMention);
  }
}
