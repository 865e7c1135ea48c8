import type { ClaimRow, EventRow, KnowledgeStore, PageRange } from "../store/knowledge.js";
import type { DocumentRelation } from "../store/store.js";
import { citation } from "./citations.js";
import { filteredOutlines, type TimelineFilter, type TimelineKnowledge } from "./timeline.js";
import type { Disagreement, EventCard, EventSummary, FieldValue } from "./types.js";

const PARTICIPANT_PROPERTIES = new Set(["agent", "patient", "commander", "combatant", "participant"]);

/**
 * Events sorted by start: the timeline. Each with its participants and the quotes it rests on.
 * With `page`, only that page's events and their claims are read.
 */
export function eventSummaries(knowledge: KnowledgeStore, page?: PageRange): EventSummary[] {
  const events = knowledge.events(page);
  return summariesOf(knowledge, events, page ? undefined : knowledge.claims("event"));
}

/** The events that pass the timeline's filter (one page of them when `page` is given), and how many pass it. */
export function filteredEventSummaries(
  knowledge: KnowledgeStore,
  filter: TimelineFilter,
  page: PageRange | undefined,
  timeline: TimelineKnowledge = knowledge,
): { total: number; items: EventSummary[] } {
  const events = filteredOutlines(timeline, filter);
  const shown = page ? events.slice(page.offset, page.offset + page.limit) : events;
  return { total: events.length, items: summariesOf(knowledge, shown) };
}

/** Summaries of the given events, from the given claims or else from theirs. */
function summariesOf(knowledge: KnowledgeStore, events: readonly EventFields[], claims?: ClaimRow[]): EventSummary[] {
  const names = new Map<string, string>();
  const nameOf = (entityId: string, fallback: string) => {
    if (!names.has(entityId)) names.set(entityId, knowledge.findEntity(entityId)?.name ?? fallback);
    return names.get(entityId)!;
  };
  const claimsByEvent = new Map<string, ClaimRow[]>();
  for (const claim of claims ??
    knowledge.claimsOfSubjects(
      "event",
      events.map((e) => e.id),
    )) {
    const list = claimsByEvent.get(claim.subjectId);
    if (list) list.push(claim);
    else claimsByEvent.set(claim.subjectId, [claim]);
  }
  return events.map((event) => summary(event, claimsByEvent.get(event.id) ?? [], nameOf));
}

type EventFields = Pick<EventRow, "id" | "label" | "type" | "start" | "end" | "precision" | "place">;

/** Participants go by their entity's name ("Abd al-Karim Qasim"), not the form one source used ("Qasim"). */
function summary(
  event: EventFields,
  claims: ClaimRow[],
  nameOf: (entityId: string, fallback: string) => string,
): EventSummary {
  const participants = new Map<string, EventSummary["participants"][number]>();
  for (const claim of claims) {
    if (!PARTICIPANT_PROPERTIES.has(claim.property)) continue;
    const key = claim.valueEntityId ?? claim.value;
    if (participants.has(key)) continue;
    participants.set(key, {
      name: claim.valueEntityId ? nameOf(claim.valueEntityId, claim.value) : claim.value,
      ...(claim.valueEntityId ? { entityId: claim.valueEntityId } : {}),
      role: claim.property,
      ...(claim.qualifier ? { side: claim.qualifier } : {}),
    });
  }
  const sources = claims.filter((c) => c.property === "name").map(citation);
  return {
    id: event.id,
    label: event.label,
    type: event.type,
    ...(event.start ? { start: event.start } : {}),
    ...(event.end ? { end: event.end } : {}),
    ...(event.precision ? { precision: event.precision } : {}),
    ...(event.place ? { place: event.place } : {}),
    participants: [...participants.values()],
    sources,
  };
}

/**
 * The merged card: every field with each source's value side by side. Sources disagree on a field
 * when independent sources state different values; a document and its derived copies or
 * near-duplicates are one source, and values that differ inside one source are its internal
 * inconsistencies, listed apart.
 */
export function eventCard(
  knowledge: KnowledgeStore,
  idOrName: string,
  relations: readonly DocumentRelation[] = [],
): EventCard | undefined {
  const event = knowledge.findEvent(idOrName);
  if (!event) return undefined;
  const claims = knowledge.claims("event", event.id);
  const fields = fieldValues(claims);
  const sourceOf = sourceFamilies(relations);
  const disagreements: string[] = [];
  const inconsistencies: string[] = [];
  for (const field of Object.keys(fields)) {
    const fieldClaims = claims.filter((c) => c.property === field);
    if (!differ(field, fieldClaims)) continue;
    const bySource = group(fieldClaims, (c) => sourceOf(c.document.id));
    if ([...bySource.values()].some((own) => differ(field, own))) inconsistencies.push(field);
    if (bySource.size > 1 && differAcross(field, [...bySource.values()])) disagreements.push(field);
  }
  return {
    id: event.id,
    label: event.label,
    type: event.type,
    ...(event.start ? { start: event.start } : {}),
    ...(event.end ? { end: event.end } : {}),
    ...(event.precision ? { precision: event.precision } : {}),
    fields,
    disagreements,
    inconsistencies,
    mergeReasons: event.mergeReasons,
  };
}

/** Documents that are copies of one another (derived copies, near-duplicates) as one source: its first document's id. */
export function sourceFamilies(relations: readonly DocumentRelation[]): (documentId: string) => string {
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    const p = parent.get(id);
    if (p === undefined || p === id) return id;
    const root = find(p);
    parent.set(id, root);
    return root;
  };
  for (const r of relations) {
    const [a, b] = [find(r.documentId), find(r.relatedId)];
    if (a !== b) parent.set(a < b ? b : a, a < b ? a : b);
  }
  return find;
}

function group<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const list = groups.get(keyOf(item));
    if (list) list.push(item);
    else groups.set(keyOf(item), [item]);
  }
  return groups;
}

function fieldValues(claims: ClaimRow[]): Record<string, FieldValue[]> {
  const fields: Record<string, FieldValue[]> = {};
  for (const claim of claims) {
    const values = (fields[claim.property] ??= []);
    const normalized = normalizeValue(claim.property, claim.value);
    let entry = values.find((v) => normalizeValue(claim.property, v.value) === normalized);
    if (!entry) {
      entry = { value: claim.value, sources: [] };
      values.push(entry);
    }
    entry.sources.push(citation(claim));
  }
  return fields;
}

/** Fields where sources state different things. Names and participants list, they do not disagree. */
const COMPARABLE = /^(date|place|result|strength\d*|casualties\d*)$/;

/** Do these claims state different values of the field? */
function differ(field: string, claims: readonly ClaimRow[]): boolean {
  if (!COMPARABLE.test(field) || field === "place") return false;
  if (field === "date") return !intervalsOverlap(claims.map((c) => c.qualifier));
  return new Set(claims.map((c) => normalizeValue(field, c.value))).size > 1;
}

/** Do independent sources state different values — some value of one source that no value of another shares? */
function differAcross(field: string, sources: readonly (readonly ClaimRow[])[]): boolean {
  if (field === "date")
    return differ(
      field,
      sources.map((own) => own[0]!),
    );
  const values = sources.map((own) => new Set(own.map((c) => normalizeValue(field, c.value))));
  return values.some((mine, i) => values.some((theirs, j) => i !== j && ![...mine].some((v) => theirs.has(v))));
}

/** Dates agree when some day lies inside all of them ("1963-02" and "1963-02-08" agree). */
function intervalsOverlap(intervals: (string | undefined)[]): boolean {
  const bounds = intervals.filter((i) => i !== undefined).map((i) => i.split("/"));
  const earliest = bounds.reduce((max, [from]) => (from! > max ? from! : max), "0000");
  const latest = bounds.reduce((min, [, to]) => (to! < min ? to! : min), "9999");
  return earliest <= latest;
}

function normalizeValue(field: string, value: string): string {
  if (/^(strength|casualties)/.test(field)) return value.replace(/[\s,.]/g, "").replace(/[–—-]/g, "-");
  return value.toLowerCase().replace(/\s+/g, " ").trim();
}

/** Every field on which independent sources disagree, then every internal inconsistency of one source. */
export function disagreements(knowledge: KnowledgeStore, relations: readonly DocumentRelation[] = []): Disagreement[] {
  const out: Disagreement[] = [];
  for (const event of knowledge.events()) {
    const card = eventCard(knowledge, event.id, relations);
    if (!card) continue;
    for (const property of card.disagreements)
      out.push({ subject: card.label, subjectId: card.id, property, scope: "sources", values: card.fields[property]! });
    for (const property of card.inconsistencies)
      out.push({
        subject: card.label,
        subjectId: card.id,
        property,
        scope: "internal",
        values: card.fields[property]!,
      });
  }
  return out;
}
