import { pageAt } from "./pages-sql.js";
import type Database from "better-sqlite3";
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

/**
 * The quoted span cut from the passage that holds its start, clipped to that passage: reading a
 * passage of a kilobyte, not a document of megabytes, keeps pages fast on large documents.
 */
function quoteFromPassage(documentRowid: string, start: string, end: string): string {
  return `(SELECT substr(p.text, max(${start}, p.start) - p.start + 1, min(${end}, p."end") - max(${start}, p.start))
    FROM passages p WHERE p.document_rowid = ${documentRowid} AND p.start <= ${start}
    ORDER BY p.start DESC LIMIT 1)`;
}

const CLAIM_COLUMNS = `c.subject_kind, c.subject_id, c.property, c.value, c.value_entity_id, c.qualifier,
  d.id AS document_id, d.path, d.title, c.start, c."end", c.quote_start, c.quote_end,
  ${quoteFromPassage("c.document_rowid", "c.quote_start", "c.quote_end")} AS quote, c.extractor, c.confidence,
  ${pageAt("d", "c.quote_start")} AS page`;

/** Read-side queries of the knowledge store. Quotes are cut from the stored text by SQL. */
export class KnowledgeViews {
  constructor(private readonly db: Database.Database) {}

  entities(filter: { type?: EntityType; limit?: number; offset?: number }): EntityRow[] {
    const rows = this.db
      .prepare(
        `SELECT id, type, name, mention_count, merge_reasons, key FROM entities WHERE (@type IS NULL OR type = @type)
         ORDER BY mention_count DESC, name LIMIT @limit OFFSET @offset`,
      )
      .all({ type: filter.type ?? null, limit: filter.limit ?? -1, offset: filter.offset ?? 0 }) as EntityDbRow[];
    return rows.map(toEntity);
  }

  countEntities(type?: EntityType): number {
    return (
      this.db
        .prepare("SELECT count(*) AS n FROM entities WHERE (? IS NULL OR type = ?)")
        .get(type ?? null, type ?? null) as { n: number }
    ).n;
  }

  findEntity(idOrName: string, folded: string): EntityRow | undefined {
    const byId = this.db
      .prepare(
        `SELECT * FROM entities WHERE id = coalesce((SELECT to_id FROM entity_redirects WHERE from_id = @id), @id)`,
      )
      .get({ id: idOrName }) as EntityDbRow | undefined;
    if (byId) return toEntity(byId);
    const byName = this.db
      .prepare("SELECT * FROM entities WHERE name_folded = ? ORDER BY mention_count DESC LIMIT 1")
      .get(folded) as EntityDbRow | undefined;
    if (byName) return toEntity(byName);
    const byAlias = this.db
      .prepare(
        `SELECT e.* FROM entity_names n JOIN entities e ON e.id = n.entity_id
         WHERE n.name = ? COLLATE NOCASE GROUP BY e.id ORDER BY count(*) DESC, e.mention_count DESC LIMIT 1`,
      )
      .get(idOrName.trim()) as EntityDbRow | undefined;
    if (byAlias) return toEntity(byAlias);
    const bySpelling = spellingPatterns(idOrName).flatMap(({ type, patterns }) => {
      const holdsEvery = patterns.map(() => "AND (' ' || key || ' ') LIKE ? ESCAPE '\\'").join(" ");
      const row = this.db
        .prepare(`SELECT * FROM entities WHERE type = ? ${holdsEvery} ORDER BY mention_count DESC LIMIT 1`)
        .get(type, ...patterns) as EntityDbRow | undefined;
      return row ? [row] : [];
    });
    const best = bySpelling.sort((a, b) => Number(b.mention_count) - Number(a.mention_count))[0];
    return best ? toEntity(best) : undefined;
  }

  entityMentions(entityId: string, limit = 1000, offset = 0): MentionCitation[] {
    const rows = this.db
      .prepare(
        // Quotes are cut only for the mentions the limit keeps; ordering by n.document_rowid (the
        // order of the entity index) leaves SQLite only each document's mentions to sort.
        `SELECT d.id, d.path, d.title, m.start, m."end", m.text, m.extractor,
           ${quoteFromPassage("m.document_rowid", "m.sentence_start", "m.sentence_end")} AS quote,
           ${pageAt("d", "m.start")} AS page
         FROM (
           SELECT m.rowid AS mention_rowid FROM entity_names n
           JOIN mentions m ON m.document_rowid = n.document_rowid AND m.type = n.type AND m.name = n.name
           WHERE n.entity_id = ? ORDER BY n.document_rowid, m.start LIMIT ? OFFSET ?) AS top
         JOIN mentions m ON m.rowid = top.mention_rowid JOIN documents d ON d.rowid = m.document_rowid
         ORDER BY d.rowid, m.start`,
      )
      .all(entityId, limit, offset) as MentionCitationDbRow[];
    return rows.map(toMentionCitation);
  }

  aliasCounts(entityId: string): { alias: string; count: number }[] {
    return this.db
      .prepare("SELECT alias, count FROM entity_aliases WHERE entity_id = ? ORDER BY count DESC, alias")
      .all(entityId) as { alias: string; count: number }[];
  }

  roleCounts(entityId: string): { role: string; count: number }[] {
    return this.db
      .prepare("SELECT role, count FROM entity_roles WHERE entity_id = ? ORDER BY count DESC, role")
      .all(entityId) as { role: string; count: number }[];
  }

  entityDocuments(entityId: string): DocumentRef[] {
    return this.db
      .prepare(
        `SELECT d.id, d.path, d.title FROM entity_names n JOIN documents d ON d.rowid = n.document_rowid
         WHERE n.entity_id = ? GROUP BY d.rowid ORDER BY d.rowid`,
      )
      .all(entityId) as DocumentRef[];
  }

  events(page?: PageRange): EventRow[] {
    const order = `ORDER BY start IS NULL, start, "end", label, id`;
    const rows = (
      page
        ? this.db.prepare(`SELECT * FROM events ${order} LIMIT ? OFFSET ?`).all(page.limit, page.offset)
        : this.db.prepare(`SELECT * FROM events ${order}`).all()
    ) as EventDbRow[];
    const documents = this.eventDocuments(page ? rows.map((r) => r.id) : undefined);
    return rows.map((row) => toEvent(row, documents.get(row.id) ?? []));
  }

  /** The documents that tell of each event (of the given ones, else of all), in document order. */
  private eventDocuments(eventIds?: readonly string[]): Map<string, DocumentRef[]> {
    const from = `SELECT c.subject_id, d.id, d.path, d.title FROM claims c JOIN documents d ON d.rowid = c.document_rowid
      WHERE c.subject_kind = 'event'`;
    const group = "GROUP BY c.subject_id, d.rowid ORDER BY c.subject_id, d.rowid";
    const sources = (
      eventIds === undefined
        ? this.db.prepare(`${from} ${group}`).all()
        : this.db
            .prepare(`${from} AND c.subject_id IN (SELECT value FROM json_each(?)) ${group}`)
            .all(JSON.stringify(eventIds))
    ) as { subject_id: string; id: string; path: string; title: string }[];
    return documentsBySubject(sources);
  }

  eventOutlines(): EventOutline[] {
    const sql = `SELECT id, label, type, start, "end", precision, place, json_array_length(mention_ids) AS accounts FROM events ORDER BY start IS NULL, start, "end", label, id`;
    const rows = this.db.prepare(sql).all() as (Pick<
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
    return (this.db.prepare("SELECT count(*) AS n FROM events").get() as { n: number }).n;
  }

  findEvent(idOrName: string, folded: string): EventRow | undefined {
    const row = (this.db.prepare("SELECT * FROM events WHERE id = ?").get(idOrName) ??
      this.db.prepare("SELECT * FROM events WHERE label_folded = ? LIMIT 1").get(folded) ??
      this.db
        .prepare("SELECT * FROM events WHERE label_folded LIKE ? ORDER BY length(label) LIMIT 1")
        .get(`%${folded}%`)) as EventDbRow | undefined;
    return row ? toEvent(row, this.eventDocuments([row.id]).get(row.id) ?? []) : undefined;
  }

  claims(subjectKind: ClaimSubjectKind, subjectId?: string): ClaimRow[] {
    if (subjectId !== undefined) return this.claimsOfSubjects(subjectKind, [subjectId]);
    const rows = this.db
      .prepare(
        `SELECT ${CLAIM_COLUMNS} FROM claims c JOIN documents d ON d.rowid = c.document_rowid
         WHERE c.subject_kind = ? ${CLAIM_ORDER}`,
      )
      .all(subjectKind) as ClaimDbRow[];
    return rows.map(toClaim);
  }

  claimsOfSubjects(subjectKind: ClaimSubjectKind, subjectIds: readonly string[]): ClaimRow[] {
    const rows = this.db
      .prepare(
        `SELECT ${CLAIM_COLUMNS} FROM claims c JOIN documents d ON d.rowid = c.document_rowid
         WHERE c.subject_kind = ? AND c.subject_id IN (SELECT value FROM json_each(?))
         ${CLAIM_ORDER}`,
      )
      .all(subjectKind, JSON.stringify(subjectIds)) as ClaimDbRow[];
    return rows.map(toClaim);
  }

  claimsById(claimIds: readonly number[]): Map<number, ClaimRow> {
    const rows = this.db
      .prepare(
        `SELECT c.id, ${CLAIM_COLUMNS} FROM claims c JOIN documents d ON d.rowid = c.document_rowid
         WHERE c.id IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify(claimIds)) as (ClaimDbRow & { id: number })[];
    return claimsByIdOf(rows);
  }

  actorLinks(): ActorLink[] {
    return (this.db.prepare(ACTOR_LINKS_SQL).all() as ActorLinkDbRow[]).map(toActorLink);
  }

  entityEvents(entityId: string, limit: number): EntityEvent[] {
    // Claims come in document order from the index; reading stops at the limit-th distinct event.
    const claims = this.db
      .prepare(
        `SELECT subject_id, property FROM claims WHERE value_entity_id = ? AND subject_kind = 'event'
         ORDER BY document_rowid, start`,
      )
      .iterate(entityId) as IterableIterator<{ subject_id: string; property: string }>;
    const roles = new Map<string, string>();
    for (const claim of claims) {
      if (!roles.has(claim.subject_id)) roles.set(claim.subject_id, claim.property);
      if (roles.size >= limit) break;
    }
    const rows = this.db
      .prepare(`SELECT id, label, start, precision FROM events WHERE id IN (SELECT value FROM json_each(?))`)
      .all(JSON.stringify([...roles.keys()])) as {
      id: string;
      label: string;
      start: string | null;
      precision: string | null;
    }[];
    const byId = new Map(rows.map((r) => [r.id, r]));
    return [...roles].flatMap(([id, role]) => {
      const r = byId.get(id);
      if (!r) return [];
      return [
        {
          id,
          label: r.label,
          ...(r.start ? { start: r.start } : {}),
          ...(r.precision ? { precision: r.precision as NonNullable<EntityEvent["precision"]> } : {}),
          role,
        },
      ];
    });
  }

  relatedEntities(entityId: string, eventIds: readonly string[]): RelatedEntity[] {
    return this.db
      .prepare(
        `SELECT e.id, e.name, e.type, r.relation, r.count FROM (
           SELECT value_entity_id AS id, property AS relation, count(*) AS count FROM claims
             WHERE subject_kind = 'entity' AND subject_id = @entity AND value_entity_id IS NOT NULL
             GROUP BY value_entity_id, property
           UNION ALL
           SELECT subject_id, property || ' (of)', count(*) FROM claims
             WHERE value_entity_id = @entity AND subject_kind = 'entity'
             GROUP BY subject_id, property
           UNION ALL
           SELECT value_entity_id, 'co-participant', count(*) FROM claims
             WHERE subject_kind = 'event' AND subject_id IN (SELECT value FROM json_each(@events))
               AND value_entity_id IS NOT NULL
             GROUP BY value_entity_id) AS r
         JOIN entities e ON e.id = r.id
         WHERE r.id != @entity
         ORDER BY r.count DESC, e.name, r.relation`,
      )
      .all({ entity: entityId, events: JSON.stringify(eventIds) }) as RelatedEntity[];
  }

  documentMentions(
    documentId: string,
  ): { start: number; end: number; text: string; type: string; entityId?: string }[] {
    const rows = this.db
      .prepare(
        `SELECT m.start, m."end", m.text, m.type, n.entity_id FROM documents d
         JOIN mentions m ON m.document_rowid = d.rowid
         LEFT JOIN entity_names n ON n.document_rowid = m.document_rowid AND n.type = m.type AND n.name = m.name
         WHERE d.id = ? AND m.type != 'rejected' ORDER BY m.start, m."end" DESC`,
      )
      .all(documentId) as DocumentMentionDbRow[];
    return rows.map(toDocumentMention);
  }
}
