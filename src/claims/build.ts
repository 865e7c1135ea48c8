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
    claims.push({
      subjectKind: "entity",
      subjectId: source,
      property: relation.type,
      value: relation.target.name,
      ...(target === undefined ? {} : { valueEntityId: target }),
      documentId,
      start: Math.min(relation.source.start, relation.target.start),
      end: Math.max(relation.source.end, relation.target.end),
      quoteStart: relation.quote.start,
      quoteEnd: relation.quote.end,
      extractor: relation.extractor,
      confidence: relation.confidence,
    });
  }
  return claims;
}

function eventClaims(eventId: string, documentId: string, event: EventMention, entityOf: EntityLookup): ClaimRecord[] {
  const claims: ClaimRecord[] = [];
  const base = { subjectKind: "event" as const, subjectId: eventId, documentId, confidence: event.confidence };
  claims.push({
    ...base,
    property: "name",
    value: event.label,
    start: event.trigger.start,
    end: event.trigger.end,
    quoteStart: event.quote.start,
    quoteEnd: event.quote.end,
    extractor: event.extractor,
  });
  if (event.date) {
    claims.push({
      ...base,
      property: "date",
      value: event.date.value,
      qualifier: `${event.date.earliest}/${event.date.latest}`,
      start: event.date.span.start,
      end: event.date.span.end,
      quoteStart: Math.min(event.quote.start, event.date.span.start),
      quoteEnd: Math.max(event.quote.end, event.date.span.end),
      extractor: event.extractor,
    });
  }
  if (event.place) {
    const place = entityOf(documentId, "place", event.place.name);
    claims.push({
      ...base,
      property: "place",
      value: event.place.name,
      ...(place === undefined ? {} : { valueEntityId: place }),
      start: event.place.span.start,
      end: event.place.span.end,
      quoteStart: Math.min(event.quote.start, event.place.span.start),
      quoteEnd: Math.max(event.quote.end, event.place.span.end),
      extractor: event.extractor,
    });
  }
  for (const participant of event.participants) {
    const entity = entityOf(documentId, participant.type, participant.name);
    claims.push({
      ...base,
      property: participant.role,
      value: participant.name,
      ...(entity === undefined ? {} : { valueEntityId: entity }),
      ...(participant.side === undefined ? {} : { qualifier: participant.side }),
      start: participant.start,
      end: participant.end,
      quoteStart: participant.quote.start,
      quoteEnd: participant.quote.end,
      extractor: participant.extractor,
    });
  }
  for (const [field, values] of Object.entries(event.fields)) {
    for (const value of values) {
      claims.push({
        ...base,
        property: field,
        value: value.value,
        start: value.start,
        end: value.end,
        quoteStart: value.quote.start,
        quoteEnd: value.quote.end,
        extractor: value.extractor,
        confidence: value.confidence,
      });
    }
  }
  return claims;
}
