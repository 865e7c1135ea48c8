import type Database from "better-sqlite3";
import type { ClaimRecord } from "../../claims/types.js";
import type { EventRecord, KeyedEntityRecord, NameAssignment } from "../../resolve/types.js";
import type { CorpusChanges, ResolvedCorpus } from "../knowledge.js";
import { foldName } from "../rows.js";
import { ENTITY_COUNTS_SQL } from "./migrations.js";

const CORPUS_TABLES = [
  "entities",
  "entity_names",
  "entity_aliases",
  "entity_roles",
  "events",
  "claims",
  "entity_redirects",
  "decision_status",
];

/** The ids of a JSON array parameter, for `IN (...)`. */
const IN_JSON = "(SELECT value FROM json_each(?))";

/** Alias and role counts of the entities of a JSON array (ENTITY_COUNTS_SQL for a few entities). */
const ENTITY_COUNTS_OF_SQL = [
  `INSERT INTO entity_aliases (entity_id, alias, count)
    SELECT n.entity_id, m.text, count(*) FROM entity_names n
    JOIN mentions m ON m.document_rowid = n.document_rowid AND m.type = n.type AND m.name = n.name
    WHERE n.entity_id IN ${IN_JSON} GROUP BY n.entity_id, m.text`,
  `INSERT INTO entity_roles (entity_id, role, count)
    SELECT n.entity_id, m.role, count(*) FROM entity_names n
    JOIN mentions m ON m.document_rowid = n.document_rowid AND m.type = n.type AND m.name = n.name
    WHERE m.role IS NOT NULL AND n.entity_id IN ${IN_JSON} GROUP BY n.entity_id, m.role`,
];

/** Writes the corpus stage's result into SQLite: all of it, or what changed. Run inside a transaction. */
export class SqliteCorpusWriter {
  private readonly rowids = new Map<string, number>();

  constructor(private readonly db: Database.Database) {}

  writeAll(corpus: ResolvedCorpus): void {
    for (const table of CORPUS_TABLES) this.db.exec(`DELETE FROM ${table}`);
    this.loadRowids();
    this.writeEntities(corpus.entities);
    this.writeSmallTables(corpus);
    this.writeAssignments(corpus.assignments);
    this.db.exec(ENTITY_COUNTS_SQL);
    this.db.exec(`
      UPDATE entities SET mention_count = (
        SELECT coalesce(sum(a.count), 0) FROM entity_aliases a WHERE a.entity_id = entities.id)`);
    this.writeEvents(corpus.events);
    this.writeClaims(corpus.claims);
    this.markSeen();
  }

  writeChanges(changes: CorpusChanges): { claims: number } {
    this.loadRowids();
    const json = (values: readonly string[]) => JSON.stringify(values);
    const counted = json([...changes.countedEntities, ...changes.removedEntities]);
    this.db.prepare(`DELETE FROM entities WHERE id IN ${IN_JSON}`).run(json(changes.removedEntities));
    this.db.prepare(`DELETE FROM entity_aliases WHERE entity_id IN ${IN_JSON}`).run(counted);
    this.db.prepare(`DELETE FROM entity_roles WHERE entity_id IN ${IN_JSON}`).run(counted);
    this.writeEntities(changes.entities);
    this.writeSmallTables(changes);
    const deleteName = this.db.prepare("DELETE FROM entity_names WHERE document_rowid = ? AND type = ? AND name = ?");
    for (const a of changes.removedAssignments) {
      const rowid = this.rowids.get(a.documentId);
      if (rowid !== undefined) deleteName.run(rowid, a.type, a.name);
    }
    this.writeAssignments(changes.assignments);
    for (const sql of ENTITY_COUNTS_OF_SQL) this.db.prepare(sql).run(counted);
    this.db
      .prepare(
        `UPDATE entities SET mention_count = (SELECT coalesce(sum(a.count), 0) FROM entity_aliases a
           WHERE a.entity_id = entities.id) WHERE id IN ${IN_JSON}`,
      )
      .run(counted);
    this.db.prepare(`DELETE FROM events WHERE id IN ${IN_JSON}`).run(json(changes.removedEvents));
    this.writeEvents(changes.events);
    this.db
      .prepare(`DELETE FROM claims WHERE subject_kind = 'event' AND subject_id IN ${IN_JSON}`)
      .run(json(changes.claimsOfEvents));
    this.db
      .prepare(
        `DELETE FROM claims WHERE subject_kind = 'entity'
           AND document_rowid IN (SELECT rowid FROM documents WHERE id IN ${IN_JSON})`,
      )
      .run(json(changes.relationDocuments));
    this.writeClaims(changes.claims);
    this.markSeen();
    return this.db.prepare("SELECT count(*) AS claims FROM claims").get() as { claims: number };
  }

  private loadRowids(): void {
    const rows = this.db.prepare("SELECT id, rowid FROM documents").all() as { id: string; rowid: number }[];
    this.rowids.clear();
    for (const r of rows) this.rowids.set(r.id, r.rowid);
  }

  /** Inserts entities, or updates those stored (keeping their counts). */
  private writeEntities(entities: readonly KeyedEntityRecord[]): void {
    const upsert = this.db.prepare(
      `INSERT INTO entities (id, type, name, name_folded, merge_reasons, key) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET type = excluded.type, name = excluded.name, name_folded = excluded.name_folded,
         merge_reasons = excluded.merge_reasons, key = excluded.key`,
    );
    for (const e of entities) upsert.run(e.id, e.type, e.name, foldName(e.name), JSON.stringify(e.mergeReasons), e.key);
  }

  /** Redirects and decision statuses, always written whole. */
  private writeSmallTables(corpus: Pick<ResolvedCorpus, "redirects" | "decisionStatuses">): void {
    for (const table of ["entity_redirects", "decision_status", "corpus_stale"]) this.db.exec(`DELETE FROM ${table}`);
    const insertRedirect = this.db.prepare("INSERT INTO entity_redirects (from_id, to_id) VALUES (?, ?)");
    for (const r of corpus.redirects) insertRedirect.run(r.from, r.to);
    const insertStatus = this.db.prepare("INSERT INTO decision_status (decision_id, status, why) VALUES (?, ?, ?)");
    for (const d of corpus.decisionStatuses) insertStatus.run(d.decisionId, d.status, d.why ?? null);
  }

  private writeAssignments(assignments: readonly NameAssignment[]): void {
    const insertName = this.db.prepare(
      "INSERT OR REPLACE INTO entity_names (document_rowid, type, name, entity_id) VALUES (?, ?, ?, ?)",
    );
    for (const a of assignments) {
      const rowid = this.rowids.get(a.documentId);
      if (rowid !== undefined) insertName.run(rowid, a.type, a.name, a.entityId);
    }
  }

  private writeEvents(events: readonly EventRecord[]): void {
    const insertEvent = this.db.prepare(`
      INSERT INTO events (id, label, label_folded, type, start, "end", value, precision, place, mention_ids, merge_reasons)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    for (const e of events) {
      insertEvent.run(
        e.id,
        e.label,
        foldName(e.label),
        e.type,
        e.start ?? null,
        e.end ?? null,
        e.value ?? null,
        e.precision ?? null,
        e.place ?? null,
        JSON.stringify(e.mentionIds),
        JSON.stringify(e.mergeReasons),
      );
    }
  }

  private writeClaims(claims: readonly ClaimRecord[]): void {
    const insertClaim = this.db.prepare(`
      INSERT INTO claims (subject_kind, subject_id, property, value, value_entity_id, qualifier, document_rowid, start, "end",
        quote_start, quote_end, extractor, confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    for (const c of claims) {
      const rowid = this.rowids.get(c.documentId);
      if (rowid === undefined) continue;
      insertClaim.run(
        c.subjectKind,
        c.subjectId,
        c.property,
        c.value,
        c.valueEntityId ?? null,
        c.qualifier ?? null,
        rowid,
        c.start,
        c.end,
        c.quoteStart,
        c.quoteEnd,
        c.extractor,
        c.confidence,
      );
    }
  }

  /** The documents this result was made from (see `documentsSinceCorpus`). */
  private markSeen(): void {
    this.db.exec("DELETE FROM corpus_documents");
    this.db.exec("INSERT INTO corpus_documents (document_rowid, document_id) SELECT rowid, id FROM documents");
  }
}
