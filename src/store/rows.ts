import type { Mention } from "../annotate/mentions/types.js";
import { ENTITY_TYPES, type EntityType } from "../core/entity-types.js";
import type { ClaimSubjectKind } from "../claims/types.js";
import { foldToken } from "../core/name-key.js";
import { keyedWords } from "../resolve/entity-keys.js";
import type { Facet, PassageMatch } from "../search/search.js";
import type { FacetCount } from "../search/types.js";
import type { ActorLink, ClaimRow, EntityRow, EventRow, MentionCitation } from "./knowledge.js";

/** Rows as both backends' SQL returns them (same column names and types), and the records they make. */

export interface DocumentRef {
  id: string;
  path: string;
  title: string;
}

export interface EntityDbRow {
  id: string;
  type: EntityType;
  name: string;
  mention_count: number;
  merge_reasons: string;
  key: string;
}

export interface EventDbRow {
  id: string;
  label: string;
  type: string;
  start: string | null;
  end: string | null;
  value: string | null;
  precision: string | null;
  place: string | null;
  mention_ids: string;
  merge_reasons: string;
}

export interface ClaimDbRow {
  subject_kind: ClaimSubjectKind;
  subject_id: string;
  property: string;
  value: string;
  value_entity_id: string | null;
  qualifier: string | null;
  document_id: string;
  path: string;
  title: string;
  start: number;
  end: number;
  quote_start: number;
  quote_end: number;
  quote: string;
  extractor: string;
  confidence: number;
  page: number | null;
}

export interface MentionCitationDbRow extends DocumentRef {
  start: number;
  end: number;
  text: string;
  extractor: string;
  quote: string;
  page: number | null;
}

export interface DocumentMentionDbRow {
  start: number;
  end: number;
  text: string;
  type: string;
  entity_id: string | null;
}

/** The columns of a `mentions` row besides `document_rowid`, and their values for a mention. */
export const MENTION_COLUMNS = [
  "start",
  "end",
  "type",
  "text",
  "name",
  "role",
  "alias_of",
  "ref",
  "extractor",
  "confidence",
  "sentence_start",
  "sentence_end",
] as const;

/**
 * The order claims are read in: by subject, property and document, then by what they say, so that a
 * result saved in parts reads as the same result saved whole (row ids are only the last resort).
 */
export const CLAIM_ORDER =
  'ORDER BY c.subject_id, c.property, d.rowid, c.start, c."end", c.value, c.extractor, c.qualifier';

export function mentionRow(m: Mention): Record<(typeof MENTION_COLUMNS)[number], unknown> {
  return {
    start: m.start,
    end: m.end,
    type: m.type,
    text: m.text,
    name: m.name,
    role: m.role ?? null,
    alias_of: m.aliasOf ?? null,
    ref: m.ref ?? null,
    extractor: m.extractor,
    confidence: m.confidence,
    sentence_start: m.sentence.start,
    sentence_end: m.sentence.end,
  };
}

export function toEntity(row: EntityDbRow): EntityRow {
  return {
    id: row.id,
    type: row.type,
    name: row.name,
    key: row.key,
    mentions: row.mention_count,
    mergeReasons: JSON.parse(row.merge_reasons) as EntityRow["mergeReasons"],
  };
}

export function toEvent(row: EventDbRow, documents: DocumentRef[]): EventRow {
  return {
    id: row.id,
    label: row.label,
    type: row.type,
    ...(row.start ? { start: row.start } : {}),
    ...(row.end ? { end: row.end } : {}),
    ...(row.value ? { value: row.value } : {}),
    ...(row.precision ? { precision: row.precision as NonNullable<EventRow["precision"]> } : {}),
    ...(row.place ? { place: row.place } : {}),
    mentionIds: JSON.parse(row.mention_ids) as number[],
    mergeReasons: JSON.parse(row.merge_reasons) as EventRow["mergeReasons"],
    documents,
  };
}

export function toClaim(row: ClaimDbRow): ClaimRow {
  return {
    subjectKind: row.subject_kind,
    subjectId: row.subject_id,
    property: row.property,
    value: row.value,
    ...(row.value_entity_id ? { valueEntityId: row.value_entity_id } : {}),
    ...(row.qualifier ? { qualifier: row.qualifier } : {}),
    documentId: row.document_id,
    document: { id: row.document_id, path: row.path, title: row.title },
    start: row.start,
    end: row.end,
    quoteStart: row.quote_start,
    quoteEnd: row.quote_end,
    quote: row.quote,
    extractor: row.extractor,
    confidence: row.confidence,
    ...(row.page === null ? {} : { page: row.page }),
  };
}

/** The passage `alias` mentions a name of the type `parameter` holds. */
export function mentionsType(alias: string, parameter: string): string {
  return `EXISTS (SELECT 1 FROM mentions m2 WHERE m2.document_rowid = ${alias}.document_rowid
    AND m2.start >= ${alias}.start AND m2.start < ${alias}."end" AND m2.type = ${parameter})`;
}

export interface FacetRow {
  value: string;
  count: number | string;
  title?: string;
  path?: string;
}

/** A matching passage's row, without its score and whether it is derived (each backend's own). */
export interface PassageDbRow {
  document_id: string;
  path: string;
  title: string;
  section: string | null;
  start: number;
  end: number;
  text: string;
  page: number | null;
}

export function toPassageMatch(row: PassageDbRow, score: number, derived: boolean): PassageMatch {
  return {
    documentId: row.document_id,
    path: row.path,
    title: row.title,
    ...(row.section === null ? {} : { section: row.section }),
    start: row.start,
    end: row.end,
    text: row.text,
    score,
    derived,
    ...(row.page === null ? {} : { page: row.page }),
  };
}

export function toFacetCount(row: FacetRow): FacetCount {
  return {
    value: row.value,
    count: Number(row.count),
    ...(row.path === undefined ? {} : { document: { id: row.value, path: row.path, title: row.title ?? "" } }),
  };
}

/**
 * Per facet, the counting query over `matching` (a query of the matching passages' `id`), in the SQL
 * both backends speak; `limit` is the placeholder of the number of documents to list (that facet's only).
 */
export const FACET_SQL: Record<Facet, (matching: string, limit: string) => string> = {
  kind: (matching) => `SELECT d.kind AS value, count(*) AS count FROM (${matching}) AS hit
    JOIN passages p ON p.id = hit.id JOIN documents d ON d.rowid = p.document_rowid
    GROUP BY d.kind ORDER BY count(*) DESC, d.kind`,
  document: (matching, limit) => `SELECT d.id AS value, count(*) AS count, d.title, d.path
    FROM (${matching}) AS hit JOIN passages p ON p.id = hit.id JOIN documents d ON d.rowid = p.document_rowid
    GROUP BY d.id, d.title, d.path ORDER BY count(*) DESC, d.path LIMIT ${limit}`,
  year: (matching) => `SELECT substr(d.date_earliest, 1, 4) AS value, count(*) AS count FROM (${matching}) AS hit
    JOIN passages p ON p.id = hit.id JOIN documents d ON d.rowid = p.document_rowid
    WHERE d.date_earliest IS NOT NULL GROUP BY substr(d.date_earliest, 1, 4) ORDER BY value`,
  entityType: (matching) => `SELECT m.type AS value, count(DISTINCT p.id) AS count FROM (${matching}) AS hit
    JOIN passages p ON p.id = hit.id
    JOIN mentions m ON m.document_rowid = p.document_rowid AND m.start >= p.start AND m.start < p."end"
    WHERE m.type IN ('person', 'organization', 'place')
    GROUP BY m.type ORDER BY count(DISTINCT p.id) DESC, m.type`,
};

/** `KnowledgeStore.actorLinks` in the SQL both backends speak. */
export const ACTOR_LINKS_SQL = `
  SELECT c.id AS claim_id, c.subject_id, c.property,
    a.id AS actor_id, a.name AS actor_name, a.type AS actor_type, a.mention_count AS actor_mentions,
    s.name AS subject_name, s.type AS subject_type, s.mention_count AS subject_mentions,
    d.id AS document_id, d.date AS document_date, c.quote_start, c.quote_end,
    e.start AS event_start, e."end" AS event_end
  FROM claims c
  JOIN entities a ON a.id = c.value_entity_id
  JOIN documents d ON d.rowid = c.document_rowid
  LEFT JOIN entities s ON c.subject_kind = 'entity' AND s.id = c.subject_id
  LEFT JOIN events e ON c.subject_kind = 'event' AND e.id = c.subject_id
  WHERE c.value_entity_id != c.subject_id
    AND (s.id IS NOT NULL OR (e.id IS NOT NULL AND c.property != 'place'))
  ORDER BY c.document_rowid, c.start, c.id`;

export interface ActorLinkDbRow {
  claim_id: number | string;
  subject_id: string;
  property: string;
  actor_id: string;
  actor_name: string;
  actor_type: EntityType;
  actor_mentions: number;
  subject_name: string | null;
  subject_type: EntityType | null;
  subject_mentions: number | null;
  document_id: string;
  document_date: string | null;
  quote_start: number;
  quote_end: number;
  event_start: string | null;
  event_end: string | null;
}

export function toActorLink(row: ActorLinkDbRow): ActorLink {
  return {
    claimId: Number(row.claim_id),
    actor: { id: row.actor_id, name: row.actor_name, type: row.actor_type, mentions: row.actor_mentions },
    ...(row.subject_name !== null
      ? {
          subject: {
            id: row.subject_id,
            name: row.subject_name,
            type: row.subject_type!,
            mentions: row.subject_mentions!,
          },
        }
      : {}),
    subjectId: row.subject_id,
    property: row.property,
    documentId: row.document_id,
    quoteStart: row.quote_start,
    quoteEnd: row.quote_end,
    ...(row.document_date ? { documentDate: row.document_date } : {}),
    ...(row.event_start ? { eventStart: row.event_start } : {}),
    ...(row.event_end ? { eventEnd: row.event_end } : {}),
  };
}

/** The claims of `rows` by id (PostgreSQL gives a BIGINT id as a string). */
export function claimsByIdOf(rows: readonly (ClaimDbRow & { id: number | string })[]): Map<number, ClaimRow> {
  return new Map(rows.map((row) => [Number(row.id), toClaim(row)]));
}

export function toMentionCitation(row: MentionCitationDbRow): MentionCitation {
  return {
    document: { id: row.id, path: row.path, title: row.title },
    start: row.start,
    end: row.end,
    text: row.text,
    quote: row.quote,
    extractor: row.extractor,
    ...(row.page === null ? {} : { page: row.page }),
  };
}

export function toDocumentMention(row: DocumentMentionDbRow) {
  return {
    start: row.start,
    end: row.end,
    text: row.text,
    type: row.type,
    ...(row.entity_id ? { entityId: row.entity_id } : {}),
  };
}

/** The documents of each subject, from rows sorted by subject. */
export function documentsBySubject(
  rows: readonly ({ subject_id: string } & DocumentRef)[],
): Map<string, DocumentRef[]> {
  const documents = new Map<string, DocumentRef[]>();
  for (const { subject_id, id, path, title } of rows) {
    const list = documents.get(subject_id);
    if (list) list.push({ id, path, title });
    else documents.set(subject_id, [{ id, path, title }]);
  }
  return documents;
}

/** A MinHash signature from its stored bytes (copied: the bytes need not be aligned for 32-bit reads). */
export function signatureFromBytes(bytes: Uint8Array): Uint32Array {
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return new Uint32Array(copy.buffer);
}

/** Folded form used to look names up whatever their case, diacritics and apostrophes. */
export function foldName(name: string): string {
  return name.split(/\s+/).map(foldToken).join(" ").replace(/[-‐–]/g, " ").replace(/\s+/g, " ").trim();
}

/**
 * Finding an entity by a spelling no document uses ("Kassem" for Qasim): per type, one LIKE pattern
 * per transliteration key of the name's words, each of which the entity's key (`entities.key`, its
 * words' keys joined by spaces and wrapped in spaces by the query) must hold.
 */
export function spellingPatterns(name: string): { type: EntityType; patterns: string[] }[] {
  return ENTITY_TYPES.flatMap((type) => {
    const keys = keyedWords(name, type).map((part) => part.key.replace(/[\\%_]/g, "\\$&"));
    return keys.length === 0 ? [] : [{ type, patterns: keys.map((key) => `% ${key} %`) }];
  });
}
