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
import { PostgresKnowledgeViews } from "./knowledge-views.js";
import { allCorpusStatements, corpusChangeStatements } from "./corpus-writer.js";
import { insertRows } from "./rows.js";
import type { SqlStatement, SyncPostgres } from "./sync-client.js";

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
    this.db.batch(allCorpusStatements(corpus), true);
  }

  saveCorpusChanges(changes: CorpusChanges): { claims: number } {
    const results = this.db.batch(
      [...corpusChangeStatements(changes), { text: "SELECT count(*)::int AS claims FROM claims" }],
      true,
    );
    return results.at(-1)!.rows[0] as { claims: number };
  }

  eventMerges(): EventMerge[] {
    return this.db
      .query<{ id: string; mention_ids: string; merge_reasons: string }>(
        "SELECT id, mention_ids, merge_reasons FROM events",
      )
      .rows.map((r) => ({
        id: r.id,
        mentionIds: JSON.parse(r.mention_ids) as number[],
        mergeReasons: JSON.parse(r.merge_reasons) as EventMerge["mergeReasons"],
      }));
  }

  documentsSinceCorpus(): { added: string[]; removed: number } {
    const [added, removed] = this.db.batch([
      {
        text: `SELECT id FROM documents d WHERE NOT EXISTS
          (SELECT 1 FROM corpus_documents c WHERE c.document_rowid = d.rowid AND c.document_id = d.id)`,
      },
      {
        text: `SELECT count(*)::int AS removed FROM corpus_documents c WHERE NOT EXISTS
          (SELECT 1 FROM documents d WHERE d.rowid = c.document_rowid AND d.id = c.document_id)`,
      },
    ]);
    return {
      added: (added!.rows as { id: string }[]).map((r) => r.id),
      removed: (removed!.rows[0] as { removed: number }).removed,
    };
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
