import type Database from "better-sqlite3";
import type { EntityType, Mention } from "../../annotate/mentions/types.js";
import type { EventMention } from "../../annotate/events/types.js";
import type { RelationMention } from "../../annotate/relations/types.js";
import type {
  ActorLink,
  ClaimRow,
  CorpusChanges,
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
  EventMerge,
  NameAssignment,
  NameOccurrence,
  ResolutionDocument,
  StoredEventMention,
  StoredRelationMention,
} from "../../resolve/types.js";
import type { MentionEdit } from "../../decisions/types.js";
import { foldName, MENTION_COLUMNS, mentionRow } from "../rows.js";
import { KnowledgeViews } from "./knowledge-views.js";
import { SqliteCorpusWriter } from "./corpus-writer.js";

/** Inserts one mention with a statement prepared from INSERT_MENTION_SQL. */
export function insertMention(statement: Database.Statement, documentRowid: number | bigint, m: Mention): void {
  statement.run({ document_rowid: documentRowid, ...mentionRow(m) });
}

export const INSERT_MENTION_SQL = `INSERT INTO mentions (document_rowid, ${MENTION_COLUMNS.map((c) => `"${c}"`).join(", ")})
  VALUES (@document_rowid, ${MENTION_COLUMNS.map((c) => `@${c}`).join(", ")})`;

export class SqliteKnowledgeStore implements KnowledgeStore {
  private readonly views: KnowledgeViews;
  private readonly saveCorpusTransaction: Database.Transaction<(corpus: ResolvedCorpus) => void>;
  private readonly saveChangesTransaction: Database.Transaction<(changes: CorpusChanges) => { claims: number }>;
  private readonly mentionEditsTransaction: Database.Transaction<(edits: readonly MentionEdit[]) => number[]>;
  private readonly replaceKnownTransaction: Database.Transaction<
    (documentId: string, mentions: readonly Mention[]) => void
  >;

  constructor(private readonly db: Database.Database) {
    this.views = new KnowledgeViews(db);
    const writer = new SqliteCorpusWriter(db);
    this.saveCorpusTransaction = db.transaction((corpus: ResolvedCorpus) => writer.writeAll(corpus));
    this.saveChangesTransaction = db.transaction((changes: CorpusChanges) => writer.writeChanges(changes));
    this.mentionEditsTransaction = db.transaction((edits: readonly MentionEdit[]) => this.editMentions(edits));
    const deleteKnown = db.prepare("DELETE FROM mentions WHERE document_rowid = ? AND extractor = 'known-name'");
    const insert = db.prepare(INSERT_MENTION_SQL);
    this.replaceKnownTransaction = db.transaction((documentId: string, mentions: readonly Mention[]) => {
      const rowid = this.rowidOf(documentId);
      if (rowid === undefined) return;
      deleteKnown.run(rowid);
      for (const mention of mentions) insertMention(insert, rowid, mention);
    });
  }

  private rowidOf(documentId: string): number | undefined {
    return (
      this.db.prepare("SELECT rowid FROM documents WHERE id = ?").get(documentId) as { rowid: number } | undefined
    )?.rowid;
  }

  documentsForResolution(): ResolutionDocument[] {
    const rows = this.db
      .prepare("SELECT id, path, kind, date, reference_date, caseless FROM documents ORDER BY rowid")
      .all() as {
      id: string;
      path: string;
      kind: ResolutionDocument["kind"];
      date: string | null;
      reference_date: string | null;
      caseless: number;
    }[];
    return rows.map((r) => ({
      id: r.id,
      path: r.path,
      kind: r.kind,
      ...(r.date ? { date: r.date } : {}),
      ...(r.reference_date ? { referenceDate: r.reference_date } : {}),
      caseless: r.caseless === 1,
    }));
  }

  nameOccurrences(): NameOccurrence[] {
    // Read in the order of the GROUP BY: by the type index SQLite would sort every mention first (3× slower at 50 MB).
    const rows = this.db
      .prepare(
        `SELECT d.id AS document_id, m.type, m.name, max(m.alias_of) AS alias_of, group_concat(DISTINCT m.role) AS roles,
           group_concat(DISTINCT m.ref) AS refs, count(*) AS n, max(m.confidence) AS confidence, group_concat(DISTINCT m.extractor) AS extractors
         FROM mentions m INDEXED BY mentions_document_name JOIN documents d ON d.rowid = m.document_rowid
         WHERE m.type IN ('person', 'organization', 'place')
         GROUP BY m.document_rowid, m.type, m.name ORDER BY d.file_path, d.ordinal, min(m.start)`,
      )
      .raw()
      .iterate() as IterableIterator<
      [string, EntityType, string, string | null, string | null, string | null, number, number, string]
    >;
    // Hundreds of thousands of rows share a few document ids and extractor lists: keep one copy of each.
    const one = sharedStrings();
    const lists = new Map<string, string[]>();
    const list = (value: string | null) => {
      if (!value) return [];
      let split = lists.get(value);
      if (!split) lists.set(value, (split = value.split(",")));
      return split;
    };
    // Rows as arrays, each occurrence one literal: the read is a large share of an incremental stage.
    const occurrences: NameOccurrence[] = [];
    for (const [documentId, type, name, aliasOf, roles, refs, count, confidence, extractors] of rows) {
      const occurrence: NameOccurrence = {
        documentId: one(documentId),
        type,
        name,
        roles: list(roles),
        count,
        confidence,
        extractors: list(extractors),
      };
      if (aliasOf) occurrence.aliasOf = aliasOf;
      if (refs) occurrence.refs = list(refs);
      occurrences.push(occurrence);
    }
    return occurrences;
  }

  replaceKnownNameMentions(documentId: string, mentions: readonly Mention[]): void {
    this.replaceKnownTransaction.immediate(documentId, mentions);
  }

  documentText(documentId: string): string | undefined {
    return (this.db.prepare("SELECT text FROM documents WHERE id = ?").get(documentId) as { text: string } | undefined)
      ?.text;
  }

  eventMentions(): StoredEventMention[] {
    return this.documentRows(
      "SELECT e.id, d.id AS document_id, e.data FROM event_mentions e JOIN documents d ON d.rowid = e.document_rowid ORDER BY d.file_path, d.ordinal, e.id",
      (id, documentId, data) => ({ id, documentId, event: JSON.parse(data) as EventMention }),
    );
  }

  relationMentions(): StoredRelationMention[] {
    return this.documentRows(
      "SELECT r.id, d.id AS document_id, r.data FROM relation_mentions r JOIN documents d ON d.rowid = r.document_rowid ORDER BY r.id",
      (id, documentId, data) => ({ id, documentId, relation: JSON.parse(data) as RelationMention }),
    );
  }

  /** Rows of (id, document id, JSON) streamed, each document id one string for all its rows. */
  private documentRows<T>(sql: string, build: (id: number, documentId: string, data: string) => T): T[] {
    const rows = this.db.prepare(sql).raw().iterate() as IterableIterator<[number, string, string]>;
    const one = sharedStrings();
    const out: T[] = [];
    for (const [id, documentId, data] of rows) out.push(build(id, one(documentId), data));
    return out;
  }

  applyMentionEdits(edits: readonly MentionEdit[]): number[] {
    return this.mentionEditsTransaction.immediate(edits);
  }

  private editMentions(edits: readonly MentionEdit[]): number[] {
    this.db.exec(`UPDATE mentions SET type = extracted_type, name = extracted_name, extracted_type = NULL,
      extracted_name = NULL WHERE extracted_type IS NOT NULL`);
    const keep = "extracted_type = coalesce(extracted_type, type), extracted_name = coalesce(extracted_name, name)";
    return edits.map(({ match, set }) => {
      const assignment = "type" in set ? { column: "type", value: set.type } : { column: "name", value: set.name };
      if ("documentId" in match) {
        return this.db
          .prepare(
            `UPDATE mentions SET ${keep}, ${assignment.column} = ? WHERE document_rowid =
               (SELECT rowid FROM documents WHERE id = ?) AND start = ? AND "end" = ? AND text = ?
               AND type IN ('person', 'organization', 'place')`,
          )
          .run(assignment.value, match.documentId, match.start, match.end, match.text).changes;
      }
      const prefix = match.pathPrefix ?? "";
      return this.db
        .prepare(
          `UPDATE mentions SET ${keep}, ${assignment.column} = ? WHERE type IN ('person', 'organization', 'place')
             AND (name = ? COLLATE NOCASE OR text = ? COLLATE NOCASE)
             AND document_rowid IN (SELECT rowid FROM documents WHERE substr(path, 1, length(?)) = ?)`,
        )
        .run(assignment.value, match.name, match.name, prefix, prefix).changes;
    });
  }

  nameAssignments(): NameAssignment[] {
    const rows = this.db
      .prepare(
        `SELECT d.id AS documentId, n.type, n.name, n.entity_id AS entityId FROM entity_names n
         JOIN documents d ON d.rowid = n.document_rowid`,
      )
      .raw()
      .iterate() as IterableIterator<[string, EntityType, string, string]>;
    const one = sharedStrings();
    const assignments: NameAssignment[] = [];
    for (const [documentId, type, name, entityId] of rows)
      assignments.push({ documentId: one(documentId), type, name, entityId: one(entityId) });
    return assignments;
  }

  entityRedirects(): EntityRedirect[] {
    return this.db.prepare('SELECT from_id AS "from", to_id AS "to" FROM entity_redirects').all() as EntityRedirect[];
  }

  removedSinceCorpus(): RemovedSinceCorpus {
    return removedSinceCorpus(this.db.prepare("SELECT kind, type, value FROM corpus_stale").all() as StaleRow[]);
  }

  saveCorpus(corpus: ResolvedCorpus): void {
    this.saveCorpusTransaction.immediate(corpus);
  }

  saveCorpusChanges(changes: CorpusChanges): { claims: number } {
    return this.saveChangesTransaction.immediate(changes);
  }

  eventMerges(): EventMerge[] {
    const rows = this.db.prepare("SELECT id, mention_ids, merge_reasons FROM events").all() as {
      id: string;
      mention_ids: string;
      merge_reasons: string;
    }[];
    return rows.map((r) => ({
      id: r.id,
      mentionIds: JSON.parse(r.mention_ids) as number[],
      mergeReasons: JSON.parse(r.merge_reasons) as EventMerge["mergeReasons"],
    }));
  }

  documentsSinceCorpus(): { added: string[]; removed: number } {
    const added = this.db
      .prepare(
        `SELECT id FROM documents d WHERE NOT EXISTS
           (SELECT 1 FROM corpus_documents c WHERE c.document_rowid = d.rowid AND c.document_id = d.id)`,
      )
      .pluck()
      .all() as string[];
    const { removed } = this.db
      .prepare(
        `SELECT count(*) AS removed FROM corpus_documents c WHERE NOT EXISTS
           (SELECT 1 FROM documents d WHERE d.rowid = c.document_rowid AND d.id = c.document_id)`,
      )
      .get() as { removed: number };
    return { added, removed };
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

/**
 * One copy of each equal string read: hundreds of thousands of rows share a few document and
 * entity ids, which SQLite gives as a new string each row.
 */
function sharedStrings(): (value: string) => string {
  const shared = new Map<string, string>();
  return (value) => shared.get(value) ?? (shared.set(value, value), value);
}
