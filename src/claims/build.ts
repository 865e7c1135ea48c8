import type { EventMention } from "../annotate/events/types.js";
import type { ClaimRecord } from "./types.js";
import type { EventRecord, StoredEventMention, StoredRelationMention } from "../resolve/types.js";

/** Finds the entity a name of a document was resolved to. */
export type EntityLookup = (documentId: string, type: string, name: string) => string | undefined;

/**
 * Every field of every event, and every relation between actors, as a claim: subject, property,
 * value, and the evidence (document, offsets, quoted span, extractor, confidence). Views and
 * disagreements are computed from these, never from the accounts directly.
 */
export function buildClaims(
  events: readonly EventRecord[],
  accounts: ReadonlyMap<number, StoredEventMention>,
  relations: readonly StoredRelationMention[],
  entityOf: EntityLookup,
): ClaimRecord[] {
  const claims: ClaimRecord[] = [];
  for (const event of events) {
    for (const id of event.mentionIds) {
      const account = accounts.get(id);
      if (account) claims.push(...eventClaims(event.id, account.documentId, account.event, entityOf));
    }
  }
  for (const { documentId, relation } of relations) {
    const source = entityOf(documentId, relation.source.type, relation.source.name);
    if (source === undefined) continue;
    const target = entityOf(documentId, relation.target.type, relation.target.name);
    const subject = { subjectKind: "entity" as const, subjectId: source, documentId, confidence: relation.confidence };
    const span = {
      start: Math.min(relation.source.start, relation.target.start),
      end: Math.max(relation.source.end, relation.target.end),
    };
    claims.push(claim(subject, relation.type, relation.target.name, span, relation.quote, relation.extractor, target));
  }
  return claims;
}

type Subject = Pick<ClaimRecord, "subjectKind" | "subjectId" | "documentId" | "confidence">;
type Span = { start: number; end: number };

/**
 * One claim, its properties always made in one order: V8 then gives the hundreds of thousands of
 * claims of a corpus a few shapes, where spreads gave each its own.
 */
function claim(
  subject: Subject,
  property: string,
  value: string,
  span: Span,
  quote: Span,
  extractor: string,
  valueEntityId?: string,
  qualifier?: string,
): ClaimRecord {
  const made: ClaimRecord = {
    subjectKind: subject.subjectKind,
    subjectId: subject.subjectId,
    property,
    value,
    documentId: subject.documentId,
    start: span.start,
    end: span.end,
    quoteStart: quote.start,
    quoteEnd: quote.end,
    extractor,
    confidence: subject.confidence,
  };
  if (valueEntityId !== undefined) made.valueEntityId = valueEntityId;
  if (qualifier !== undefined) made.qualifier = qualifier;
  return made;
}

/** The quote widened to cover a span outside it. */
function covering(quote: Span, span: Span): Span {
  return { start: Math.min(quote.start, span.start), end: Math.max(quote.end, span.end) };
}

function eventClaims(eventId: string, documentId: string, event: EventMention, entityOf: EntityLookup): ClaimRecord[] {
  const subject: Subject = { subjectKind: "event", subjectId: eventId, documentId, confidence: event.confidence };
  const claims = [claim(subject, "name", event.label, event.trigger, event.quote, event.extractor)];
  if (event.date) {
    const { value, earliest, latest, span } = event.date;
    const qualifier = `${earliest}/${latest}`;
    claims.push(
      claim(subject, "date", value, span, covering(event.quote, span), event.extractor, undefined, qualifier),
    );
  }
  if (event.place) {
    const { name, span } = event.place;
    const place = entityOf(documentId, "place", name);
    claims.push(claim(subject, "place", name, span, covering(event.quote, span), event.extractor, place));
  }
  for (const participant of event.participants) {
    const entity = entityOf(documentId, participant.type, participant.name);
    const { role, name, quote, extractor, side } = participant;
    claims.push(claim(subject, role, name, participant, quote, extractor, entity, side));
  }
  for (const [field, values] of Object.entries(event.fields)) {
    for (const value of values) {
      const fieldSubject = { ...subject, confidence: value.confidence };
      claims.push(claim(fieldSubject, field, value.value, value, value.quote, value.extractor));
    }
  }
  return claims;
}
