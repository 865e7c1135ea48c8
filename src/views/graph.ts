import type { ActorLink, LinkedActor } from "../store/knowledge.js";

/** A quote behind an edge (its claim) with the date it speaks of: its event's, else its document's. */
export interface DatedEvidence {
  claimId: number;
  /** ISO dates or their prefixes ("1958", "1958-07"), as events carry them. */
  date?: { start: string; end?: string };
}

export interface DatedEdge {
  id: string;
  source: string;
  target: string;
  type: string;
  /** In document order. */
  evidence: DatedEvidence[];
}

/** Every actor linked to another and every link with its dated quotes: what `networkView` filters. */
export interface ActorNetwork {
  nodes: Map<string, LinkedActor>;
  edges: DatedEdge[];
}

/** The type of the edges between actors of one event. */
export const CO_PARTICIPANT = "co-participant";

/**
 * Actors linked by typed relations (subject → value, one edge per relation) and by taking part in
 * the same event ("co-participant", source before target by id, each actor's first quote about the
 * event as evidence). A relation's quote is dated by its document, a co-participant's by its event.
 * An edge never cites one quote twice.
 */
export function actorNetwork(links: readonly ActorLink[]): ActorNetwork {
  const nodes = new Map<string, LinkedActor>();
  const edges = new Map<string, DatedEdge>();
  const quoted = new Set<string>();
  const add = (source: string, target: string, type: string, link: ActorLink, date: DatedEvidence["date"]) => {
    const id = `${source}|${type}|${target}`;
    const quote = `${id}|${link.documentId}|${link.quoteStart}|${link.quoteEnd}`;
    if (quoted.has(quote)) return;
    quoted.add(quote);
    const edge = edges.get(id) ?? { id, source, target, type, evidence: [] };
    edge.evidence.push({ claimId: link.claimId, ...(date ? { date } : {}) });
    edges.set(id, edge);
  };
  const events = new Map<string, Map<string, ActorLink>>();
  for (const link of links) {
    nodes.set(link.actor.id, link.actor);
    if (link.subject) {
      nodes.set(link.subject.id, link.subject);
      const date = link.documentDate ? { start: link.documentDate } : undefined;
      add(link.subject.id, link.actor.id, link.property, link, date);
      continue;
    }
    const actors = events.get(link.subjectId) ?? new Map<string, ActorLink>();
    if (!actors.has(link.actor.id)) actors.set(link.actor.id, link);
    events.set(link.subjectId, actors);
  }
  for (const actors of events.values()) {
    const ids = [...actors.keys()].sort();
    const first = actors.get(ids[0]!)!;
    const date = first.eventStart
      ? { start: first.eventStart, ...(first.eventEnd ? { end: first.eventEnd } : {}) }
      : undefined;
    for (const [i, source] of ids.entries())
      for (const target of ids.slice(i + 1)) {
        add(source, target, CO_PARTICIPANT, actors.get(source)!, date);
        add(source, target, CO_PARTICIPANT, actors.get(target)!, date);
      }
  }
  const linked = new Set([...edges.values()].flatMap((e) => [e.source, e.target]));
  for (const id of nodes.keys()) if (!linked.has(id)) nodes.delete(id);
  return { nodes, edges: [...edges.values()] };
}
